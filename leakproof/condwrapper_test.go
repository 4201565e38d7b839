package leakproof

import (
	"errors"
	"net"
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
	leakyKeepsServerWaiting(t, dialLinkLeaky, dialLinkFixed, func(s *linkSession) { s.l.Close() })
}
