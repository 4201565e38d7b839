// Package dialers dials through a Dialer interface of its own, as database
// drivers let their users plug in a dialer: the connection is the
// caller's all the same.
package dialers

import (
	"errors"
	"net"
)

type Dialer interface {
	Dial(network, address string) (net.Conn, error)
}

type session struct {
	c    net.Conn
	name string
}

func (s *session) Close() error { return s.c.Close() }

func (s *session) handshake() error {
	if s.name == "" {
		return errors.New("no name")
	}
	_, err := s.c.Write([]byte(s.name))
	return err
}

// openDropsConnOnHandshakeError: the fresh session that holds the
// connection is dropped when the handshake fails.
func openDropsConnOnHandshakeError(d Dialer, addr string) (*session, error) {
	s := &session{name: "x"}
	var err error
	s.c, err = d.Dial("tcp", addr) // want `connection from d.Dial is not closed when returning at line 40`
	if err != nil {
		return nil, err
	}
	if err := s.handshake(); err != nil {
		return nil, err
	}
	return s, nil
}

func openClosesOnHandshakeError(d Dialer, addr string) (*session, error) {
	s := &session{name: "x"}
	var err error
	s.c, err = d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := s.handshake(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openWithDeferDropsConnOnHandshakeError: the session lives in a variable
// a deferred closure captures, and the results are named: the failed
// handshake still returns nil, dropping the session and its connection.
func openWithDeferDropsConnOnHandshakeError(d Dialer, addr string) (_ *session, err error) {
	s := &session{name: "x"}
	s.c, err = d.Dial("tcp", addr) // want `connection from d.Dial is not closed when returning at line 70`
	if err != nil {
		return nil, err
	}
	err = s.handshake()
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			s.c.Close()
		}
	}()
	ok = true
	return s, err
}

func openWithDeferClosesOnHandshakeError(d Dialer, addr string) (_ *session, err error) {
	s := &session{name: "x"}
	s.c, err = d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	err = s.handshake()
	if err != nil {
		s.Close()
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			s.c.Close()
		}
	}()
	ok = true
	return s, err
}
