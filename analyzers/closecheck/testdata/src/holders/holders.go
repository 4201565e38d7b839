// Package holders: resources held through local wrappers, setters, nil
// signals and method values. A holder that outlives the path owns what it
// holds; a local holder that the path drops drops its resource too.
package holders

import (
	"errors"
	"io"
	"net"
	"os"
	"sync/atomic"
	"time"
)

type streamListener struct {
	net.Listener
}

type localServer struct{ l *streamListener }

func (s *streamListener) newLocalServer() *localServer { return &localServer{l: s} }

func (ls *localServer) teardown() { ls.l.Close() }

// wrappedThenTornDown: the listener sits in a local wrapper whose server's
// teardown closes it.
func wrappedThenTornDown() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ls := (&streamListener{Listener: ln}).newLocalServer()
	defer ls.teardown()
	return nil
}

type parser struct {
	r io.Reader
}

func (p *parser) SetInput(r io.Reader) { p.r = r }

func (p *parser) Close() error {
	if c, ok := p.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// handedToSetter: the parser, which outlives the call, keeps the file
// behind an io.Reader and closes it in its own Close.
func handedToSetter(p *parser, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	p.SetInput(f)
	return nil
}

type peekConn struct{ net.Conn }

// wrap closes the connection itself and says so by returning nil.
func wrap(c net.Conn) *peekConn {
	if c.RemoteAddr() == nil {
		c.Close()
		return nil
	}
	return &peekConn{c}
}

func nilMeansClosed(ln net.Listener, out chan<- *peekConn) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		pc := wrap(c)
		if pc == nil {
			continue
		}
		out <- pc
	}
}

// methodValueNeverNil: a method value is never nil, so the guarded calls
// always close.
func methodValueNeverNil(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	closeConn := conn.Close
	if _, err := conn.Write([]byte("ping")); err != nil {
		if closeConn != nil {
			closeConn()
		}
		return err
	}
	if closeConn != nil {
		closeConn()
	}
	return nil
}

type client struct {
	conn net.Conn
	buf  []byte
}

func handshake(c *client) error {
	c.conn.SetDeadline(time.Now().Add(time.Second))
	_, err := c.conn.Write(c.buf)
	return err
}

// droppedHolder: the connection sits in a local client that handshake
// keeps nothing of; when the handshake fails, the client and its
// connection are dropped open.
func droppedHolder(addr string) (*client, error) {
	nc, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 127`
	if err != nil {
		return nil, err
	}
	c := &client{conn: nc, buf: []byte("hello")}
	if err := handshake(c); err != nil {
		return nil, err
	}
	return c, nil
}

// droppedHolderClosed closes the connection where it drops the client.
func droppedHolderClosed(addr string) (*client, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &client{conn: nc, buf: []byte("hello")}
	if err := handshake(c); err != nil {
		nc.Close()
		return nil, err
	}
	return c, nil
}

type transport struct{ conn *net.UDPConn }

func (t *transport) Close() error { return t.conn.Close() }

type packetListener struct{ t *transport }

func (t *transport) listen(ok bool) (*packetListener, error) {
	if !ok {
		return nil, errors.New("no configuration")
	}
	return &packetListener{t: t}, nil
}

// listenAddr hands the socket to a transport whose listen keeps it only
// when it succeeds: its failure returns with the socket open.
func listenAddr(addr *net.UDPAddr, ok bool) (*packetListener, error) {
	conn, err := net.ListenUDP("udp", addr) // want `connection from net.ListenUDP is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	return (&transport{conn: conn}).listen(ok)
}

// listenAddrClosed closes the socket when listen fails.
func listenAddrClosed(addr *net.UDPAddr, ok bool) (*packetListener, error) {
	conn, err := net.ListenUDP("udp", addr)
	if err != nil {
		return nil, err
	}
	l, err := (&transport{conn: conn}).listen(ok)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return l, nil
}

type download struct {
	dest io.WriterAt
	name string
}

// gatheredThenCleaned: the files sit in a local slice of structs; on a
// later error a cleanup closure closes every one of them.
func gatheredThenCleaned(names []string, keep func([]download)) error {
	var downloads []download
	clean := func(ds []download) {
		for _, d := range ds {
			f := d.dest.(*os.File)
			f.Close()
			os.Remove(f.Name())
		}
	}
	for _, n := range names {
		if n == "" {
			clean(downloads)
			return errors.New("empty name")
		}
		f, err := os.Create(n)
		if err != nil {
			clean(downloads)
			return err
		}
		downloads = append(downloads, download{dest: f, name: n})
	}
	keep(downloads)
	return nil
}

// gatheredNotCleaned drops the files gathered so far on a later error.
func gatheredNotCleaned(names []string, keep func([]download)) error {
	var downloads []download
	for _, n := range names {
		if n == "" {
			return errors.New("empty name")
		}
		f, err := os.Create(n) // want `file from os.Create is not closed when returning at line \d+`
		if err != nil {
			return err
		}
		downloads = append(downloads, download{dest: f, name: n})
	}
	keep(downloads)
	return nil
}

type session struct{ conn net.Conn }

func (s *session) hello() error {
	_, err := s.conn.Write([]byte("hello"))
	return err
}

func (s *session) Close() error { return s.conn.Close() }

// newSession closes the connection when its handshake fails and keeps it
// in the session it returns otherwise (the shape of ssh.NewClientConn).
func newSession(c net.Conn) (io.Closer, error) {
	s := &session{conn: c}
	if err := s.hello(); err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}

// newSessionEvenOnError returns the session with the handshake's error.
func newSessionEvenOnError(c net.Conn) (*session, error) {
	s := &session{conn: c}
	if err := s.hello(); err != nil {
		return s, err
	}
	return s, nil
}

// sessionClosedByCallee: where newSession fails it has closed the
// connection, so returning its error leaks nothing.
func sessionClosedByCallee(addr string) (io.Closer, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	s, err := newSession(nc)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// sessionDroppedOnError: newSessionEvenOnError hands the session back with
// its error, and this caller drops it open.
func sessionDroppedOnError(addr string) (*session, error) {
	nc, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := newSessionEvenOnError(nc)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// closeOnce may run from several goroutines: the flag lets the first call
// close the connection and every later one return at once.
func closeOnce(c net.Conn, done *atomic.Bool) {
	if done.Swap(true) {
		return
	}
	c.Close()
}

// closeUnlessKept returns early on a flag that says nothing about an
// earlier release.
func closeUnlessKept(c net.Conn, keep *atomic.Bool) {
	if keep.Load() {
		return
	}
	c.Close()
}

// dialClosedOnce: the failure path hands the connection to a once-only
// close, which closes it the first time it runs.
func dialClosedOnce(addr string, done *atomic.Bool) (net.Conn, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if _, err := nc.Write([]byte("hi")); err != nil {
		closeOnce(nc, done)
		return nil, err
	}
	return nc, nil
}

// dialClosedUnlessKept: when keep is set the failure path leaves the
// connection open.
func dialClosedUnlessKept(addr string, keep *atomic.Bool) (net.Conn, error) {
	nc, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	if _, err := nc.Write([]byte("hi")); err != nil {
		closeUnlessKept(nc, keep)
		return nil, err
	}
	return nc, nil
}

type driverConn struct {
	netConn net.Conn
	rawConn net.Conn
	closed  atomic.Bool
}

func (mc *driverConn) Close() error {
	mc.cleanup()
	return nil
}

// cleanup is the wrapper's teardown: once, and only when there is a
// connection.
func (mc *driverConn) cleanup() {
	if mc.closed.Swap(true) {
		return
	}
	conn := mc.rawConn
	if conn == nil {
		return
	}
	conn.Close()
}

// forget clears the wrapper without closing anything.
func (mc *driverConn) forget() { mc.rawConn = nil }

// connectTornDown: every failure path after the dial tears the wrapper
// down, which closes the connection it holds.
func connectTornDown(addr string) (*driverConn, error) {
	mc := &driverConn{}
	var err error
	mc.netConn, err = net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	mc.rawConn = mc.netConn
	if _, err := mc.netConn.Write([]byte("hello")); err != nil {
		mc.cleanup()
		return nil, err
	}
	return mc, nil
}

// connectForgotten: forget is no teardown; the failure path drops the
// connection open.
func connectForgotten(addr string) (*driverConn, error) {
	mc := &driverConn{}
	var err error
	mc.netConn, err = net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	mc.rawConn = mc.netConn
	if _, err := mc.netConn.Write([]byte("hello")); err != nil {
		mc.forget()
		return nil, err
	}
	return mc, nil
}
