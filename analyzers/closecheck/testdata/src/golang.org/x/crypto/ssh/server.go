package ssh

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

type ServerConn struct{ Conn }

type NewChannel interface{ Reject(reason string) error }

type Request struct{ Type string }

type ServerConfig struct{ NoClientAuth bool }

// NewServerConn closes c when the handshake fails; otherwise the returned
// ServerConn keeps it, and the mux closes chans and then c once reading
// from c fails.
func NewServerConn(c net.Conn, config *ServerConfig) (*ServerConn, <-chan NewChannel, <-chan *Request, error) {
	if config == nil {
		c.Close()
		return nil, nil, nil, errors.New("ssh: handshake failed")
	}
	chans := make(chan NewChannel)
	reqs := make(chan *Request)
	return &ServerConn{&connection{c}}, chans, reqs, nil
}

// NewListener stands for a function that returns a channel it closes on
// its own schedule.
func NewListener(c net.Conn) (*ServerConn, <-chan NewChannel) {
	return &ServerConn{&connection{c}}, make(chan NewChannel)
}

func DiscardRequests(in <-chan *Request) {
	for range in {
	}
}
