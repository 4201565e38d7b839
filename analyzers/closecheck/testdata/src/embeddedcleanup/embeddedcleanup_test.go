package embeddedcleanup

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// fakeIdP embeds the server: its Close is the server's, promoted.
type fakeIdP struct {
	*httptest.Server
	requests int
}

// twoServers holds two servers in named fields.
type twoServers struct {
	primary   *httptest.Server
	secondary *httptest.Server
}

func (s *twoServers) Close() {
	s.primary.Close()
	s.secondary.Close()
}

// newFakeIdP registers the promoted Close as a method value.
func newFakeIdP(t *testing.T) *fakeIdP {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.requests++
	}))
	t.Cleanup(f.Close)
	return f
}

// newFakeIdPLiteral registers a literal that calls the promoted Close.
func newFakeIdPLiteral(t *testing.T) *fakeIdP {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(func() { f.Close() })
	return f
}

// newFakeIdPField registers the field's Close, named through the field.
func newFakeIdPField(t *testing.T) *fakeIdP {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(f.Server.Close)
	return f
}

// newFakeIdPUnclosed registers nothing: the caller owns the server.
func newFakeIdPUnclosed(t *testing.T) *fakeIdP {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.NotFoundHandler())
	return f
}

// newTwoServersOneClosed closes only the secondary server at the test's
// end: the primary is the caller's.
func newTwoServersOneClosed(t *testing.T) *twoServers {
	s := &twoServers{}
	s.primary = httptest.NewServer(http.NotFoundHandler())
	s.secondary = httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(s.secondary.Close)
	return s
}

func TestFakeIdPMethodValue(t *testing.T) {
	f := newFakeIdP(t)
	if f.requests > 0 {
		return
	}
}

func TestFakeIdPLiteral(t *testing.T) {
	f := newFakeIdPLiteral(t)
	if f.requests > 0 {
		return
	}
}

func TestFakeIdPField(t *testing.T) {
	f := newFakeIdPField(t)
	if f.requests > 0 {
		return
	}
}

func TestFakeIdPUnclosed(t *testing.T) {
	f := newFakeIdPUnclosed(t) // want `\*fakeIdP from newFakeIdPUnclosed is not closed when returning at line 93`
	if f.requests > 0 {
		return
	}
}

func TestTwoServersOneClosed(t *testing.T) {
	s := newTwoServersOneClosed(t) // want `\*twoServers from newTwoServersOneClosed is not closed when returning at line 100`
	if s.primary == nil {
		return
	}
}

// In the test itself: the server in the embedded field is closed by a
// deferred call of the promoted method, or left open.
func TestDeferPromotedClose(t *testing.T) {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.NotFoundHandler())
	defer f.Close()
	if f.URL == "" {
		t.Error("no URL")
	}
}

func TestPromotedNeverClosed(t *testing.T) {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.NotFoundHandler()) // want `\*net/http/httptest.Server from httptest.NewServer is not closed when returning at line 121`
	if f.URL == "" {
		t.Error("no URL")
	}
}

// newFakeIdPLogged registers a literal that captures the wrapper (the
// handler captures it too) without closing it: the caller owns it.
func newFakeIdPLogged(t *testing.T) *fakeIdP {
	f := &fakeIdP{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.requests++
	}))
	t.Cleanup(func() { t.Logf("served %d", f.requests) })
	return f
}

// newTwoServersSecondaryLiteral closes the secondary server from a
// literal that captures the wrapper: the primary is the caller's.
func newTwoServersSecondaryLiteral(t *testing.T) *twoServers {
	s := &twoServers{}
	s.primary = httptest.NewServer(http.NotFoundHandler())
	s.secondary = httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(func() { s.secondary.Close() })
	return s
}

func TestFakeIdPLogged(t *testing.T) {
	f := newFakeIdPLogged(t) // want `\*fakeIdP from newFakeIdPLogged is not closed when returning at line 147`
	if f.requests > 0 {
		return
	}
}

func TestTwoServersSecondaryLiteral(t *testing.T) {
	s := newTwoServersSecondaryLiteral(t) // want `\*twoServers from newTwoServersSecondaryLiteral is not closed when returning at line 154`
	if s.primary == nil {
		return
	}
}
