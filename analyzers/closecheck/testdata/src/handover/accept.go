// Package handover holds resources handed to an owner in ways the walk
// must see (a wrapper built before the acquisition, a struct value set
// through reflection, a server that keeps a listener until its Close), and
// error paths on which the acquisition failed. The functions marked want
// leak; the others do not.
package handover

import (
	"errors"
	"io"
	"net"
	"time"
)

type Server struct{ name string }

// Conn keeps the accepted connection; serve closes it on every return.
type Conn struct {
	conn   net.Conn
	server *Server
}

func newConn(c net.Conn, s *Server) *Conn { return &Conn{conn: c, server: s} }

func (c *Conn) serve() {
	defer func() { c.conn.Close() }()
	buf := make([]byte, 16)
	c.conn.Read(buf)
}

// A temporary accept error, tested by asserting the error's type, is a
// failed Accept: there is no connection on that branch.
func (s *Server) Serve(ln net.Listener) error {
	var delay time.Duration
	for {
		conn, err := ln.Accept()
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			delay += 5 * time.Millisecond
			time.Sleep(delay)
			continue
		} else if errors.Is(err, net.ErrClosed) {
			return nil
		} else if err != nil {
			return err
		}
		delay = 0
		go newConn(conn, s).serve()
	}
}

// The same through a type switch on the error.
func (s *Server) ServeSwitch(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		switch err.(type) {
		case nil:
		case net.Error:
			continue
		default:
			return err
		}
		go newConn(conn, s).serve()
	}
}

// An assertion on another error (the write's) says nothing of the
// connection, which is open there.
func greet(ln net.Listener) error {
	conn, err := ln.Accept() // want `connection from ln.Accept is not closed when returning at line 75`
	if err != nil {
		return err
	}
	if _, werr := conn.Write([]byte("hello\n")); werr != nil {
		if _, ok := werr.(net.Error); ok {
			return werr
		}
	}
	return conn.Close()
}

// An accept error compared with a sentinel is a failed Accept: where it
// equals io.EOF there is no connection.
func (s *Server) ServeUntilEOF(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		go newConn(conn, s).serve()
	}
}

// The same comparison on another error (the write's) says nothing of the
// connection, which is open there.
func greetUntilEOF(ln net.Listener) error {
	conn, err := ln.Accept() // want `connection from ln.Accept is not closed when returning at line 104`
	if err != nil {
		return err
	}
	if _, werr := conn.Write([]byte("hello\n")); werr == io.EOF {
		return werr
	}
	return conn.Close()
}
