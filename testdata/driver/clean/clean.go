// Package clean is a driver fixture with no leak.
package clean

import "net/http"

// Status closes the body on every path.
func Status(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
