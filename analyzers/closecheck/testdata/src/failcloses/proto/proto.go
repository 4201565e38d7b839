// Package proto: a protocol client whose login gives up the connection
// when it fails.
package proto

import (
	"errors"
	"net"
	"net/textproto"
)

type Client struct {
	Text    *textproto.Conn
	helloed bool
}

func Dial(addr string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Client{Text: textproto.NewConn(conn)}, nil
}

func (c *Client) Close() error { return c.Text.Close() }

func (c *Client) cmd(code int, s string) error {
	id, err := c.Text.Cmd("%s", s)
	if err != nil {
		return err
	}
	c.Text.StartResponse(id)
	defer c.Text.EndResponse(id)
	_, _, err = c.Text.ReadResponse(code)
	return err
}

var errRefused = errors.New("refused")

// Login closes the connection before each of its error returns.
func (c *Client) Login(user string) error {
	if user == "" {
		c.Text.Close()
		return errRefused
	}
	if err := c.cmd(235, "AUTH "+user); err != nil {
		c.Text.Close()
		return err
	}
	return nil
}

// LoginSome returns its first error with the connection still open.
func (c *Client) LoginSome(user string) error {
	if err := c.cmd(250, "HELO"); err != nil {
		return err
	}
	if err := c.cmd(235, "AUTH "+user); err != nil {
		c.Text.Close()
		return err
	}
	return nil
}
