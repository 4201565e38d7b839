// Package owned holds code that releases its responses or hands them to an
// owner: none of it may be reported.
package owned

import (
	"closers"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

func deferAfterCheck(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func deferredClosure(c *http.Client, req *http.Request) (err error) {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return json.NewDecoder(resp.Body).Decode(new(map[string]any))
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func samePackageHelper(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer drain(resp)
	return nil
}

func otherPackageHelper(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer closers.Drain(resp)
	return nil
}

func genericHelper(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer closers.Close(resp.Body)
	return nil
}

func interfaceHelper(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer closers.CloseQuietly(resp.Body)
	return nil
}

func methodValue(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	c := resp.Body.Close
	defer c()
	return nil
}

func returned(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func callerOfReturned(c *http.Client, url string) (int, error) {
	resp, err := returned(c, url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func callerOfOtherPackageFetch(c *http.Client, url string) error {
	resp, err := closers.Fetch(c, url)
	if err != nil {
		return err
	}
	closers.Drain(resp)
	return nil
}

func statusCheckThenClose(c *http.Client, url string) error {
	resp, err := closers.Fetch(c, url)
	if err != nil {
		return err
	}
	if err := closers.CheckStatus(resp); err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

type stream struct {
	resp *http.Response
	dec  *json.Decoder
}

func (s *stream) Close() error { return s.resp.Body.Close() }

func storedInStruct(url string) (*stream, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return &stream{resp: resp, dec: json.NewDecoder(resp.Body)}, nil
}

func closedInGoroutine(url string, done chan<- int) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		done <- resp.StatusCode
	}()
	return nil
}

func mergedBranches(c *http.Client, url string, post bool) error {
	var resp *http.Response
	var err error
	if post {
		resp, err = c.Post(url, "application/json", nil)
	} else {
		resp, err = c.Get(url)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

type countingBody struct {
	io.ReadCloser
	n int
}

func wrappedBody(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	body := &countingBody{ReadCloser: resp.Body}
	resp.Body = body
	defer resp.Body.Close()
	return body.n, nil
}

func recorder(h http.Handler, req *http.Request) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	return res.StatusCode
}

func nilOnErrorPath(url string) error {
	resp, err := http.Get(url)
	if resp != nil {
		defer resp.Body.Close()
	}
	return err
}

func nilCheckInsteadOfErr(url string) int {
	resp, _ := http.Get(url)
	if resp == nil {
		return 0
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

func sentOnChannel(url string, out chan<- *http.Response) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	out <- resp
	return nil
}

var (
	mu      sync.Mutex
	pending = map[string]*http.Response{}
)

func storedInMap(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	mu.Lock()
	pending[url] = resp
	mu.Unlock()
	return nil
}

func keptByOtherPackage(k *closers.Keep, url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	k.Add(resp)
	return nil
}

func closeInEveryBranch(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return errors.New("bad status")
	}
	resp.Body.Close()
	return nil
}

func retry(c *http.Client, url string) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := c.Get(url)
		if err != nil {
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

func loopWithClose(urls []string) int {
	n := 0
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		n += resp.StatusCode
		resp.Body.Close()
	}
	return n
}

func suppressed(url string) int {
	resp, _ := http.Get(url) //nolint:httpbody // closed by the test's server shutdown
	return resp.StatusCode
}

func suppressedAbove(url string) int {
	//nolint:leakvet
	resp, _ := http.Get(url)
	return resp.StatusCode
}

func registeredCleanup(t interface{ Cleanup(func()) }, url string) int {
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp.StatusCode
}

// A HEAD response has no body to close.
func headOnly(c *http.Client, url string) (string, error) {
	resp, err := c.Head(url)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

// noContent returns on a 204 before its deferred Close: a 204 response's
// body is http.NoBody, and its connection is back in the pool already.
func noContent(c *http.Client, req *http.Request) (map[string]any, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNoContent {
		return nil, nil
	}
	defer resp.Body.Close()
	out := map[string]any{}
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

// notModified: the same for a switch over the status.
func notModified(c *http.Client, req *http.Request) (bool, error) {
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	switch resp.StatusCode {
	case http.StatusNotModified:
		return false, nil
	}
	resp.Body.Close()
	return true, nil
}
