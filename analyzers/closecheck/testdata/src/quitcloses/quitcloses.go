// Package quitcloses: a protocol client whose Quit closes its connection
// once the server has acknowledged, and returns nil only then.
package quitcloses

import (
	"errors"
	"net"
	"net/textproto"
	"sync"
)

type Client struct {
	conn net.Conn
	gone bool
}

func Dial(addr string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func (c *Client) Close() error { return c.conn.Close() }

func (c *Client) cmd(s string) error {
	_, err := c.conn.Write([]byte(s))
	return err
}

// Quit returns nil only after closing the connection.
func (c *Client) Quit() error {
	if err := c.cmd("QUIT"); err != nil {
		return err
	}
	return c.conn.Close()
}

// Hello closes nothing.
func (c *Client) Hello() error { return c.cmd("HELO") }

var errRefused = errors.New("refused")

// QuitOrRefuse closes the connection on its nil return and leaves it
// open on the refusal.
func (c *Client) QuitOrRefuse(ok bool) error {
	if !ok {
		return errRefused
	}
	return c.Quit()
}

// QuitLazy returns nil without closing when it takes the server to be
// gone already.
func (c *Client) QuitLazy() error {
	if c.gone {
		return nil
	}
	return c.Quit()
}

// Bye closes the connection on a nil return, and on some others: only
// its nil return says the connection is closed.
func (c *Client) Bye() error {
	if err := c.cmd("BYE"); err != nil {
		return err
	}
	if err := c.conn.Close(); err != nil {
		return err
	}
	return nil
}

// TextClient speaks through a textproto.Conn, a wrapper that owns the
// connection, and closes it in Quit under its lock.
type TextClient struct {
	Text  *textproto.Conn
	mutex sync.Mutex
}

func DialText(addr string) (*TextClient, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &TextClient{Text: textproto.NewConn(conn)}, nil
}

func (c *TextClient) Close() error { return c.Text.Close() }

func (c *TextClient) cmd(code int, format string) error {
	id, err := c.Text.Cmd("%s", format)
	if err != nil {
		return err
	}
	c.Text.StartResponse(id)
	defer c.Text.EndResponse(id)
	_, _, err = c.Text.ReadResponse(code)
	return err
}

func (c *TextClient) Quit() error {
	if err := c.cmd(221, "QUIT"); err != nil {
		return err
	}
	c.mutex.Lock()
	err := c.Text.Close()
	c.mutex.Unlock()
	return err
}

// Reset only talks.
func (c *TextClient) Reset() error { return c.cmd(250, "RSET") }

// Relay holds two connections: Close closes the upstream one, and
// StopTrace closes only the trace.
type Relay struct {
	upstream net.Conn
	trace    *textproto.Conn
}

func DialRelay(addr, traceAddr string) (*Relay, error) {
	up, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc, err := textproto.Dial("tcp", traceAddr)
	if err != nil {
		up.Close()
		return nil, err
	}
	return &Relay{upstream: up, trace: tc}, nil
}

func (r *Relay) Close() error {
	r.trace.Close()
	return r.upstream.Close()
}

// StopTrace closes the trace once it has said goodbye: not what Close
// does, so not a release of the relay.
func (r *Relay) StopTrace() error {
	if err := r.trace.PrintfLine("BYE"); err != nil {
		return err
	}
	return r.trace.Close()
}
