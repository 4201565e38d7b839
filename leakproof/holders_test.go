package leakproof

import (
	"errors"
	"io"
	"net"
	"os"
	"runtime/debug"
	"testing"
	"time"
)

// greeter is a client that keeps its connection in a local value until
// the server's greeting has arrived; the shape of
// analyzers/closecheck/testdata/src/holders (droppedHolder).
type greeter struct {
	conn net.Conn
}

func (g *greeter) awaitGreeting() error {
	g.conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	buf := make([]byte, 1)
	_, err := g.conn.Read(buf)
	return err
}

// dialGreeterLeaky drops the client, and its connection with it, when the
// greeting does not come.
func dialGreeterLeaky(addr string) (*greeter, error) {
	nc, err := net.Dial("tcp", addr) //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	g := &greeter{conn: nc}
	if err := g.awaitGreeting(); err != nil {
		return nil, err
	}
	return g, nil
}

// dialGreeterFixed closes the connection where it drops the client.
func dialGreeterFixed(addr string) (*greeter, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	g := &greeter{conn: nc}
	if err := g.awaitGreeting(); err != nil {
		nc.Close()
		return nil, err
	}
	return g, nil
}

// TestDroppedHolder: a connection held by a local value that the function
// drops on its error path stays open, and the server's side of it never
// sees the end of the stream; closing it on that path ends it.
//
// The collector is switched off while the calls run: a *net.TCPConn's
// descriptor is closed by a cleanup once the collector finds it
// unreachable, which in a service happens when the heap grows, not when
// the peer's connection slots run out.
func TestDroppedHolder(t *testing.T) {
	leakyKeepsServerWaiting(t, dialGreeterLeaky, dialGreeterFixed, func(g *greeter) { g.conn.Close() })
}

// leakyKeepsServerWaiting dials a silent server with leaky and with
// fixed, each of which must fail, and checks what the server's side then
// reads: a timeout after leaky (its connection is still open), io.EOF
// after fixed (closed on the failing path). release closes what a dial
// that unexpectedly succeeds returns. The collector is switched off while
// the calls run: a *net.TCPConn's descriptor is closed by a cleanup once
// the collector finds it unreachable.
func leakyKeepsServerWaiting[T any](t *testing.T, leaky, fixed func(string) (T, error), release func(T)) {
	t.Helper()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := serverReadsAfterFailedDial(t, ln, leaky, release)
	t.Logf("leaky: the server reads %v", got)
	if !errors.Is(got, os.ErrDeadlineExceeded) {
		t.Errorf("leaky: the server read %v, want a timeout on a connection still open", got)
	}
	got = serverReadsAfterFailedDial(t, ln, fixed, release)
	t.Logf("fixed: the server reads %v", got)
	if !errors.Is(got, io.EOF) {
		t.Errorf("fixed: the server read %v, want io.EOF", got)
	}
}

// serverReadsAfterFailedDial dials ln with dial, which must fail on its
// silent server (release closes what a dial that succeeds returns), and
// reports what the server's side of the connection then reads: a timeout
// while the client's side is still open, io.EOF once it is closed.
func serverReadsAfterFailedDial[T any](t *testing.T, ln net.Listener, dial func(string) (T, error), release func(T)) error {
	t.Helper()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	if v, err := dial(ln.Addr().String()); err == nil {
		release(v)
		t.Fatal("the greeting arrived from a server that sends none")
	}
	srv := <-accepted
	defer srv.Close()
	srv.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	_, err := srv.Read(make([]byte, 1))
	return err
}
