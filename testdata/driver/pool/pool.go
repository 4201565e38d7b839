// Package pool is a driver fixture: a resource type leakvet does not know
// until the user declares it with -closecheck.resources.
package pool

import "errors"

// Conn is a pooled connection; Put returns it.
type Conn struct{ id int }

// Pool hands out connections.
type Pool struct{ free []*Conn }

// Get takes a connection out of the pool.
func (p *Pool) Get() (*Conn, error) {
	if len(p.free) == 0 {
		return &Conn{}, nil
	}
	c := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return c, nil
}

// Put returns c to the pool.
func (p *Pool) Put(c *Conn) { p.free = append(p.free, c) }

// Session is released by its own Close method.
type Session struct{ open bool }

// Dial opens a session.
func Dial(addr string) (*Session, error) {
	if addr == "" {
		return nil, errors.New("no address")
	}
	return &Session{open: true}, nil
}

// Close ends the session.
func (s *Session) Close() error { s.open = false; return nil }

// Ping checks the session.
func (s *Session) Ping() error {
	if !s.open {
		return errors.New("closed")
	}
	return nil
}
