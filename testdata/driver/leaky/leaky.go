// Package leaky is a driver fixture: each function below leaks once.
package leaky

import (
	"errors"
	"io"
	"net/http"
)

// Status leaks the body on the non-200 path.
func Status(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, errors.New("unexpected status")
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Read never closes the body.
func Read(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Silenced leaks, and says so.
func Silenced(url string) int {
	resp, err := http.Get(url) //nolint:httpbody // fixture for suppression
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
