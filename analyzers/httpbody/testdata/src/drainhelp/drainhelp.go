// Package drainhelp reads response bodies for its callers in another
// package: its summaries say which parameters it reads to the end.
package drainhelp

import (
	"encoding/json"
	"io"
	"net/http"
)

// Discard reads r to its end.
func Discard(r io.Reader) error {
	_, err := io.Copy(io.Discard, r)
	return err
}

// Slurp reads the response's body to its end.
func Slurp(resp *http.Response) ([]byte, error) {
	return io.ReadAll(resp.Body)
}

// Decode reads one JSON value from r: not necessarily to its end.
func Decode(r io.Reader, v any) error {
	return json.NewDecoder(r).Decode(v)
}

// Fetch does the request and reads the body to its end; the response
// comes back open, for its header.
func Fetch(c *http.Client, req *http.Request) (*http.Response, []byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, nil, err
	}
	return resp, b, nil
}
