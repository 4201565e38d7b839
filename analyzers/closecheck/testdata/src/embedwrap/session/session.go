// Package session wraps a connection the way x/crypto/ssh's server does:
// the returned *ServerConn embeds a Conn interface whose implementation
// holds the connection, so its Close is promoted from that field.
package session

import (
	"errors"
	"net"
)

type Conn interface {
	User() string
	Close() error
}

type connection struct{ c net.Conn }

func (x *connection) User() string { return "user" }
func (x *connection) Close() error { return x.c.Close() }

type ServerConn struct {
	Conn
	Permissions map[string]string
}

// NewServerConn closes c when the handshake fails and keeps it in the
// returned ServerConn otherwise.
func NewServerConn(c net.Conn, ok bool) (*ServerConn, error) {
	if !ok {
		c.Close()
		return nil, errors.New("handshake failed")
	}
	return &ServerConn{Conn: &connection{c}}, nil
}
