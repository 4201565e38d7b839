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

// link holds its connection once newLink accepts it: the shape of
// quic-go's single-use Transport in DialAddr before its fix.
type link struct{ conn net.Conn }

// newLink keeps c only when it returns no error.
func newLink(c net.Conn, secure bool) (*link, error) {
	if !secure {
		return nil, errors.New("no TLS configuration")
	}
	return &link{conn: c}, nil
}

func (l *link) Close() error { return l.conn.Close() }

type linkSession struct{ l *link }

// open keeps l, in the session, only when the server's greeting arrives.
func (l *link) open() (*linkSession, error) {
	l.conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if _, err := l.conn.Read(make([]byte, 1)); err != nil {
		return nil, err
	}
	return &linkSession{l}, nil
}

// dialLinkLeaky returns open's error and drops the link, and its
// connection with it.
func dialLinkLeaky(addr string) (*linkSession, error) {
	nc, err := net.Dial("tcp", addr) //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	l, err := newLink(nc, true)
	if err != nil {
		nc.Close()
		return nil, err
	}
	return l.open()
}

// dialLinkFixed closes the link where open fails.
func dialLinkFixed(addr string) (*linkSession, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	l, err := newLink(nc, true)
	if err != nil {
		nc.Close()
		return nil, err
	}
	s, err := l.open()
	if err != nil {
		l.Close()
		return nil, err
	}
	return s, nil
}

// TestConditionalWrapper: a connection kept by a wrapper whose constructor
// keeps it only when it succeeds, and which a method keeps only when it
// succeeds, stays open when the method fails and the wrapper is dropped:
// the server's side never sees the end of the stream. Closing the wrapper
// on that path ends it. The collector is off while the calls run, as in
// TestDroppedHolder.
func TestConditionalWrapper(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	leaky := serverReadsAfterFailedDial(t, ln, dialLinkLeaky, func(s *linkSession) { s.l.Close() })
	t.Logf("leaky: the server reads %v", leaky)
	if !errors.Is(leaky, os.ErrDeadlineExceeded) {
		t.Errorf("leaky: the server read %v, want a timeout on a connection still open", leaky)
	}
	fixed := serverReadsAfterFailedDial(t, ln, dialLinkFixed, func(s *linkSession) { s.l.Close() })
	t.Logf("fixed: the server reads %v", fixed)
	if !errors.Is(fixed, io.EOF) {
		t.Errorf("fixed: the server read %v, want io.EOF", fixed)
	}
}
