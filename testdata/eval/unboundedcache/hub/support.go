// Package hub tracks the live connections of the chat server and the
// rooms they have joined.
package hub

import (
	"bufio"
	"net"
	"sync"
)

var mu sync.Mutex

// Client is one connected user.
type Client struct {
	conn net.Conn
	name string
	out  chan string
}

func newClient(conn net.Conn) *Client {
	return &Client{conn: conn, out: make(chan string, 16)}
}

func (c *Client) writeLoop() {
	w := bufio.NewWriter(c.conn)
	for msg := range c.out {
		if _, err := w.WriteString(msg + "\n"); err != nil {
			return
		}
		if err := w.Flush(); err != nil {
			return
		}
	}
}
