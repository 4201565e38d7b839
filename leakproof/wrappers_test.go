package leakproof

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// withRetry returns what f returns: a retry wrapper of the kind SDKs put
// around each remote call (gosnowflake's storage calls go through a
// generic wrapper of this form, with a context of its own).
func withRetry[T any](attempts int, f func(ctx context.Context) (T, error)) (T, error) {
	var v T
	var err error
	for range attempts {
		if v, err = f(context.Background()); err == nil {
			break
		}
	}
	return v, err
}

// putLeaky is the shape of gosnowflake's GCS upload before its fix (whose
// client is an interface of its own): the response comes back through the
// wrapper and its body is never closed.
func putLeaky(c *http.Client, url string) error {
	resp, err := withRetry(3, func(ctx context.Context) (*http.Response, error) { //nolint:httpbody // the leak this test measures
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, nil)
		if err != nil {
			return nil, err
		}
		return c.Do(req)
	})
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// putFixed closes the body on every path.
func putFixed(c *http.Client, url string) error {
	resp, err := withRetry(3, func(ctx context.Context) (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, url, nil)
		if err != nil {
			return nil, err
		}
		return c.Do(req)
	})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// TestForwardedResponse: a response that reaches the caller through a
// generic retry wrapper holds its connection like any other. Against a server that answers 503 with a body, every putLeaky
// call leaves its connection checked out, out of reach of
// CloseIdleConnections; putFixed closes each body, and once idle
// connections are closed none is left open.
func TestForwardedResponse(t *testing.T) {
	t.Run("leaky forwarded body", func(t *testing.T) {
		srv, conns := unavailableAPI(t)
		hc, tp := newClient(t)
		for i := range httpCalls {
			if err := putLeaky(hc, srv.URL); err == nil {
				t.Fatalf("call %d: no error for a 503", i)
			}
		}
		tp.CloseIdleConnections()
		eventually(t, 200*time.Millisecond, func() bool { return conns.open() < httpCalls })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		if got := conns.open(); got < httpCalls {
			t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one leaked per call)", got, httpCalls)
		}
	})
	t.Run("fixed forwarded body", func(t *testing.T) {
		srv, conns := unavailableAPI(t)
		hc, tp := newClient(t)
		for i := range httpCalls {
			if err := putFixed(hc, srv.URL); err == nil {
				t.Fatalf("call %d: no error for a 503", i)
			}
		}
		tp.CloseIdleConnections()
		closed := eventually(t, 5*time.Second, func() bool { return conns.open() == 0 })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		if !closed {
			t.Errorf("%d connections open after CloseIdleConnections, want 0", conns.open())
		}
	})
}
