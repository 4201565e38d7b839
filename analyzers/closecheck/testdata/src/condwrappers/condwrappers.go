// Package condwrappers hands a socket to a constructor that keeps it in
// the transport it returns only when it succeeds, and the transport to a
// method that keeps it only when it succeeds: where the method fails, the
// transport and the socket in it are dropped.
package condwrappers

import (
	"errors"
	"net"
)

type transport struct {
	conn net.PacketConn
	n    int
}

// newTransport keeps c only when it returns no error.
func newTransport(c net.PacketConn, secure bool) (*transport, error) {
	if !secure {
		return nil, errors.New("no TLS configuration")
	}
	return &transport{conn: c}, nil
}

func (t *transport) Close() error { return t.conn.Close() }

type session struct{ t *transport }

// dial keeps t, in the session, only when it succeeds.
func (t *transport) dial(n int) (*session, error) {
	if n <= 0 {
		return nil, errors.New("invalid configuration")
	}
	t.n = n
	return &session{t: t}, nil
}

func listen() (net.PacketConn, error) {
	return net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4zero})
}

func Dial(n int) (*session, error) {
	c, err := listen() // want `connection from listen is not closed when returning at line 52 \(listen returns it unreleased at condwrappers.go:39\)`
	if err != nil {
		return nil, err
	}
	t, err := newTransport(c, true)
	if err != nil {
		c.Close()
		return nil, err
	}
	return t.dial(n)
}

func DialChecked(n int) (*session, error) {
	c, err := listen() // want `connection from listen is not closed when returning at line 67 \(listen returns it unreleased at condwrappers.go:39\)`
	if err != nil {
		return nil, err
	}
	t, err := newTransport(c, true)
	if err != nil {
		c.Close()
		return nil, err
	}
	s, err := t.dial(n)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// DialClosed closes the transport where the dial fails.
func DialClosed(n int) (*session, error) {
	c, err := listen()
	if err != nil {
		return nil, err
	}
	t, err := newTransport(c, true)
	if err != nil {
		c.Close()
		return nil, err
	}
	s, err := t.dial(n)
	if err != nil {
		t.Close()
		return nil, err
	}
	return s, nil
}

// NewTransport hands the transport to its caller where it is made.
func NewTransport() (*transport, error) {
	c, err := listen()
	if err != nil {
		return nil, err
	}
	t, err := newTransport(c, true)
	if err != nil {
		c.Close()
		return nil, err
	}
	return t, nil
}

// registry keeps every transport it is given, whether it accepts it or
// not: the transport is its to close.
type registry struct{ ts []*transport }

func (r *registry) add(t *transport, n int) error {
	r.ts = append(r.ts, t)
	if n <= 0 {
		return errors.New("invalid configuration")
	}
	return nil
}

func Register(r *registry, n int) error {
	c, err := listen()
	if err != nil {
		return err
	}
	t, err := newTransport(c, true)
	if err != nil {
		c.Close()
		return err
	}
	return r.add(t, n)
}
