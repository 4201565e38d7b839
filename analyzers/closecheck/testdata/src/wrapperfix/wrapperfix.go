// Package wrapperfix: the suggested defer for a wrapper calls the release
// method its type has.
package wrapperfix

import "net"

// released wraps a connection; its release method is Release.
type released struct{ conn net.Conn }

func (r *released) Release() error { return r.conn.Close() }

func dialReleased(addr string) (*released, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &released{conn: conn}, nil
}

// closed wraps a connection; its release method is Close.
type closed struct{ conn net.Conn }

func (c *closed) Close() error { return c.conn.Close() }

func dialClosed(addr string) (*closed, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &closed{conn: conn}, nil
}

func useReleased(addr string) error {
	r, err := dialReleased(addr) // want `\*released from dialReleased is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_ = r.conn.LocalAddr()
	return nil
}

func useClosed(addr string) error {
	c, err := dialClosed(addr) // want `\*closed from dialClosed is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_ = c.conn.LocalAddr()
	return nil
}
