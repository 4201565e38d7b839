// Package httpx holds the small HTTP helpers that the service packages share.
package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// maxDrain bounds how much of an unwanted body is read before closing it;
// past that it is cheaper to drop the connection than to keep reading.
const maxDrain = 64 << 10

// DrainAndClose reads what is left of the body, up to a bound, so that the
// transport can reuse the connection, and then closes the body.
func DrainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxDrain))
	_ = resp.Body.Close()
}

// StatusError is a non-2xx answer from a remote service.
type StatusError struct {
	Method string
	URL    string
	Code   int
	Body   string
}

func (e *StatusError) Error() string {
	if e.Body == "" {
		return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Code, http.StatusText(e.Code))
	}
	return fmt.Sprintf("%s %s: %d %s: %s", e.Method, e.URL, e.Code, http.StatusText(e.Code), e.Body)
}

// IsStatus reports whether err is a StatusError with the given code.
func IsStatus(err error, code int) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Code == code
}

// CheckStatus returns nil for a 2xx response and leaves the body to the
// caller. For any other status it reads a short snippet of the body into
// the error and closes the body: on error the caller owns nothing.
func CheckStatus(resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	se := &StatusError{Code: resp.StatusCode, Body: strings.TrimSpace(string(snippet))}
	if resp.Request != nil {
		se.Method, se.URL = resp.Request.Method, resp.Request.URL.Redacted()
	}
	return se
}

// DecodeJSON checks the status, decodes a 2xx body into v and closes the
// body in every case.
func DecodeJSON(resp *http.Response, v any) error {
	defer DrainAndClose(resp)
	if err := CheckStatus(resp); err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("decoding %T: %w", v, err)
	}
	return nil
}

// ReadJSON decodes one JSON value from r into v. It does not close r.
func ReadJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(io.LimitReader(r, 8<<20))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decoding %T: %w", v, err)
	}
	return nil
}

// CloseWithError closes c and, when *errp is still nil, reports the close
// error through it. Meant to be deferred with a named error result.
func CloseWithError(c io.Closer, errp *error) {
	if err := c.Close(); err != nil && *errp == nil {
		*errp = err
	}
}

// Close closes c and drops the error; for deferred cleanups of readers.
func Close[T io.Closer](c T) {
	_ = c.Close()
}
