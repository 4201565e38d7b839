package captured

import (
	"errors"
	"log"
	"net"
)

type client struct{ c net.Conn }

func handshake(c net.Conn) error { return nil }

// A deferred literal given the connection as an argument closes it when
// the named error is set: every failing return is covered.
func dialClient(addr string) (cl *client, err error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer func(conn net.Conn) {
		if err != nil {
			conn.Close()
		}
	}(conn)
	if err := handshake(conn); err != nil {
		return nil, err
	}
	if conn.LocalAddr() == nil {
		return nil, errors.New("no local address")
	}
	return &client{c: conn}, nil
}

// The same shape whose deferred literal only logs the connection.
func dialLogged(addr string) (cl *client, err error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 44`
	if err != nil {
		return nil, err
	}
	defer func(conn net.Conn) {
		log.Printf("dialled %v: %v", conn.RemoteAddr(), err)
	}(conn)
	if err := handshake(conn); err != nil {
		return nil, err
	}
	return &client{c: conn}, nil
}
