// Package refix is a driver fixture for -fix: a leak with a fix comes
// before one without, so fixing the first moves the second.
package refix

import (
	"io"
	"net/http"
)

// Read never closes the body; the fix adds a deferred close.
func Read(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// hits grows by one entry for every distinct path ever requested.
var hits = map[string]int{}

// Count is an HTTP handler; nothing ever removes an entry from hits, and
// no fix is offered.
func Count(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++
	w.WriteHeader(http.StatusNoContent)
}
