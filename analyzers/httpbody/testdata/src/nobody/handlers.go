package nobody

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// recovered writes only a status, from a deferred literal that captures
// the writer.
func recovered() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if recover() != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		}()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// recoveredWithBody: the literal that captures the writer writes a body.
func recoveredWithBody() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if e := recover(); e != nil {
				fmt.Fprint(w, e)
			}
		}()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 43`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// noContent is a helper that answers with a status and no body.
func noContent(w http.ResponseWriter) {
	w.Header().Set("X-Done", "1")
	w.WriteHeader(http.StatusNoContent)
}

// helperStatus: the handler hands its writer to a helper that writes no
// body.
func helperStatus() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		noContent(w)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// recorder is a handler type whose ServeHTTP only records the request.
type recorder struct{ got string }

func (h *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.got = r.Header.Get("Accept-Encoding")
}

func handlerType() (string, error) {
	h := &recorder{}
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/x")
	if err != nil {
		return "", err
	}
	return resp.Status + h.got, nil
}

// greeter is a handler type whose ServeHTTP writes a body.
type greeter struct{}

func (greeter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "hello")
}

func handlerTypeWithBody() (int, error) {
	srv := httptest.NewServer(greeter{})
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 98`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newTestServer is a helper that serves the handler it is given.
func newTestServer(h http.Handler) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	srv.EnableHTTP2 = true
	srv.StartTLS()
	return srv
}

// fromHelper: the server comes from the helper, with a handler that
// writes no body.
func fromHelper() (int, error) {
	srv := newTestServer(http.HandlerFunc(accepted))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// fromHelperWithBody: the same helper given a handler that writes.
func fromHelperWithBody() (int, error) {
	srv := newTestServer(greeter{})
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL) // want `response body from srv.Client\(\).Get is not closed when returning at line 129`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newReplacingServer is a helper that serves another handler than the
// one it is given.
func newReplacingServer(h http.Handler) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	srv.Config.Handler = greeter{}
	srv.Start()
	return srv
}

func fromReplacingHelper() (int, error) {
	srv := newReplacingServer(http.HandlerFunc(accepted))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 148`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A handler given to the caller's helper from another function's
// parameter is out of sight.
func fromHelperCallerHandler(h http.Handler) (int, error) {
	srv := newTestServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 160`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// fixture is what a helper returns: the server it made, among others.
type fixture struct {
	name string
	srv  *httptest.Server
}

// newFixture is a helper that keeps the server it makes for the handler
// it is given in a field of what it returns.
func newFixture(name string, h http.Handler) *fixture {
	f := &fixture{name: name}
	f.srv = httptest.NewUnstartedServer(h)
	f.srv.Start()
	return f
}

func fromFixture() (int, error) {
	f := newFixture("quiet", http.HandlerFunc(accepted))
	defer f.srv.Close()
	resp, err := f.srv.Client().Get(f.srv.URL + "/" + f.name)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func fromFixtureWithBody() (int, error) {
	f := newFixture("loud", greeter{})
	defer f.srv.Close()
	resp, err := f.srv.Client().Get(f.srv.URL) // want `response body from f.srv.Client\(\).Get is not closed when returning at line 195`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The caller replaces the server the fixture holds.
func fromFixtureReplaced() (int, error) {
	f := newFixture("quiet", http.HandlerFunc(accepted))
	f.srv = httptest.NewServer(greeter{})
	defer f.srv.Close()
	resp, err := http.Get(f.srv.URL) // want `response body from http.Get is not closed when returning at line 207`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newFixtureWithOptions is a helper that hands the server to the
// caller's options, which may give it another handler.
func newFixtureWithOptions(h http.Handler, opts ...func(*httptest.Server)) *fixture {
	f := &fixture{srv: httptest.NewUnstartedServer(h)}
	for _, o := range opts {
		o(f.srv)
	}
	f.srv.Start()
	return f
}

func fromFixtureWithOptions() (int, error) {
	f := newFixtureWithOptions(http.HandlerFunc(accepted))
	defer f.srv.Close()
	resp, err := http.Get(f.srv.URL) // want `response body from http.Get is not closed when returning at line 228`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
