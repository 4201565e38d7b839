// Package closers holds release helpers that callers in other packages use;
// their summaries reach the callers as facts.
package closers

import (
	"fmt"
	"io"
	"net/http"
)

// Drain reads the rest of the body and closes it, so the connection can be
// reused.
func Drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// Close closes any closer.
func Close[T io.Closer](c T) {
	_ = c.Close()
}

// CloseQuietly closes c if it is not nil.
func CloseQuietly(c io.Closer) {
	if c == nil {
		return
	}
	_ = c.Close()
}

// CheckStatus closes the body only when it returns an error: on success the
// caller still owns it.
func CheckStatus(resp *http.Response) error {
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	return nil
}

// Fetch returns the response; the caller owns its body.
func Fetch(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url)
}

// Keep stores responses for later.
type Keep struct{ list []*http.Response }

// Add keeps resp; Keep's owner closes it later.
func (k *Keep) Add(resp *http.Response) { k.list = append(k.list, resp) }

// Inspect only looks at the response.
func Inspect(resp *http.Response) int { return resp.StatusCode }
