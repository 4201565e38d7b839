package drains

import (
	"drainhelp"
	"errors"
	"io"
	"net/http"
)

// fetch does the request and reads the body to its end; the response
// comes back open, for its header.
func fetch(c *http.Client, req *http.Request) (*http.Response, []byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, nil, err
	}
	return resp, b, nil
}

// fetchMaybe reads the body only when asked to.
func fetchMaybe(c *http.Client, req *http.Request, read bool) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if read {
		io.ReadAll(resp.Body)
	}
	return resp, nil
}

func drainedByOwnedResult(c *http.Client, req *http.Request) (string, error) {
	resp, _, err := fetch(c, req) // want `response body from fetch is read to the end but not closed when returning at line 42: its connection is reused, but the body must still be closed \(fetch reads it to the end and returns it unreleased at more.go:22\)`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

func drainedByOwnedResultOnOnePath(c *http.Client, req *http.Request) (string, error) {
	resp, err := fetchMaybe(c, req, true) // want `response body from fetchMaybe is not closed when returning at line 50 \(fetchMaybe returns it unreleased at more.go:34\)`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

func drainedByOwnedResultInOtherPackage(c *http.Client, req *http.Request) (string, error) {
	resp, _, err := drainhelp.Fetch(c, req) // want `response body from drainhelp.Fetch is read to the end but not closed when returning at line 58: its connection is reused, but the body must still be closed \(drainhelp.Fetch reads it to the end and returns it unreleased at drainhelp.go:39\)`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

func drainedByDeferredLiteral(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `response body from c.Do is read to the end but not closed when returning at line 70: its connection is reused`
	if err != nil {
		return 0, err
	}
	defer func() {
		io.Copy(io.Discard, resp.Body)
	}()
	if resp.StatusCode != http.StatusOK {
		return 0, errors.New(resp.Status)
	}
	return resp.StatusCode, nil
}

func partReadByDeferredLiteral(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 85$`
	if err != nil {
		return 0, err
	}
	defer func() {
		buf := make([]byte, 512)
		resp.Body.Read(buf)
	}()
	if resp.StatusCode != http.StatusOK {
		return 0, errors.New(resp.Status)
	}
	return resp.StatusCode, nil
}

func drainedByLiteralCalledInSight(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 99: its connection is reused`
	if err != nil {
		return nil, err
	}
	var b []byte
	func() {
		b, _ = io.ReadAll(resp.Body)
	}()
	return b, nil
}

func readToEOF(url string) error {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 112: its connection is reused`
	if err != nil {
		return err
	}
	var buf [1]byte
	_, err = io.ReadFull(resp.Body, buf[:])
	if err != io.EOF {
		panic("body not empty")
	}
	return nil
}

func readFullNoEOFCheck(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 122$`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 16)
	if _, err := io.ReadFull(resp.Body, buf); err != nil {
		return nil, err
	}
	return buf, nil
}

func readUntilNotEOF(url string) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 136$`
	if err != nil {
		return err
	}
	var buf [1]byte
	if _, err := resp.Body.Read(buf[:]); err == io.EOF {
		return nil
	}
	return nil
}

func drainedPerIteration(urls []string) int {
	n := 0
	for _, u := range urls {
		resp, err := http.Get(u) // want `response body from http.Get is read to the end but not closed before the next loop iteration acquires another: its connection is reused, but the body must still be closed`
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		n += len(b)
	}
	return n
}

func notDrainedPerIteration(urls []string) int {
	n := 0
	for _, u := range urls {
		resp, err := http.Get(u) // want `response body from http.Get is not closed before the next loop iteration acquires another$`
		if err != nil {
			continue
		}
		n += int(resp.ContentLength)
	}
	return n
}

func readToEOFMatched(url string) error {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 173: its connection is reused`
	if err != nil {
		return err
	}
	var buf [1]byte
	if _, err := resp.Body.Read(buf[:]); !errors.Is(err, io.EOF) {
		panic("body not empty")
	}
	return nil
}

func readToOtherErrorMatched(url string) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 185$`
	if err != nil {
		return err
	}
	var buf [4]byte
	if _, err := io.ReadFull(resp.Body, buf[:]); !errors.Is(err, io.ErrUnexpectedEOF) {
		panic("want a short body")
	}
	return nil
}
