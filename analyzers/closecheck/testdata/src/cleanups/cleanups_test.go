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
