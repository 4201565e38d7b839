// Package harness is test support in ordinary files: an integration
// harness whose functions take the running test's handle or are options
// its Test adds. Their returns of an error after a failed call are paths
// of a failed test; the same shapes in functions that run outside tests,
// and the returns a passing test takes, stay reported.
package harness

import (
	"errors"
	"fmt"
	"net"
	"os"
	"testing"
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

type Cmd struct{ addr string }

// dial takes the test's handle; its error goes, through DialClient, to
// the tests that call the harness.
func (cmd *Cmd) dial(t *testing.T) (*Session, error) {
	conn, err := net.Dial("tcp", cmd.addr)
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, fmt.Errorf("negotiating: %w", err)
	}
	return s, nil
}

// DialClient hands the tests what dial returns.
func (cmd *Cmd) DialClient(t *testing.T) (*Session, error) {
	return cmd.dial(t)
}

// DialChecked fails the test itself on dial's error.
func (cmd *Cmd) DialChecked(t *testing.T) *Session {
	s, err := cmd.dial(t)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return s
}

// probe takes the test's handle but drops dial's error: a passing test
// may take its failing return.
func (cmd *Cmd) probe(t *testing.T) bool {
	s, err := cmd.dialQuiet(t)
	if err != nil {
		return false
	}
	s.Close()
	return true
}

// Probe is the tests' way to probe.
func (cmd *Cmd) Probe(t *testing.T) bool { return cmd.probe(t) }

// dialQuiet's error is dropped by probe: its failing return is taken by a
// passing test.
func (cmd *Cmd) dialQuiet(t *testing.T) (*Session, error) {
	conn, err := net.Dial("tcp", cmd.addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	s, err := negotiate(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Refuse takes the test's handle and returns an error of its own making
// with the connection open: the return of a check, not of a failure.
func (cmd *Cmd) Refuse(t *testing.T, want string) (*Session, error) {
	conn, err := net.Dial("tcp", cmd.addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	if want == "" {
		return nil, errors.New("nothing wanted")
	}
	return &Session{c: conn}, nil
}

// Leaky takes the test's handle and leaves the connection open on its
// success: the run of a passing test.
func (cmd *Cmd) Leaky(t *testing.T) error {
	conn, err := net.Dial("tcp", cmd.addr) // want `connection from net.Dial is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_ = conn.LocalAddr()
	return nil
}

// Connect runs outside tests: its error goes to callers that need not be
// tests.
func Connect(addr string) (*Session, error) {
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

// Option configures a command; Test fails the test when one fails.
type Option func(cmd *Cmd) error

func create(cmd *Cmd, opts ...Option) (*Cmd, error) {
	for _, o := range opts {
		if err := o(cmd); err != nil {
			return nil, err
		}
	}
	return cmd, nil
}

// Test runs the command for the test, with the default options after the
// ones it is given.
func Test(t *testing.T, opts ...Option) *Cmd {
	opts = append(opts, defaultConfig)
	cmd, err := create(&Cmd{}, opts...)
	if err != nil {
		t.Fatalf("creating the command: %v", err)
	}
	return cmd
}

// defaultConfig is an option only Test uses.
func defaultConfig(cmd *Cmd) error {
	f, err := os.Create("log")
	if err != nil {
		return err
	}
	if err := defaultPorts()(cmd); err != nil {
		return err
	}
	cmd.addr = f.Name()
	return f.Close()
}

// defaultPorts makes the option defaultConfig runs.
func defaultPorts() Option {
	return func(cmd *Cmd) error {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		if _, err := net.ResolveTCPAddr("tcp", cmd.addr); err != nil {
			return err
		}
		cmd.addr = ln.Addr().String()
		return ln.Close()
	}
}

// Logging is an option for callers of any kind: it is not known to run
// in a test.
func Logging(path string) Option {
	return func(cmd *Cmd) error {
		f, err := os.Create(path) // want `file from os.Create is not closed when returning at line \d+`
		if err != nil {
			return err
		}
		if _, err := net.ResolveTCPAddr("tcp", cmd.addr); err != nil {
			return err
		}
		return f.Close()
	}
}

// Listen registers the listener's Close with the test.
func Listen(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().String()
}

// Accept fails the test, and returns, with the listener open.
func Accept(t testing.TB) net.Conn {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ln.Accept()
	if err != nil {
		t.Errorf("accept: %v", err)
		return nil
	}
	ln.Close()
	return c
}
