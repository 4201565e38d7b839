package fakerts

import (
	"io"
	"net/http"
	"os"
	"strings"
)

// each calls f once for every name, as a subtest runner would.
func each(names []string, f func(string) error) error {
	for _, n := range names {
		if err := f(n); err != nil {
			return err
		}
	}
	return nil
}

// A client captured by a function literal is still the one made here.
func statusInLiteral(req *http.Request) (int, error) {
	c := &http.Client{Transport: cannedRT{status: 200}}
	code := 0
	err := each([]string{"a"}, func(string) error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		code = resp.StatusCode
		return nil
	})
	return code, err
}

// The variable the literal reads may hold another client by then.
func statusInLiteralReassigned(req *http.Request) (int, error) {
	c := &http.Client{Transport: cannedRT{status: 200}}
	code := 0
	send := func(string) error {
		resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 45`
		if err != nil {
			return err
		}
		code = resp.StatusCode
		return nil
	}
	c = http.DefaultClient
	err := each([]string{"a"}, send)
	return code, err
}

// withBody is a helper that wraps a round tripper's function, giving its
// responses an empty body where they have none.
func withBody(f func(*http.Request) (*http.Response, error)) rtFunc {
	return func(req *http.Request) (*http.Response, error) {
		resp, err := f(req)
		if resp != nil && resp.Body == nil {
			resp.Body = http.NoBody
		}
		return resp, err
	}
}

// canned is a helper that returns a function answering with body.
func canned(code int, body string) func(*http.Request) (*http.Response, error) {
	return func(req *http.Request) (*http.Response, error) {
		var b io.ReadCloser = http.NoBody
		if body != "" {
			b = io.NopCloser(strings.NewReader(body))
		}
		return &http.Response{StatusCode: code, Body: b, Request: req}, nil
	}
}

// The transport is made by helpers around the test's own literal; every
// response it gives is built in memory.
func statusViaWrappedLiteral(req *http.Request) (int, error) {
	c := &http.Client{Transport: withBody(func(r *http.Request) (*http.Response, error) {
		if r.URL.Path == "/gone" {
			return canned(http.StatusNotFound, "")(r)
		}
		return canned(http.StatusOK, "ok")(r)
	})}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The same helper around a literal that asks the network.
func statusViaWrappedNetwork(req *http.Request) (int, error) {
	c := &http.Client{Transport: withBody(func(r *http.Request) (*http.Response, error) {
		return http.DefaultTransport.RoundTrip(r)
	})}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 100`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// withFile is a helper whose wrapper gives every response a file as its
// body.
func withFile(f func(*http.Request) (*http.Response, error)) rtFunc {
	return func(req *http.Request) (*http.Response, error) {
		resp, err := f(req)
		if resp != nil {
			resp.Body, _ = os.Open("/dev/zero")
		}
		return resp, err
	}
}

func statusViaFileWrapper(req *http.Request) (int, error) {
	c := &http.Client{Transport: withFile(canned(http.StatusOK, ""))}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 121`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// withCanned is the same helper given a function value of the caller's:
// out of sight.
func statusViaCallerFunc(req *http.Request, f func(*http.Request) (*http.Response, error)) (int, error) {
	c := &http.Client{Transport: withBody(f)}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 132`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newCannedClient is a helper that makes a client answering in memory.
func newCannedClient() *http.Client {
	return &http.Client{Transport: cannedRT{status: 200}}
}

func statusViaHelperClient(url string) (int, error) {
	c := newCannedClient()
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newClientFor is a helper that makes a client over the round tripper it
// is given: the caller's argument decides.
func newClientFor(rt http.RoundTripper) *http.Client {
	c := &http.Client{}
	c.Transport = rt
	return c
}

func statusViaHelperCanned(url string) (int, error) {
	resp, err := newClientFor(cannedRT{status: 204}).Get(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statusViaHelperDefault(url string) (int, error) {
	resp, err := newClientFor(http.DefaultTransport).Get(url) // want `response body from newClientFor\(http.DefaultTransport\).Get is not closed when returning at line 170`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newWrappedClient is a helper whose client wraps the caller's function.
func newWrappedClient(f func(*http.Request) (*http.Response, error)) *http.Client {
	return &http.Client{Transport: withBody(f)}
}

func statusViaHelperWrapped(req *http.Request) (int, error) {
	c := newWrappedClient(canned(http.StatusOK, "fine"))
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statusViaHelperWrappedNetwork(req *http.Request) (int, error) {
	c := newWrappedClient(http.DefaultTransport.RoundTrip)
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 193`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// newConfiguredClient is a helper that hands its client on before
// returning it.
func newConfiguredClient() *http.Client {
	c := &http.Client{Transport: cannedRT{status: 200}}
	configure(c)
	return c
}

func statusViaHelperConfigured(url string) (int, error) {
	c := newConfiguredClient()
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 210`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A client from a helper whose transport the caller replaces.
func statusViaHelperReplaced(url string) (int, error) {
	c := newCannedClient()
	c.Transport = http.DefaultTransport
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 221`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
