// Package parsedurls: the error of parsing a test server's own URL.
package parsedurls

import (
	"net/http"
	"net/http/httptest"
	"net/url"
)

// Upstream starts a server and returns it with its parsed URL. The
// failing return cannot be taken: httptest sets URL to the scheme and the
// address of the server's own listener, which always parses.
func Upstream(h http.Handler) (*httptest.Server, *url.URL, error) {
	srv := httptest.NewServer(h)
	u, err := url.Parse(srv.URL)
	if err != nil {
		return nil, nil, err
	}
	return srv, u, nil
}

// UpstreamAt parses a URL its caller gives, which can fail: the server
// is dropped then.
func UpstreamAt(h http.Handler, raw string) (*httptest.Server, *url.URL, error) {
	srv := httptest.NewServer(h) // want `\*net/http/httptest.Server from httptest.NewServer is not closed when returning at line 28`
	u, err := url.Parse(raw)
	if err != nil {
		return nil, nil, err
	}
	return srv, u, nil
}
