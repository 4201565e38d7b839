package namedexit

import (
	"errors"
	"io"
	"net"
)

type session struct{ c net.Conn }

func (s *session) Close() error { return s.c.Close() }

// newSession keeps the connection when it succeeds and gives up on it,
// unclosed, when the greeting cannot be written.
func newSession(c net.Conn, greeting string) (*session, error) {
	if _, err := c.Write([]byte(greeting)); err != nil {
		return nil, err
	}
	return &session{c: c}, nil
}

// The finding names the return after newSession, which was handed the
// connection and failed, rather than the earlier return after a check
// of the caller's own argument.
func dialSession(addr, name string) (*session, error) {
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 35$`
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, errors.New("no name")
	}
	s, err := newSession(c, name)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// A failing method of the connection itself, or a read of it, does not
// move the named return: the earliest leaking one is named.
func greet(addr, name string) (net.Conn, error) {
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 48$`
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, errors.New("no name")
	}
	if _, err := c.Write([]byte(name)); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(c, make([]byte, 2)); err != nil {
		return nil, err
	}
	return c, nil
}

// With the connection closed on both failures there is no finding.
func dialSessionClosed(addr, name string) (*session, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if name == "" {
		c.Close()
		return nil, errors.New("no name")
	}
	s, err := newSession(c, name)
	if err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}
