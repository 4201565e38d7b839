//go:build neverset

package tagsonly

import "net/http"

// Leaks, but only when the neverset tag is given.
func Get(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
