// Package wrappers calls the server through timeout and retry wrappers
// that return what the function they are given returns.
package wrappers

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// withTimeout returns what f returns: the caller owns it.
func withTimeout[T any](d time.Duration, f func(ctx context.Context) (T, error)) (T, error) {
	if d > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		return f(ctx)
	}
	return f(context.Background())
}

func Upload(c *http.Client, url string) error {
	resp, err := withTimeout(time.Second, func(ctx context.Context) (*http.Response, error) { // want `response body from withTimeout is not closed when returning at line 34 \(withTimeout returns it unreleased at wrappers.go:28\)`
		req, err := http.NewRequestWithContext(ctx, "PUT", url, nil)
		if err != nil {
			return nil, err
		}
		return c.Do(req)
	})
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

func UploadClosed(c *http.Client, url string) error {
	resp, err := withTimeout(time.Second, func(ctx context.Context) (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, "PUT", url, nil)
		if err != nil {
			return nil, err
		}
		return c.Do(req)
	})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// A HEAD response has no body to close, through the wrapper too.
func Exists(c *http.Client, url string) (bool, error) {
	resp, err := withTimeout(time.Second, func(ctx context.Context) (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, "HEAD", url, nil)
		if err != nil {
			return nil, err
		}
		return c.Do(req)
	})
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// status closes what f returns before it returns: it forwards nothing.
func status(f func() (*http.Response, error)) (int, error) {
	resp, err := f()
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func Ping(c *http.Client, req *http.Request) (int, error) {
	return status(func() (*http.Response, error) { return c.Do(req) })
}

// A HEAD request sent again on an EOF is still a HEAD request.
func ExistsRetry(c *http.Client, url string) (bool, error) {
	resp, err := withTimeout(time.Second, func(ctx context.Context) (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, "HEAD", url, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err != nil {
			resp, err = c.Do(req)
		}
		return resp, err
	})
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// withDeadline cancels the context it gives f once it returns: the
// transport then tears down the connection of what f returned, so a
// caller that drops the response holds nothing.
func withDeadline[T any](d time.Duration, f func(ctx context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return f(ctx)
}

func UploadDeadline(c *http.Client, url string) error {
	resp, err := withDeadline(time.Second, func(ctx context.Context) (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, "PUT", url, nil)
		if err != nil {
			return nil, err
		}
		return c.Do(req)
	})
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}
