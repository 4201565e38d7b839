// Package untested holds helpers that nothing in the package's ordinary
// files calls, only its test file: in a run without the package's test
// files (leakvet -test=false) they are helpers of tests. Their returns of
// an error after a failed call are paths of a failed test, as for a
// harness's helpers; a leak on their success, and the same shapes in
// dead code, in functions that the package calls, that other packages
// can call, that a file of another platform calls or that C calls, stay
// reported. The test file is in the run of the package's test variant,
// where the rules for test code decide the same.
package untested

import (
	"errors"
	"net"
	"os"
)

type Session struct{ c net.Conn }

func (s *Session) Close() error { return s.c.Close() }

// negotiate fails without closing the connection it is given.
func negotiate(c net.Conn) (*Session, error) {
	if _, err := c.Write([]byte("hello")); err != nil {
		return nil, err
	}
	return &Session{c: c}, nil
}

// newClient is named nowhere in the package: the tests left out of the
// run start the client with it.
func newClient(addr string) (*Session, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// dial's only caller is startPair, which nothing names either: its error
// goes up to the tests through startPair.
func dial(addr string) (net.Conn, *Session, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, nil, err
	}
	return conn, s, nil
}

func startPair(a, b string) (*Session, *Session, error) {
	_, s1, err := dial(a)
	if err != nil {
		return nil, nil, err
	}
	_, s2, err := dial(b)
	if err != nil {
		s1.Close()
		return nil, nil, err
	}
	return s1, s2, nil
}

// leakyHelper is named nowhere either, but it leaves the file open on its
// success: the run of a passing test.
func leakyHelper(name string) error {
	f, err := os.Open(name) // want `file from os.Open is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_ = f.Name()
	return nil
}

// refuse returns an error of its own making with the connection open:
// the return of a check, not of a failure.
func refuse(addr, want string) (*Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	if want == "" {
		return nil, errors.New("nothing wanted")
	}
	return &Session{c: conn}, nil
}

// connect is called by Connect, which other packages call: its error goes
// to callers that need not be tests.
func connect(addr string) (*Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Connect is the package's API.
func Connect(addr string) (*Session, error) { return connect(addr) }

// Open is exported and takes no test's handle: other packages call it.
func Open(addr string) (*Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// otherPlatform is called only by a file that this build leaves out: it
// runs on the platform that file is built for.
func otherPlatform(addr string) (*Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// exported is called from C.
//
//export exported
func exported(addr string) (*Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// deadDial is named nowhere, not even by the tests: dead code, judged as
// it is written.
func deadDial(addr string) (*Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}
