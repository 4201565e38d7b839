// Package funcvars releases connections through a variable of function
// type: a literal or a method value that closes the connection, stored in
// the variable after the acquisition and called (or deferred) later.
package funcvars

import (
	"errors"
	"net"
)

func use(c net.Conn) error { return nil }

// The variable, shared with a handler literal that calls it, is set to a
// literal closing the connection and deferred right after: every return
// closes the connection.
func deferredLiteral(addr string, stop chan func()) error {
	var closeConn func()
	stop <- func() { closeConn() }
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	closeConn = func() { c.Close() }
	defer closeConn()
	return use(c)
}

// The same variable set to a no-op first and reassigned to the closing
// literal after the acquisition.
func reassignedLiteral(addr string) error {
	closeConn := func() {}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	closeConn = func() { c.Close() }
	defer closeConn()
	return use(c)
}

// A method value held in a variable and called on the error path; the
// other path closes the connection itself.
func methodValue(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	cf := c.Close
	if err := use(c); err != nil {
		return errors.Join(err, cf())
	}
	return c.Close()
}

// A method value chosen on one branch, nil on the other that holds no
// connection, and called when set.
func maybeMethodValue(addr string, dial bool) error {
	var cf func() error
	if dial {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return err
		}
		cf = c.Close
	}
	if err := use(nil); err != nil {
		if cf != nil {
			err = errors.Join(err, cf())
		}
		return err
	}
	if cf != nil {
		return cf()
	}
	return nil
}

// The variable is reassigned to a no-op after the closing literal and
// before the deferred call: the connection stays open.
func overwritten(addr string) error {
	closeConn := func() {}
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed`
	if err != nil {
		return err
	}
	closeConn = func() { c.Close() }
	closeConn = func() {}
	defer closeConn()
	return use(c)
}

// A shared variable that the handler literal may reassign: which
// function the deferred call runs is not known.
func sharedWritable(addr string, stop chan func()) error {
	var closeConn func()
	stop <- func() { closeConn = func() {} }
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed`
	if err != nil {
		return err
	}
	closeConn = func() { c.Close() }
	defer closeConn()
	return use(c)
}

// The variable set to a literal that does not close the connection.
func nonClosing(addr string) error {
	var done func()
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed`
	if err != nil {
		return err
	}
	done = func() { _ = c.LocalAddr() }
	defer done()
	return use(c)
}

// A method value stored but called only on the error path; the success
// path drops the connection.
func methodValueErrorOnly(addr string) error {
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed`
	if err != nil {
		return err
	}
	cf := c.Close
	if err := use(c); err != nil {
		return errors.Join(err, cf())
	}
	return nil
}

// The method value is set on one branch after the acquisition: where it
// is nil the connection is still open.
func branchOnlyCloser(addr string, keep bool) error {
	c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed`
	if err != nil {
		return err
	}
	var cf func() error
	if !keep {
		cf = c.Close
	}
	if cf != nil {
		return cf()
	}
	return nil
}

// The variable holds the previous connection's close when the next one
// is checked: the first round's check sees nil with a connection open.
func previousRound(addrs []string) error {
	var cf func() error
	for _, a := range addrs {
		c, err := net.Dial("tcp", a) // want `connection from net.Dial is not closed`
		if err != nil {
			return err
		}
		if cf == nil {
			return use(c)
		}
		cf()
		cf = c.Close
	}
	return nil
}
