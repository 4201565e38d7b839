package cleanups

import (
	"net"
	"testing"
)

// newSession registers the session's Close with the test: callers get a
// session the test closes when it ends.
func newSession(t testing.TB) *Session {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Client(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// newSessionNamed does the same through a named result.
func newSessionNamed(t testing.TB) (s *Session) {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		t.Fatalf("err: %v", err)
	}
	s, err = Client(c)
	if err != nil {
		t.Fatalf("err: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestSessionCleanup(t *testing.T) {
	s := newSession(t)
	if s == nil {
		return
	}
}

func TestSessionNamedCleanup(t *testing.T) {
	s := newSessionNamed(t)
	if s == nil {
		return
	}
}

// newSessionLogged registers a cleanup that does not close the session:
// callers own it.
func newSessionLogged(t testing.TB) *Session {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Client(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { t.Logf("session %p", s) })
	return s
}

func TestSessionLoggedCleanup(t *testing.T) {
	s := newSessionLogged(t) // want `\*Session from newSessionLogged is not closed when returning at line 71`
	if s == nil {
		return
	}
}

// newSessionMethod registers the session's Close method value.
func newSessionMethod(t testing.TB) *Session {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Client(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSessionMethodCleanup(t *testing.T) {
	s := newSessionMethod(t)
	if s == nil {
		return
	}
}

// startSession wraps the connection in a session whose Close the test
// runs when it ends: the caller's connection is released then.
func startSession(t *testing.T, c net.Conn) *Session {
	s, err := Client(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// wrapSession wraps it and leaves the session to the caller.
func wrapSession(t *testing.T, c net.Conn) *Session {
	s, err := Client(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStartSession(t *testing.T) {
	c, err := Dial("127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	startSession(t, c)
}

func TestWrapSession(t *testing.T) {
	c, err := Dial("127.0.0.1:1") // want `connection from Dial is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	wrapSession(t, c)
}
