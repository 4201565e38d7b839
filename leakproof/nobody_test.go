package leakproof

import (
	"net/http"
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
	// reused asserts that the calls shared a connection and left none open.
	reused := func(t *testing.T, conns *connTracker, tp *http.Transport) {
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

	t.Run("HEAD never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, http.HandlerFunc(writesBody))
		hc, tp := newClient(t)
		for i := range httpCalls {
			if code, err := send(hc, http.MethodHead, srv.URL); err != nil || code != http.StatusOK {
				t.Fatalf("call %d: %d, %v", i, code, err)
			}
		}
		reused(t, conns, tp)
	})

	t.Run("empty handler never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, http.HandlerFunc(writesNothing))
		hc, tp := newClient(t)
		for i := range httpCalls {
			if code, err := send(hc, http.MethodGet, srv.URL); err != nil || code != http.StatusCreated {
				t.Fatalf("call %d: %d, %v", i, code, err)
			}
		}
		reused(t, conns, tp)
	})

	t.Run("GET with a body never closed", func(t *testing.T) {
		srv, conns := trackedServer(t, http.HandlerFunc(writesBody))
		hc, tp := newClient(t)
		for i := range httpCalls {
			if code, err := send(hc, http.MethodGet, srv.URL); err != nil || code != http.StatusOK {
				t.Fatalf("call %d: %d, %v", i, code, err)
			}
		}
		tp.CloseIdleConnections()
		eventually(t, 200*time.Millisecond, func() bool { return conns.open() < httpCalls })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		if got := conns.open(); got < httpCalls {
			t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one per call)", got, httpCalls)
		}
	})
}
