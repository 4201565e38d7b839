package leaks

import (
	"bytes"
	"net/http"
)

// bytes.Buffer.ReadFrom reads the body to its end: the connection goes
// back to the pool, but the body is still never closed.
func readIntoBuffer(url string) (string, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line \d+`
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Reading only the first bytes leaves the connection held.
func readHead(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	head := make([]byte, 16)
	n, err := resp.Body.Read(head)
	return head[:n], err
}
