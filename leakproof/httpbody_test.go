package leakproof

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/leakvet/leakvet/testdata/demo/apiclient"
)

// connTracker follows the server side of every connection through
// http.Server.ConnState.
type connTracker struct {
	mu       sync.Mutex
	state    map[net.Conn]http.ConnState
	accepted int
}

func (c *connTracker) hook(conn net.Conn, s http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s == http.StateNew {
		c.accepted++
	}
	c.state[conn] = s
}

// open counts connections the server has not seen closed or hijacked.
func (c *connTracker) open() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, s := range c.state {
		if s != http.StateClosed && s != http.StateHijacked {
			n++
		}
	}
	return n
}

func (c *connTracker) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.accepted
}

// trackedServer serves handler on loopback, counting its connections.
func trackedServer(t *testing.T, handler http.Handler) (*httptest.Server, *connTracker) {
	t.Helper()
	tr := &connTracker{state: make(map[net.Conn]http.ConnState)}
	srv := httptest.NewUnstartedServer(handler)
	srv.Config.ConnState = tr.hook
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, tr
}

// unavailableAPI answers every request with 503 and a short body, the
// non-2xx path of both client methods. It runs on loopback.
func unavailableAPI(t *testing.T) (*httptest.Server, *connTracker) {
	t.Helper()
	return trackedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
}

// reused asserts that the calls of a case shared a connection and left
// none open once the client's idle connections are closed.
func reused(t *testing.T, conns *connTracker, tp *http.Transport) {
	t.Helper()
	total := conns.total()
	tp.CloseIdleConnections()
	closed := eventually(t, 5*time.Second, func() bool { return conns.open() == 0 })
	t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, total, conns.open())
	if total > 3 {
		t.Errorf("server accepted %d connections for %d calls, want reuse (<= 3)", total, httpCalls)
	}
	if !closed {
		t.Errorf("%d connections open after CloseIdleConnections, want 0", conns.open())
	}
}

// heldPerCall asserts that every call of a case left its connection
// open: closing the client's idle connections reaches none of them.
func heldPerCall(t *testing.T, conns *connTracker, tp *http.Transport) {
	t.Helper()
	tp.CloseIdleConnections()
	// Give closing connections time to reach the server; none is
	// expected to.
	eventually(t, 200*time.Millisecond, func() bool { return conns.open() < httpCalls })
	t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
	if got := conns.open(); got < httpCalls {
		t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one per call)", got, httpCalls)
	}
}

// callEach makes httpCalls calls and stops the test at the first that
// fails or answers with another status than want.
func callEach(t *testing.T, want int, call func() (int, error)) {
	t.Helper()
	for i := range httpCalls {
		if code, err := call(); err != nil || code != want {
			t.Fatalf("call %d: %d, %v", i, code, err)
		}
	}
}

// newClient gives each case its own transport, so no connection is shared
// between cases and CloseIdleConnections affects only this case.
func newClient(t *testing.T) (*http.Client, *http.Transport) {
	t.Helper()
	tp := &http.Transport{}
	t.Cleanup(tp.CloseIdleConnections)
	return &http.Client{Transport: tp}, tp
}

const httpCalls = 20

// TestHTTPBody: Customer returns on a 503 before its deferred Body.Close.
// The transport hands a connection back to its pool only once the body is
// read to the end or closed, so every call leaves its connection checked out
// (and the transport's read and write goroutines for it running) and the
// next call dials a new one. CloseIdleConnections cannot reach them: they
// are not idle, they are lost.
//
// Product closes the body on every path and reads the short error body to
// its end, so one connection serves every call and goes away with
// CloseIdleConnections.
func TestHTTPBody(t *testing.T) {
	ctx := context.Background()

	t.Run("leaky Customer", func(t *testing.T) {
		srv, conns := unavailableAPI(t)
		hc, tp := newClient(t)
		api := apiclient.New(srv.URL, hc)
		for i := range httpCalls {
			_, err := api.Customer(ctx, "c-1")
			if se, ok := errors.AsType[*apiclient.StatusError](err); !ok || se.Code != http.StatusServiceUnavailable {
				t.Fatalf("call %d: got %v, want a 503 StatusError", i, err)
			}
		}
		tp.CloseIdleConnections()
		// Give closing connections time to reach the server, as in the fixed
		// case; none is expected to.
		eventually(t, 200*time.Millisecond, func() bool { return conns.open() < httpCalls })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		if got := conns.total(); got != httpCalls {
			t.Errorf("server accepted %d connections, want one per call (%d)", got, httpCalls)
		}
		if got := conns.open(); got < httpCalls {
			t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one leaked per call)", got, httpCalls)
		}
	})

	t.Run("fixed Product", func(t *testing.T) {
		srv, conns := unavailableAPI(t)
		hc, tp := newClient(t)
		api := apiclient.New(srv.URL, hc)
		for i := range httpCalls {
			_, err := api.Product(ctx, "sku-1")
			if se, ok := errors.AsType[*apiclient.StatusError](err); !ok || se.Code != http.StatusServiceUnavailable {
				t.Fatalf("call %d: got %v, want a 503 StatusError", i, err)
			}
		}
		total := conns.total()
		tp.CloseIdleConnections()
		closed := eventually(t, 5*time.Second, func() bool { return conns.open() == 0 })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, total, conns.open())
		// The transport puts a connection back in its pool before the
		// caller sees the body's EOF, so one connection is expected; a
		// little slack covers a slow write-loop acknowledgement on a loaded
		// machine, which makes the transport dial afresh.
		if total > 3 {
			t.Errorf("server accepted %d connections for %d calls, want reuse (<= 3)", total, httpCalls)
		}
		if !closed {
			t.Errorf("%d connections still open after CloseIdleConnections, want 0", conns.open())
		}
	})
}

// TestHTTPNoContent: a 204 response has no body to close. net/http sets
// Body to http.NoBody and puts the connection back in its pool before Do
// returns, so calls that never close a 204's body reuse one connection
// and leave nothing open (httpbody does not report them), while the same
// calls against a 200 with a body each keep a connection (it does).
func TestHTTPNoContent(t *testing.T) {
	serve := func(t *testing.T, status int) (*httptest.Server, *connTracker) {
		return trackedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			if status == http.StatusOK {
				w.Write([]byte("a body the client never reads"))
			}
		}))
	}
	status := func(hc *http.Client, url string) (int, error) {
		resp, err := hc.Get(url) //nolint:httpbody // the 200 case is the leak this test measures
		if err != nil {
			return 0, err
		}
		return resp.StatusCode, nil
	}

	t.Run("204 never closed", func(t *testing.T) {
		srv, conns := serve(t, http.StatusNoContent)
		hc, tp := newClient(t)
		callEach(t, http.StatusNoContent, func() (int, error) { return status(hc, srv.URL) })
		reused(t, conns, tp)
	})

	t.Run("200 never closed", func(t *testing.T) {
		srv, conns := serve(t, http.StatusOK)
		hc, tp := newClient(t)
		callEach(t, http.StatusOK, func() (int, error) { return status(hc, srv.URL) })
		heldPerCall(t, conns, tp)
	})
}
