// Package gock stands in for github.com/h2non/gock in tests: the
// functions that switch interception and networking, and a Transport
// whose RoundTrip answers a matched mock in memory while it is
// http.DefaultTransport and networking is off, and sends the request on
// otherwise.
package gock

import (
	"bytes"
	"errors"
	"io"
	"net/http"
)

var networking bool

// Response is what a mock answers.
type Response struct {
	StatusCode int
	Body       []byte
	UseNetwork bool
}

// Reply sets the mock's status.
func (r *Response) Reply(status int) *Response { r.StatusCode = status; return r }

// EnableNetworking sends this mock's requests to the network.
func (r *Response) EnableNetworking() *Response { r.UseNetwork = true; return r }

// Request matches requests.
type Request struct {
	URL      string
	Response *Response
}

// Reply sets the status of the matched request's response.
func (r *Request) Reply(status int) *Response { return r.Response.Reply(status) }

// EnableNetworking sends this mock's requests to the network.
func (r *Request) EnableNetworking() *Request { r.Response.UseNetwork = true; return r }

var mocks []*Request

// New registers a mock for url and turns interception on.
func New(url string) *Request {
	Intercept()
	r := &Request{URL: url, Response: &Response{}}
	mocks = append(mocks, r)
	return r
}

// Transport answers from the mocks.
type Transport struct {
	Transport http.RoundTripper
}

// DefaultTransport is the transport Intercept installs.
var DefaultTransport = NewTransport()

// NativeTransport is the transport Disable restores.
var NativeTransport = http.DefaultTransport

// NewTransport returns a transport that sends unmatched requests to the
// native one.
func NewTransport() *Transport { return &Transport{Transport: NativeTransport} }

// Intercept installs DefaultTransport.
func Intercept() {
	if http.DefaultTransport != DefaultTransport {
		http.DefaultTransport = DefaultTransport
	}
}

// Disable restores the native transport.
func Disable() { http.DefaultTransport = NativeTransport }

// Off forgets the mocks and restores the native transport.
func Off() { mocks = nil; Disable() }

// OffAll is Off.
func OffAll() { Off() }

// EnableNetworking sends requests to the network too.
func EnableNetworking() { networking = true }

// DisableNetworking keeps requests off the network.
func DisableNetworking() { networking = false }

// InterceptClient gives cli a Transport over its own.
func InterceptClient(cli *http.Client) {
	cli.Transport = &Transport{Transport: cli.Transport}
}

// RestoreClient gives cli its own transport back.
func RestoreClient(cli *http.Client) {
	if t, ok := cli.Transport.(*Transport); ok {
		cli.Transport = t.Transport
	}
}

// ErrCannotMatch is returned for a request no mock matches.
var ErrCannotMatch = errors.New("gock: cannot match any request")

// RoundTrip answers from the mocks.
func (m *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if http.DefaultTransport != DefaultTransport {
		return m.Transport.RoundTrip(req)
	}
	var mock *Request
	for _, r := range mocks {
		if r.URL == req.URL.String() {
			mock = r
		}
	}
	if mock == nil && !networking {
		return nil, ErrCannotMatch
	}
	if networking || mock.Response.UseNetwork {
		return m.Transport.RoundTrip(req)
	}
	return &http.Response{StatusCode: mock.Response.StatusCode, Body: io.NopCloser(bytes.NewReader(mock.Response.Body)), Request: req}, nil
}
