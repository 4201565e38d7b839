// Package valuerecv: a resource whose release method has a value
// receiver, held through a pointer.
package valuerecv

import "net"

type Client struct{ c net.Conn }

func (c *Client) Close() error { return c.c.Close() }

func NewClient(c net.Conn) (*Client, error) { return &Client{c}, nil }
