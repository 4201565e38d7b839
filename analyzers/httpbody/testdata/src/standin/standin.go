// Package standin sends through another package's client interface, whose
// values here are made by the package itself: an in-memory stand-in that
// answers with a response no connection stands behind.
package standin

import (
	"net/http"
	"net/url"

	"clientiface"
)

// doFunc answers requests with a function, in memory.
type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func (f doFunc) Get(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return f(req)
}

// Options holds the client that the option functions may replace.
type Options struct {
	Client clientiface.Client
}

// simulate runs the options over a stand-in client and sends one request
// through whatever client they leave: the stand-in's response has no body,
// and which client runs is not known here.
func simulate(opts ...func(*Options)) error {
	o := Options{Client: doFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{Request: r}, nil
	})}
	for _, fn := range opts {
		fn(&o)
	}
	_, err := o.Client.Do(&http.Request{URL: &url.URL{Scheme: "https", Host: "example.com", Path: "/key"}})
	return err
}

func status(c clientiface.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
