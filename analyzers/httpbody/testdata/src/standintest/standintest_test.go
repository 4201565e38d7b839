package standintest

import (
	"net/http"
	"testing"

	"clientiface"
)

// fake answers in memory, with a response that has no body.
type fake struct{}

func (fake) Do(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Request: r}, nil
}

func (fake) Get(u string) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK}, nil
}

func newClient() clientiface.Client { return fake{} }

// statusOf is test code, where the stand-in is one of the values the
// interface can hold: which one runs is not known.
func statusOf(c clientiface.Client, u string) int {
	resp, err := c.Get(u)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func TestStatus(t *testing.T) {
	if n := statusOf(newClient(), "http://example.com"); n != http.StatusOK {
		t.Fatal(n)
	}
	if n, err := status(newClient(), "http://example.com"); err != nil || n != http.StatusOK {
		t.Fatal(n, err)
	}
}
