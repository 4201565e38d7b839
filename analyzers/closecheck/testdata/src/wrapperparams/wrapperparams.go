// Package wrapperparams: a wrapper (a type outside the resource table with
// a release method) handed to a function of the package that keeps it or
// releases it on some paths only. The callee's summary decides, as for a
// table type; a method's own receiver is not handed over.
package wrapperparams

import (
	"bufio"
	"errors"
	"io"
	"net"
	"time"
)

// netConn wraps a connection; Release closes it.
type netConn struct {
	conn net.Conn
	w    *bufio.Writer
}

func (n *netConn) Release() error { return n.conn.Close() }

func dialWrapped(addr string) (*netConn, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &netConn{conn: conn, w: bufio.NewWriter(conn)}, nil
}

// sendRPC releases the connection on each of its failing returns.
func sendRPC(conn *netConn, b byte) error {
	if err := conn.w.WriteByte(b); err != nil {
		conn.Release()
		return err
	}
	if err := conn.w.Flush(); err != nil {
		conn.Release()
		return err
	}
	return nil
}

type transport struct{ pool []*netConn }

// releasedOnFailureThenPooled: the failure return owes nothing (sendRPC
// released it), the success path pools it.
func (t *transport) releasedOnFailureThenPooled(addr string) error {
	conn, err := dialWrapped(addr)
	if err != nil {
		return err
	}
	if err := sendRPC(conn, 1); err != nil {
		return err
	}
	t.pool = append(t.pool, conn)
	return nil
}

// releasedOnFailureDroppedOnSuccess: sendRPC keeps nothing when it
// succeeds, and the success return drops the connection.
func releasedOnFailureDroppedOnSuccess(addr string) error {
	conn, err := dialWrapped(addr) // want `\*netConn from dialWrapped is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	if err := sendRPC(conn, 1); err != nil {
		return err
	}
	return nil
}

// pipeline holds the connection; its Close releases it.
type pipeline struct {
	conn *netConn
	ch   chan int
}

func (p *pipeline) Close() error { close(p.ch); return p.conn.Release() }

// Pipeline is what the transport hands out.
type Pipeline interface{ Close() error }

func newPipeline(conn *netConn, n int) *pipeline {
	return &pipeline{conn: conn, ch: make(chan int, n)}
}

// keptByConstructor: newPipeline stores the connection in the pipeline
// the caller receives.
func keptByConstructor(addr string) (Pipeline, error) {
	conn, err := dialWrapped(addr)
	if err != nil {
		return nil, err
	}
	return newPipeline(conn, 3), nil
}

// depth only reads the wrapper.
func depth(conn *netConn) int { return conn.w.Buffered() }

// onlyReadByCallee: depth keeps nothing; the connection is dropped.
func onlyReadByCallee(addr string) (int, error) {
	conn, err := dialWrapped(addr) // want `\*netConn from dialWrapped is not closed when returning at line \d+`
	if err != nil {
		return 0, err
	}
	return depth(conn), nil
}

// handshake keeps the connection in the pipeline only when it succeeds,
// and neither keeps nor releases it when it fails.
func handshake(conn *netConn) (*pipeline, error) {
	if err := conn.w.WriteByte(0); err != nil {
		return nil, err
	}
	return &pipeline{conn: conn, ch: make(chan int)}, nil
}

// keptOnSuccessDroppedOnFailure: the failure return drops the connection
// handshake did not keep.
func keptOnSuccessDroppedOnFailure(addr string) (Pipeline, error) {
	conn, err := dialWrapped(addr) // want `\*netConn from dialWrapped is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	p, err := handshake(conn)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// keptOnSuccessReleasedOnFailure: the caller releases what handshake did
// not keep.
func keptOnSuccessReleasedOnFailure(addr string) (Pipeline, error) {
	conn, err := dialWrapped(addr)
	if err != nil {
		return nil, err
	}
	p, err := handshake(conn)
	if err != nil {
		conn.Release()
		return nil, err
	}
	return p, nil
}

// session wraps a connection; Close closes it.
type session struct {
	conn net.Conn
	done chan struct{}
}

func (s *session) Close() error { return s.conn.Close() }

func openSession(addr string) (*session, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &session{conn: conn, done: make(chan struct{})}, nil
}

// Quit says goodbye and closes the session only when the peer answered.
func (s *session) Quit() error {
	if _, err := io.WriteString(s.conn, "QUIT\r\n"); err != nil {
		return err
	}
	return s.Close()
}

// quitOnSuccess: Quit releases the session on its success path, and the
// failure path releases it here.
func quitOnSuccess(addr string) error {
	s, err := openSession(addr)
	if err != nil {
		return err
	}
	if err := s.Quit(); err != nil {
		s.Close()
		return err
	}
	return nil
}

// quitFailureDropped: when Quit fails it has not closed the session.
func quitFailureDropped(addr string) error {
	s, err := openSession(addr) // want `\*session from openSession is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	if err := s.Quit(); err != nil {
		return err
	}
	return nil
}

// watch keeps its own receiver in a goroutine: the method's own
// behaviour, not a hand-over to another owner.
func (s *session) watch() {
	go func() {
		<-s.done
		s.conn.SetDeadline(time.Time{})
	}()
}

// receiverKeptByOwnMethod: the session is still the caller's to close.
func receiverKeptByOwnMethod(addr string) error {
	s, err := openSession(addr) // want `\*session from openSession is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	s.watch()
	return nil
}

// closer is what setup hands back for the caller to close.
type closer interface{ Close() error }

type client struct{ name string }

// setupWith closes the session when it fails and hands it back as its
// closer result when it succeeds.
func setupWith(s *session, name string) (*client, closer, error) {
	if name == "" {
		s.Close()
		return nil, nil, errors.New("no name")
	}
	return &client{name: name}, s, nil
}

// setup: setupWith keeps the session on every path (it goes
// back to the caller of setup in the closer result).
func setup(addr, name string) (*client, closer, error) {
	s, err := openSession(addr)
	if err != nil {
		return nil, nil, err
	}
	return setupWith(s, name)
}
