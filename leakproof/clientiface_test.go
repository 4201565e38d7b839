package leakproof

import (
	"errors"
	"io"
	"net/http"
	"testing"
	"time"
)

// Client is an exported interface that abstracts http.Client, as csaf's
// util.Client does: callers may pass a client that adds headers or logs,
// and each implementation keeps http.Client's contract.
type Client interface {
	Get(url string) (*http.Response, error)
}

// headerClient is one such implementation, of another package in the
// programs where the leak was found.
type headerClient struct {
	c      *http.Client
	header http.Header
}

func (h *headerClient) Get(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range h.header {
		req.Header[k] = v
	}
	return h.c.Do(req)
}

// loadLeaky returns on a bad status before the deferred Close is
// registered, the shape of csaf's loadChanges before its fix.
func loadLeaky(c Client, url string) ([]byte, error) {
	resp, err := c.Get(url) //nolint:httpbody // the leak this test measures
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// loadFixed registers the Close first.
func loadFixed(c Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// TestClientInterface: a response returned through a method of an
// exported interface that abstracts http.Client holds its connection as
// the client's own response does. Against a server that answers 503 with
// a body, each call of loadLeaky leaves its connection checked out, out of
// reach of CloseIdleConnections; loadFixed closes each one.
func TestClientInterface(t *testing.T) {
	run := func(t *testing.T, wait time.Duration, load func(Client, string) ([]byte, error)) (open int, closed bool) {
		srv, conns := unavailableAPI(t)
		hc, tp := newClient(t)
		var c Client = &headerClient{c: hc, header: http.Header{"X-Test": {"1"}}}
		for i := range httpCalls {
			if _, err := load(c, srv.URL); err == nil {
				t.Fatalf("call %d: no error for a 503", i)
			}
		}
		tp.CloseIdleConnections()
		closed = eventually(t, wait, func() bool { return conns.open() == 0 })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		return conns.open(), closed
	}
	t.Run("leaky", func(t *testing.T) {
		if open, _ := run(t, 200*time.Millisecond, loadLeaky); open < httpCalls {
			t.Errorf("%d connections open after CloseIdleConnections, want >= %d (one leaked per call)", open, httpCalls)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		if open, closed := run(t, 5*time.Second, loadFixed); !closed {
			t.Errorf("%d connections open after CloseIdleConnections, want 0", open)
		}
	})
}
