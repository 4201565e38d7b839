package leakproof

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// getter is a client interface of the program's own, as syncthing's
// discovery client has: every implementation returns the response open.
type getter interface {
	Get(ctx context.Context, url string) (*http.Response, error)
}

type ctxGetter struct{ c *http.Client }

func (g *ctxGetter) Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return g.c.Do(req)
}

// statusChecked is the shape of syncthing's idCheckingHTTPClient before
// its fix: it delegates to another getter and returns the check's error
// without closing the response.
type statusChecked struct{ getter }

func (c *statusChecked) Get(ctx context.Context, url string) (*http.Response, error) {
	resp, err := c.getter.Get(ctx, url) //nolint:httpbody // the leak this test measures
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

// statusCheckedFixed closes the response it does not return.
type statusCheckedFixed struct{ getter }

func (c *statusCheckedFixed) Get(ctx context.Context, url string) (*http.Response, error) {
	resp, err := c.getter.Get(ctx, url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

// TestInterfaceResponse: a response that comes back through a method of
// the program's own interface holds its connection like the
// (*http.Client).Do response it is. Against a server that answers 503 with
// a body, every call of statusChecked leaves its connection checked out,
// out of reach of CloseIdleConnections; statusCheckedFixed closes each one.
func TestInterfaceResponse(t *testing.T) {
	run := func(t *testing.T, wait time.Duration, wrap func(getter) getter) (open int, closed bool) {
		srv, conns := unavailableAPI(t)
		hc, tp := newClient(t)
		g := wrap(&ctxGetter{hc})
		for i := range httpCalls {
			if _, err := g.Get(context.Background(), srv.URL); err == nil {
				t.Fatalf("call %d: no error for a 503", i)
			}
		}
		tp.CloseIdleConnections()
		closed = eventually(t, wait, func() bool { return conns.open() == 0 })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		return conns.open(), closed
	}
	t.Run("leaky checked response", func(t *testing.T) {
		if open, _ := run(t, 200*time.Millisecond, func(g getter) getter { return &statusChecked{g} }); open < httpCalls {
			t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one leaked per call)", open, httpCalls)
		}
	})
	t.Run("fixed checked response", func(t *testing.T) {
		if open, closed := run(t, 5*time.Second, func(g getter) getter { return &statusCheckedFixed{g} }); !closed {
			t.Errorf("%d connections open after CloseIdleConnections, want 0", open)
		}
	})
}
