// Package boundedreads reads bodies through io.LimitReader. Where the
// read fails, the body's own read failed and net/http has given the
// connection up: the path counts as read to the end. Where it succeeds,
// whether it reached the end depends on the size of the answer: the
// body is still owed.
package boundedreads

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// fetch closes the body except where the bounded read failed.
func fetch(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 23: its connection is reused`
	if err != nil {
		return nil, err
	}
	dt, err := io.ReadAll(io.LimitReader(resp.Body, 32*1024))
	if err != nil {
		return nil, err
	}
	return dt, resp.Body.Close()
}

// fetchChecked compares the other way round: the same.
func fetchChecked(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 39: its connection is reused`
	if err != nil {
		return nil, err
	}
	dt, err := io.ReadAll(io.LimitReader(resp.Body, 32*1024))
	if err == nil {
		resp.Body.Close()
		return dt, nil
	}
	return nil, err
}

var errEmpty = errors.New("empty answer")

// fetchNonEmpty returns, after a bounded read that succeeded, with the
// body open: an answer longer than the bound keeps the connection.
func fetchNonEmpty(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 56$`
	if err != nil {
		return nil, err
	}
	dt, err := io.ReadAll(io.LimitReader(resp.Body, 32*1024))
	if err != nil {
		return nil, err
	}
	if len(dt) == 0 {
		return nil, errEmpty
	}
	resp.Body.Close()
	return dt, nil
}

// decode fails on a bad answer as well as on a failed read: the body
// may still be open.
func decode(url string, v any) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 70$`
	if err != nil {
		return err
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v); err != nil {
		return err
	}
	return resp.Body.Close()
}

// copyTo fails on the writer's error as well as on the body's.
func copyTo(url string, w io.Writer) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 82$`
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, io.LimitReader(resp.Body, 1<<20)); err != nil {
		return err
	}
	return resp.Body.Close()
}
