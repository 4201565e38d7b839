// Package clientiface sends its requests through an exported interface
// that abstracts http.Client: a method of the client's name returning an
// *http.Response hands the caller a body to close, whatever implements it.
package clientiface

import (
	"errors"
	"io"
	"net/http"
)

// Client is what a caller can swap http.Client for (a client that adds
// headers, one that logs).
type Client interface {
	Do(req *http.Request) (*http.Response, error)
	Get(url string) (*http.Response, error)
}

func fetchDroppedOnStatus(c Client, url string) ([]byte, error) {
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 25`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func fetchClosedOnStatus(c Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func sendDroppedOnStatus(c Client, req *http.Request) error {
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 49`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// exists sends a HEAD request: its body is http.NoBody whatever sends it.
func exists(c Client, url string) (bool, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// Fetcher's Get returns the body's bytes, not a response: nothing to
// close.
type Fetcher interface {
	Get(url string) ([]byte, error)
}

func fetchBytes(f Fetcher, url string) (int, error) {
	b, err := f.Get(url)
	if err != nil {
		return 0, err
	}
	return len(b), nil
}

// Service sends through the Client interface and hands a failed response
// to parseError, which closes it unless the status is a success: the
// caller calls it only for the statuses that are not.
type Service struct{ c Client }

// APIError is the error of a failed call.
type APIError struct {
	Status int
	Msg    string
}

func (e *APIError) Error() string { return e.Msg }

func (s *Service) send(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", "clientiface")
	return s.c.Do(req)
}

func (s *Service) Call(req *http.Request, onResponse func(*http.Response) error) *APIError {
	resp, err := s.send(req)
	if err != nil {
		return &APIError{Msg: err.Error()}
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return parseError(resp)
	}
	defer resp.Body.Close()
	if err := onResponse(resp); err != nil {
		return &APIError{Msg: err.Error()}
	}
	return nil
}

// parseError reports a failed call: it returns a nil *APIError, and
// leaves the body open, only for a success, which Call has excluded; a
// concrete error type reports failure as an error does.
func parseError(resp *http.Response) *APIError {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	b, _ := io.ReadAll(resp.Body)
	return &APIError{Status: resp.StatusCode, Msg: string(b)}
}

// BodyClient's Do also returns the body's bytes: it has read and closed
// the body already, whatever the response it hands back says (a method of
// http.Client's name but not its signature).
type BodyClient interface {
	Do(req *http.Request) (*http.Response, []byte, error)
}

func statusOf(c BodyClient, req *http.Request) (int, error) {
	resp, _, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
