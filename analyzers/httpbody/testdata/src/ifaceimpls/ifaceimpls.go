// Package ifaceimpls calls the server through interfaces of its own: a
// call of a method of an unexported interface acquires what every
// implementation the package declares returns owned.
package ifaceimpls

import (
	"context"
	"errors"
	"net/http"
)

// getter is implemented by ctxClient and checked below, and by nothing
// else: both return the response open.
type getter interface {
	Get(ctx context.Context, url string) (*http.Response, error)
}

type ctxClient struct{ c *http.Client }

func (c *ctxClient) Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.c.Do(req)
}

// checked delegates to another getter and checks the answer: it is
// summarised while the call inside it is asked about, and ctxClient alone
// says what that call returns.
type checked struct {
	getter
	want string
}

func (c *checked) Get(ctx context.Context, url string) (*http.Response, error) {
	resp, err := c.getter.Get(ctx, url) // want `response body from c.getter.Get is not closed when returning at line 42 \(c.getter.Get returns it unreleased at ifaceimpls.go:25\)`
	if err != nil {
		return nil, err
	}
	if resp.Header.Get("Server") != c.want {
		return nil, errors.New("unexpected server")
	}
	return resp, nil
}

func (c *checked) GetClosed(ctx context.Context, url string) (*http.Response, error) {
	resp, err := c.getter.Get(ctx, url)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get("Server") != c.want {
		resp.Body.Close()
		return nil, errors.New("unexpected server")
	}
	return resp, nil
}

func newGetter(hc *http.Client, want string) getter {
	var g getter = &ctxClient{hc}
	if want != "" {
		g = &checked{g, want}
	}
	return g
}

func Status(g getter, url string) (int, error) {
	resp, err := g.Get(context.Background(), url) // want `response body from g.Get is not closed when returning at line 72 \(g.Get returns it unreleased at ifaceimpls.go:44\)`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func StatusClosed(g getter, url string) (int, error) {
	resp, err := g.Get(context.Background(), url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// lister has an implementation that answers from a field: its response is
// not the caller's to close, so a call of the interface acquires nothing.
type lister interface {
	List(url string) (*http.Response, error)
}

type liveLister struct{ c *http.Client }

func (l liveLister) List(url string) (*http.Response, error) { return l.c.Get(url) }

type recorded struct{ last *http.Response }

func (r *recorded) List(string) (*http.Response, error) { return r.last, nil }

func Listed(l lister, url string) (int, error) {
	resp, err := l.List(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Fetcher is exported: other packages implement it too, and what theirs
// return is not known here.
type Fetcher interface {
	Fetch(url string) (*http.Response, error)
}

type liveFetcher struct{ c *http.Client }

func (f liveFetcher) Fetch(url string) (*http.Response, error) { return f.c.Get(url) }

func Fetched(f Fetcher, url string) (int, error) {
	resp, err := f.Fetch(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// doer is implemented by no type of the package: its values are the
// *http.Client that newDoer converts to it, whose Do hands out the
// response open.
type doer interface {
	Do(req *http.Request) (*http.Response, error)
}

func newDoer(t http.RoundTripper) doer {
	return &http.Client{Transport: t}
}

func Upload(t http.RoundTripper, req *http.Request) error {
	var d doer = newDoer(t)
	resp, err := d.Do(req) // want `response body from d.Do is not closed when returning at line 142`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

func UploadClosed(t http.RoundTripper, req *http.Request) error {
	resp, err := newDoer(t).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// sender also takes values from another interface (any test double a
// caller configures), so its implementations are not all known here; a
// method of http.Client's name returning an *http.Response keeps the
// client's contract (and hc, the *http.Client itself, is one of them).
type sender interface {
	Do(req *http.Request) (*http.Response, error)
}

func newSender(hc *http.Client, custom any) sender {
	if s, ok := custom.(sender); ok {
		return s
	}
	return hc
}

func Send(hc *http.Client, custom any, req *http.Request) (int, error) {
	resp, err := newSender(hc, custom).Do(req) // want `response body from newSender\(hc, custom\).Do is not closed when returning at line 179`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Exists sends a HEAD request through the client: net/http hands back
// http.NoBody and the connection is already back in the pool.
func Exists(t http.RoundTripper, url string) (bool, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := newDoer(t).Do(req)
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// Fetch sends a GET the same way, and keeps its connection.
func Fetch(t http.RoundTripper, url string) (bool, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := newDoer(t).Do(req) // want `response body from newDoer\(t\).Do is not closed when returning at line 206`
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}
