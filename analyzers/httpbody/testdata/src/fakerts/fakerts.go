// Package fakerts: a response from a round tripper of the package that
// builds it in memory holds no connection; one that may come from the
// network still does.
package fakerts

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"strings"
)

// cannedRT answers every request with a response it builds.
type cannedRT struct{ status int }

func (c cannedRT) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: c.status,
		Header:     make(http.Header),
		Body:       io.NopCloser(strings.NewReader("you asked for " + req.URL.String())),
	}, nil
}

func statusViaCanned(url string) (int, error) {
	c := &http.Client{Transport: cannedRT{status: 200}}
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// relayRT hands the request to another round tripper: its responses are
// the network's.
type relayRT struct{ next http.RoundTripper }

func (r relayRT) RoundTrip(req *http.Request) (*http.Response, error) {
	return r.next.RoundTrip(req)
}

func statusViaRelay(url string) (int, error) {
	c := &http.Client{Transport: relayRT{next: http.DefaultTransport}}
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 48`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// fileBodyRT builds its response, but the body is a file.
type fileBodyRT struct{}

func (fileBodyRT) RoundTrip(req *http.Request) (*http.Response, error) {
	f, err := os.Open(req.URL.Path)
	if err != nil {
		return nil, err
	}
	return &http.Response{StatusCode: 200, Body: f}, nil
}

func statusViaFileBody(url string) (int, error) {
	c := &http.Client{Transport: fileBodyRT{}}
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 68`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// rtFunc makes a function a round tripper.
type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

func statusViaFuncLiteral(req *http.Request) (int, error) {
	c := &http.Client{Transport: rtFunc(func(*http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 204, Body: http.NoBody}, nil
	})}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statusViaFuncToNetwork(req *http.Request) (int, error) {
	c := &http.Client{Transport: rtFunc(func(r *http.Request) (*http.Response, error) {
		return http.DefaultTransport.RoundTrip(r)
	})}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 95`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A helper of the package that builds the response counts as building it.
func okResponse(body string) *http.Response {
	return &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewBufferString(body))}
}

func statusViaHelper(req *http.Request) (int, error) {
	c := &http.Client{Transport: rtFunc(func(*http.Request) (*http.Response, error) {
		return okResponse("ok"), nil
	})}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A client handed to code out of sight may get another transport.
func configure(c *http.Client) { c.Transport = http.DefaultTransport }

func statusAfterConfigure(url string) (int, error) {
	c := &http.Client{Transport: cannedRT{status: 200}}
	configure(c)
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 124`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A protocol registered on a transport answers the requests of its
// scheme; the transport's own connections answer the others.
func statusViaRegisteredProtocol() (int, error) {
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	tr.RegisterProtocol("canned", cannedRT{status: 200})
	resp, err := c.Get("canned://host/path")
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statusViaTransportOtherScheme() (int, error) {
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	tr.RegisterProtocol("canned", cannedRT{status: 200})
	resp, err := c.Get("http://host/path") // want `response body from c.Get is not closed when returning at line 148`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Called directly through the interface.
func statusViaRoundTrip(req *http.Request) (int, error) {
	var rt http.RoundTripper = cannedRT{status: 200}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
