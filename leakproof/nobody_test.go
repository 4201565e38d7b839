package leakproof

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestHTTPNoBody: a response to a HEAD request, and a response from a
// handler that writes no body (Content-Length: 0), have Body =
// http.NoBody: net/http puts the connection back in its pool before Do
// returns, so calls that never close them reuse one connection and leave
// nothing open after CloseIdleConnections (httpbody does not report
// them). The same GET against a handler that writes a body keeps one
// connection per call (httpbody reports it).
func TestHTTPNoBody(t *testing.T) {
	writesBody := func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("a body the client never reads"))
	}
	writesNothing := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Seen", r.Method)
		w.WriteHeader(http.StatusCreated)
	}
	send := func(hc *http.Client, method, url string) (int, error) {
		req, err := http.NewRequest(method, url, nil)
		if err != nil {
			return 0, err
		}
		resp, err := hc.Do(req) //nolint:httpbody // the GET with a body is the leak this test measures
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}
	t.Run("HEAD never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, http.HandlerFunc(writesBody))
		hc, tp := newClient(t)
		callEach(t, http.StatusOK, func() (int, error) { return send(hc, http.MethodHead, srv.URL) })
		reused(t, conns, tp)
	})

	t.Run("empty handler never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, http.HandlerFunc(writesNothing))
		hc, tp := newClient(t)
		callEach(t, http.StatusCreated, func() (int, error) { return send(hc, http.MethodGet, srv.URL) })
		reused(t, conns, tp)
	})

	// The handler shapes httpbody follows beyond a literal that uses its
	// writer directly: a deferred literal that captures the writer and
	// answers a recovered panic with a status, a helper given the writer,
	// and a handler type's ServeHTTP that only records the request.
	recovers := func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if recover() != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		}()
		if r.Method == http.MethodGet {
			panic("handled by the deferred literal")
		}
	}
	noContent := func(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }
	viaHelper := func(w http.ResponseWriter, r *http.Request) { noContent(w) }
	rec := &methodRecorder{}
	for _, c := range []struct {
		name    string
		handler http.HandlerFunc
		code    int
	}{
		{"recovered panic answered with a status", recovers, http.StatusServiceUnavailable},
		{"writer handed to a helper", viaHelper, http.StatusNoContent},
		{"handler type recording the request", rec.ServeHTTP, http.StatusOK},
	} {
		t.Run(c.name+" never closed", func(t *testing.T) {
			srv, conns := trackedServer(t, c.handler)
			hc, tp := newClient(t)
			callEach(t, c.code, func() (int, error) { return send(hc, http.MethodGet, srv.URL) })
			reused(t, conns, tp)
		})
	}

	t.Run("GET with a body never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, http.HandlerFunc(writesBody))
		hc, tp := newClient(t)
		callEach(t, http.StatusOK, func() (int, error) { return send(hc, http.MethodGet, srv.URL) })
		heldPerCall(t, conns, tp)
	})
}

// methodRecorder is a handler type whose ServeHTTP writes nothing.
type methodRecorder struct{ last atomic.Value }

func (m *methodRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.last.Store(r.Method)
}

// TestHTTPInMemoryAdapter: a client whose Transport is a function adapter
// made by a helper around a literal that builds every response in memory
// opens no connection, whatever URL it is given, so responses it returns
// hold nothing when never closed (httpbody does not report them). The
// same helper around a literal that asks a real transport leaves one open
// connection per unclosed response.
func TestHTTPInMemoryAdapter(t *testing.T) {
	srv, tr := trackedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("a body the client never reads"))
	}))
	get := func(hc *http.Client) (int, error) {
		resp, err := hc.Get(srv.URL) //nolint:httpbody // the network case is the leak this test measures
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}

	inMemory := &http.Client{Transport: withEmptyBody(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusTeapot, Body: io.NopCloser(strings.NewReader("in memory")), Request: r}, nil
	})}
	callEach(t, http.StatusTeapot, func() (int, error) { return get(inMemory) })
	t.Logf("in memory: after %d calls, %d connections accepted", httpCalls, tr.total())
	if n := tr.total(); n != 0 {
		t.Errorf("the in-memory adapter made %d connections, want 0", n)
	}

	network := &http.Transport{}
	t.Cleanup(network.CloseIdleConnections)
	relayed := &http.Client{Transport: withEmptyBody(network.RoundTrip)}
	callEach(t, http.StatusOK, func() (int, error) { return get(relayed) })
	network.CloseIdleConnections()
	eventually(t, 200*time.Millisecond, func() bool { return tr.open() < httpCalls })
	t.Logf("relayed: after %d calls, %d connections accepted, %d still open", httpCalls, tr.total(), tr.open())
	if got := tr.open(); got < httpCalls {
		t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one per call)", got, httpCalls)
	}
}

// adapter makes a function a round tripper.
type adapter func(*http.Request) (*http.Response, error)

func (f adapter) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// withEmptyBody is a helper that wraps f, giving a response without a
// body http.NoBody.
func withEmptyBody(f func(*http.Request) (*http.Response, error)) adapter {
	return func(r *http.Request) (*http.Response, error) {
		resp, err := f(r)
		if resp != nil && resp.Body == nil {
			resp.Body = http.NoBody
		}
		return resp, err
	}
}

// TestHTTPDelegatingTransport: a round tripper that sets a header and
// hands the request to the round tripper in its field answers with what
// that one answers. Over a function adapter that builds every response in
// memory it opens no connection, so responses it returns hold nothing
// when never closed (httpbody does not report them); over a real
// transport it leaves one open connection per unclosed response.
func TestHTTPDelegatingTransport(t *testing.T) {
	srv, tr := trackedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("a body the client never reads"))
	}))
	roundTrip := func(rt http.RoundTripper) (int, error) {
		req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
		if err != nil {
			return 0, err
		}
		resp, err := rt.RoundTrip(req) //nolint:httpbody // the network case is the leak this test measures
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}

	inMemory := &headerSetter{base: adapter(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusTeapot, Body: io.NopCloser(strings.NewReader(r.Header.Get("X-Token"))), Request: r}, nil
	}), token: "t"}
	callEach(t, http.StatusTeapot, func() (int, error) { return roundTrip(inMemory) })
	t.Logf("in memory: after %d calls, %d connections accepted", httpCalls, tr.total())
	if n := tr.total(); n != 0 {
		t.Errorf("the delegating round tripper over memory made %d connections, want 0", n)
	}

	network := &http.Transport{}
	t.Cleanup(network.CloseIdleConnections)
	relayed := &headerSetter{base: network, token: "t"}
	callEach(t, http.StatusOK, func() (int, error) { return roundTrip(relayed) })
	network.CloseIdleConnections()
	eventually(t, 200*time.Millisecond, func() bool { return tr.open() < httpCalls })
	t.Logf("relayed: after %d calls, %d connections accepted, %d still open", httpCalls, tr.total(), tr.open())
	if got := tr.open(); got < httpCalls {
		t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one per call)", got, httpCalls)
	}
}

// headerSetter sets a header and hands the request to base.
type headerSetter struct {
	base  http.RoundTripper
	token string
}

func (h *headerSetter) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Token", h.token)
	return h.base.RoundTrip(r)
}

// TestHTTPQuietRoute: a handler that dispatches on the path (a ServeMux
// with constant patterns, a switch over r.URL.Path) answers a request
// with what the route it reaches writes. A route that writes no body
// gives Body = http.NoBody whatever the other routes write, so calls on
// its constant path that never close the body reuse one connection
// (httpbody does not report them); the route with a body keeps one
// connection per call (httpbody reports it).
func TestHTTPQuietRoute(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "a body the client never reads")
	})
	switched := func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ping":
			w.WriteHeader(http.StatusCreated)
		default:
			fmt.Fprint(w, "a body the client never reads")
		}
	}
	get := func(hc *http.Client, url string) (int, error) {
		resp, err := hc.Get(url) //nolint:httpbody // the route with a body is the leak this test measures
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}
	for _, c := range []struct {
		name    string
		handler http.Handler
		code    int
	}{
		{"mux route without a body", mux, http.StatusNoContent},
		{"switch case without a body", http.HandlerFunc(switched), http.StatusCreated},
	} {
		t.Run(c.name+" never closed", func(t *testing.T) {
			srv, conns := trackedServer(t, c.handler)
			hc, tp := newClient(t)
			callEach(t, c.code, func() (int, error) { return get(hc, srv.URL+"/ping") })
			reused(t, conns, tp)
		})
	}
	t.Run("mux route with a body never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, mux)
		hc, tp := newClient(t)
		callEach(t, http.StatusOK, func() (int, error) { return get(hc, srv.URL+"/report") })
		heldPerCall(t, conns, tp)
	})
}
