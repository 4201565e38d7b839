// Package proxy is the API gateway: it forwards requests to upstreams,
// checks authentication with the auth service, and merges answers of
// several backends.
package proxy

import (
	"net/http"
	"net/url"
	"sync/atomic"
)

// Gateway forwards requests to one upstream.
type Gateway struct {
	upstream  *url.URL
	transport http.RoundTripper
	hc        *http.Client
	authURL   string
	down      atomic.Bool
}

// New returns a Gateway for upstream.
func New(upstream *url.URL, authURL string) *Gateway {
	return &Gateway{
		upstream:  upstream,
		transport: http.DefaultTransport,
		hc:        &http.Client{Transport: http.DefaultTransport},
		authURL:   authURL,
	}
}

var hopHeaders = []string{
	"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate",
	"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade",
}

func copyHeader(dst, src http.Header) {
	for k, vv := range src {
		for _, v := range vv {
			dst.Add(k, v)
		}
	}
	for _, h := range hopHeaders {
		dst.Del(h)
	}
}

func (g *Gateway) outgoing(r *http.Request) *http.Request {
	out := r.Clone(r.Context())
	out.RequestURI = ""
	out.URL.Scheme = g.upstream.Scheme
	out.URL.Host = g.upstream.Host
	out.Host = g.upstream.Host
	for _, h := range hopHeaders {
		out.Header.Del(h)
	}
	return out
}
