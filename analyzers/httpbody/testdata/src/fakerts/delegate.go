package fakerts

import (
	"net/http"
)

// headerRT adds a header and hands the request to the round tripper in
// its base field: it answers with what that one answers.
type headerRT struct {
	base  http.RoundTripper
	token string
}

func (h *headerRT) RoundTrip(req *http.Request) (*http.Response, error) {
	if h.token == "" {
		return h.base.RoundTrip(req)
	}
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", h.token)
	return h.base.RoundTrip(req)
}

func (h *headerRT) setBase(rt http.RoundTripper) { h.base = rt }

// A delegating round tripper over one that builds its responses in memory,
// called directly from a literal that captures it.
func statusViaDelegatingToCanned(req *http.Request) (int, error) {
	rt := &headerRT{base: rtFunc(func(*http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
	}), token: "t"}
	code := 0
	err := each([]string{"a"}, func(string) error {
		resp, err := rt.RoundTrip(req)
		if err != nil {
			return err
		}
		code = resp.StatusCode
		return nil
	})
	return code, err
}

// The same round tripper over the default transport: its responses are
// the network's.
func statusViaDelegatingToNetwork(req *http.Request) (int, error) {
	rt := &headerRT{base: http.DefaultTransport, token: "t"}
	code := 0
	err := each([]string{"a"}, func(string) error {
		resp, err := rt.RoundTrip(req) // want `response body from rt.RoundTrip is not closed when returning at line 54`
		if err != nil {
			return err
		}
		code = resp.StatusCode
		return nil
	})
	return code, err
}

// A delegating round tripper as a client's transport.
func statusViaClientOfDelegating(url string) (int, error) {
	c := &http.Client{Transport: &headerRT{base: cannedRT{status: 200}}}
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A method of the round tripper may give it another base first.
func statusViaDelegatingRebased(req *http.Request) (int, error) {
	rt := &headerRT{base: cannedRT{status: 200}}
	rt.setBase(http.DefaultTransport)
	resp, err := rt.RoundTrip(req) // want `response body from rt.RoundTrip is not closed when returning at line 77`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
