// Package tcp holds the line-protocol client and server of the cache
// daemon, its TCP proxy, a statsd emitter, and reachability probes.
package tcp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"
)

// ErrProtocol is returned when the peer violates the protocol.
var ErrProtocol = errors.New("tcp: protocol error")

// Client is a connected protocol client.
type Client struct {
	conn net.Conn
	r    *bufio.Reader
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Do sends one command line and reads one answer line.
func (c *Client) Do(cmd string) (string, error) {
	if _, err := io.WriteString(c.conn, cmd+"\r\n"); err != nil {
		return "", err
	}
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// Server serves the line protocol.
type Server struct {
	log     *slog.Logger
	handler func(cmd string) string
	wg      sync.WaitGroup
}

// Pool keeps idle connections to one address.
type Pool struct {
	addr string
	d    net.Dialer
	mu   sync.Mutex
	idle []net.Conn
	max  int
}

// Put returns a connection to the pool, closing it when the pool is full.
func (p *Pool) Put(c net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) >= p.max {
		c.Close()
		return
	}
	p.idle = append(p.idle, c)
}

func hello(conn net.Conn, name string) error {
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	defer conn.SetDeadline(time.Time{})
	if _, err := fmt.Fprintf(conn, "HELLO %s\r\n", name); err != nil {
		return err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "OK") {
		return fmt.Errorf("%w: greeting %q", ErrProtocol, strings.TrimSpace(line))
	}
	return nil
}

func writeProxyHeader(w io.Writer, src, dst net.Addr) error {
	s, d := src.(*net.TCPAddr), dst.(*net.TCPAddr)
	if s == nil || d == nil {
		return fmt.Errorf("%w: not a TCP address", ErrProtocol)
	}
	_, err := fmt.Fprintf(w, "PROXY TCP4 %s %s %d %d\r\n", s.IP, d.IP, s.Port, d.Port)
	return err
}
