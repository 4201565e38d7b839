// Package captured assigns an acquisition's error to a variable of the
// enclosing function from inside a closure.
package captured

import "net"

// acceptLoop hands every connection on; the error goes to the enclosing
// function's variable, and on error there is no connection.
func acceptLoop(ln net.Listener) error {
	conns := make(chan net.Conn)
	var acceptErr error
	go func() {
		defer close(conns)
		for {
			var c net.Conn
			c, acceptErr = ln.Accept()
			if acceptErr != nil {
				return
			}
			conns <- c
		}
	}()
	for c := range conns {
		c.Close()
	}
	return acceptErr
}

// acceptCheck leaves the connection open when the listener's address is
// not the one it wants.
func acceptCheck(ln net.Listener, want string) error {
	var err error
	func() {
		var c net.Conn
		c, err = ln.Accept() // want `connection from ln.Accept is not closed when returning at line 40`
		if err != nil {
			return
		}
		if ln.Addr().String() != want {
			return
		}
		c.Close()
	}()
	return err
}
