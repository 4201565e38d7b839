// Package helpers holds release helpers used from another package.
package helpers

import (
	"io"
	"net"
)

// CloseAll closes c and reports nothing.
func CloseAll(c io.Closer) { _ = c.Close() }

// Session owns a connection once the greeting succeeds.
type Session struct{ conn net.Conn }

// Close closes the session's connection.
func (s *Session) Close() error { return s.conn.Close() }

// NewSession keeps conn only when it returns a nil error.
func NewSession(conn net.Conn) (*Session, error) {
	if _, err := conn.Write([]byte("HELLO\n")); err != nil {
		return nil, err
	}
	return &Session{conn: conn}, nil
}
