// Package embedwrap: a wrapper whose Close is promoted from an embedded
// field is released by that Close; a wrapper nobody closes is not.
package embedwrap

import (
	"net"

	"embedwrap/session"
)

func ServeOne(l net.Listener) error {
	nc, err := l.Accept()
	if err != nil {
		return err
	}
	sconn, err := session.NewServerConn(nc, true)
	if err != nil {
		return err
	}
	defer sconn.Close()
	_ = sconn.User()
	return nil
}

// The promoted Close through the field named explicitly.
func ServeField(l net.Listener) error {
	nc, err := l.Accept()
	if err != nil {
		return err
	}
	sconn, err := session.NewServerConn(nc, true)
	if err != nil {
		return err
	}
	defer sconn.Conn.Close()
	return nil
}

// Nobody closes the wrapper.
func ServeDropped(l net.Listener) error {
	nc, err := l.Accept() // want `connection from l.Accept is not closed when returning at line 50`
	if err != nil {
		return err
	}
	sconn, err := session.NewServerConn(nc, true)
	if err != nil {
		return err
	}
	_ = sconn.User()
	return nil
}
