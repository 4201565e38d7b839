// Package drains has bodies read to their end (and never closed) in ways
// the caller's walk sees only through a helper's summary, a function
// literal, an io.EOF check or a loop, each beside a body that is not read
// to its end, which stays a plain leak.
package drains

import (
	"bytes"
	"drainhelp"
	"encoding/json"
	"io"
	"net/http"
)

// readAll reads r to its end on every path.
func readAll(r io.Reader) []byte {
	var buf bytes.Buffer
	buf.ReadFrom(r)
	return buf.Bytes()
}

// decode reads one JSON value: the rest of the body stays unread.
func decode(r io.Reader, v any) error {
	return json.NewDecoder(r).Decode(v)
}

// readLimited reads at most a megabyte.
func readLimited(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, 1<<20))
}

// readSome reads one buffer's worth.
func readSome(r io.Reader) []byte {
	buf := make([]byte, 512)
	n, _ := r.Read(buf)
	return buf[:n]
}

// readIfAsked reads r to its end only when asked to.
func readIfAsked(r io.Reader, all bool) []byte {
	if all {
		b, _ := io.ReadAll(r)
		return b
	}
	return nil
}

// slurp reads the response's body to its end.
func slurp(resp *http.Response) []byte {
	b, _ := io.ReadAll(resp.Body)
	return b
}

// slurpAndClose reads the body and closes it: a release.
func slurpAndClose(resp *http.Response) []byte {
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func drainedInReaderHelper(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 66: its connection is reused, but the body must still be closed`
	if err != nil {
		return nil, err
	}
	return readAll(resp.Body), nil
}

func decodedInHelper(url string, v any) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 74$`
	if err != nil {
		return err
	}
	return decode(resp.Body, v)
}

func limitedInHelper(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 82$`
	if err != nil {
		return nil, err
	}
	return readLimited(resp.Body)
}

func boundedReadInHelper(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 90$`
	if err != nil {
		return nil, err
	}
	return readSome(resp.Body), nil
}

func drainedOnOnePathInHelper(url string, all bool) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 98$`
	if err != nil {
		return nil, err
	}
	return readIfAsked(resp.Body, all), nil
}

func drainedInResponseHelper(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 106: its connection is reused`
	if err != nil {
		return nil, err
	}
	return slurp(resp), nil
}

func closedInResponseHelper(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return slurpAndClose(resp), nil
}

func drainedInHelperThenClosed(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return readAll(resp.Body), nil
}

func drainedInOtherPackage(url string) error {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 131: its connection is reused`
	if err != nil {
		return err
	}
	return drainhelp.Discard(resp.Body)
}

func drainedInOtherPackageByResponse(url string) (int, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 141: its connection is reused`
	if err != nil {
		return 0, err
	}
	b, err := drainhelp.Slurp(resp)
	if err != nil {
		return 0, err
	}
	return len(b), nil
}

func decodedInOtherPackage(url string, v any) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 151$`
	if err != nil {
		return err
	}
	return drainhelp.Decode(resp.Body, v)
}
