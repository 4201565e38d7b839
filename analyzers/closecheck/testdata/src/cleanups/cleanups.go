// Package cleanups holds a session type that owns a connection and the
// streams opened on it: closing the session closes them all.
package cleanups

import (
	"io"
	"net"
)

type Session struct {
	conn    io.ReadWriteCloser
	streams []*Stream
}

type Stream struct{ s *Session }

func (s *Stream) Read(p []byte) (int, error)  { return 0, nil }
func (s *Stream) Write(p []byte) (int, error) { return len(p), nil }
func (s *Stream) Close() error                { return nil }

func Client(conn io.ReadWriteCloser) (*Session, error) {
	if conn == nil {
		return nil, io.ErrClosedPipe
	}
	return &Session{conn: conn}, nil
}

func (s *Session) Open() (*Stream, error) {
	st := &Stream{s: s}
	s.streams = append(s.streams, st)
	return st, nil
}

func (s *Session) Close() error {
	for _, st := range s.streams {
		st.Close()
	}
	return s.conn.Close()
}

func Dial(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
