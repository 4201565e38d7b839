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

// mailClient closes its connection in Quit once the server has
// acknowledged, and returns nil only then: the shape of an SMTP client's
// Quit.
type mailClient struct{ conn net.Conn }

func dialMail(addr string) (*mailClient, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &mailClient{conn: nc}, nil
}

func (c *mailClient) Close() error { return c.conn.Close() }

func (c *mailClient) Quit() error {
	if _, err := c.conn.Write([]byte("QUIT\r\n")); err != nil {
		return err
	}
	c.conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if _, err := c.conn.Read(make([]byte, 1)); err != nil {
		return err
	}
	return c.conn.Close()
}

// quitLeaky ignores Quit's error: where the server does not answer, the
// connection stays open.
func quitLeaky(addr string) error {
	c, err := dialMail(addr) //nolint:closecheck // the leak this test measures
	if err != nil {
		return err
	}
	_ = c.Quit()
	return nil
}

// quitFixed closes the client where Quit fails.
func quitFixed(addr string) error {
	c, err := dialMail(addr)
	if err != nil {
		return err
	}
	if err := c.Quit(); err != nil {
		c.Close()
		return err
	}
	return nil
}

// TestIgnoredQuit: a Quit that closes the connection only when the
// server acknowledges leaves it open where the server is silent and its
// error is ignored; the server's side never sees the end of the stream.
// Closing on Quit's failure ends it. The collector is off while the calls
// run, as in TestDroppedHolder.
func TestIgnoredQuit(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	serverReads := func(quit func(string) error) error {
		accepted := make(chan net.Conn, 1)
		go func() {
			c, err := ln.Accept()
			if err == nil {
				accepted <- c
			}
		}()
		quit(ln.Addr().String())
		srv := <-accepted
		defer srv.Close()
		buf := make([]byte, 6)
		if _, err := io.ReadFull(srv, buf); err != nil {
			t.Fatalf("reading the QUIT: %v", err)
		}
		srv.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
		_, err := srv.Read(make([]byte, 1))
		return err
	}
	got := serverReads(quitLeaky)
	t.Logf("leaky: the server reads %v", got)
	if !errors.Is(got, os.ErrDeadlineExceeded) {
		t.Errorf("leaky: the server read %v, want a timeout on a connection still open", got)
	}
	got = serverReads(quitFixed)
	t.Logf("fixed: the server reads %v", got)
	if !errors.Is(got, io.EOF) {
		t.Errorf("fixed: the server read %v, want io.EOF", got)
	}
}
