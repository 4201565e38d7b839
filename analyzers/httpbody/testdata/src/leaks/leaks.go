package leaks

import (
	"closers"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
)

type item struct{ ID int }

func neverClosed(url string) (int, error) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 20`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func discarded(c *http.Client, req *http.Request) error {
	_, err := c.Do(req) // want `result of c.Do is discarded: its response body is never closed`
	return err
}

func discardedStatement(url string) {
	http.PostForm(url, nil) // want `result of http.PostForm is discarded: its response body is never closed`
}

func earlyReturnOnStatus(c *http.Client, req *http.Request) ([]item, error) {
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 38`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	var items []item
	return items, json.NewDecoder(resp.Body).Decode(&items)
}

func deferOnOneBranch(url string, verbose bool) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 55`
	if err != nil {
		return err
	}
	if verbose {
		defer resp.Body.Close()
		log.Println(resp.Status)
		return nil
	}
	return nil
}

func closeOnlyAtEnd(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `response body from http.Get is read to the end but not closed when returning at line 65: its connection is reused, but the body must still be closed`
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return data, nil
}

func inLoop(urls []string) int {
	n := 0
	for _, u := range urls {
		resp, err := http.Get(u) // want `response body from http.Get is not closed before the next loop iteration acquires another`
		if err != nil {
			continue
		}
		n += int(resp.ContentLength)
	}
	return n
}

func returnsOneLeaksOther(c *http.Client, primary, fallback string) (*http.Response, error) {
	probe, err := c.Get(fallback) // want `response body from c.Get is not closed when returning at line 89`
	if err != nil {
		return nil, err
	}
	if probe.StatusCode != http.StatusOK {
		return nil, errors.New("fallback down")
	}
	return c.Get(primary)
}

type file struct{}

func (file) Close() error { return nil }

func closesAnotherCloser(url string, f file) error {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 105`
	if err != nil {
		return err
	}
	defer closers.CloseQuietly(f)
	log.Print(resp.Status)
	return nil
}

func mentionIsNotRelease(url string) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 116`
	if err != nil {
		return
	}
	_ = resp
	fmt.Println(resp)
	log.Printf("%v", resp.Body)
}

func statusCheckClosesOnlyOnError(c *http.Client, url string) (int, error) {
	resp, err := closers.Fetch(c, url) // want `response body from closers.Fetch is not closed when returning at line 126`
	if err != nil {
		return 0, err
	}
	if err := closers.CheckStatus(resp); err != nil {
		return 0, err
	}
	return closers.Inspect(resp), nil
}

func readFromBodyOnly(url string) ([]byte, error) {
	resp, err := http.Post(url, "text/plain", nil) // want `response body from http.Post is read to the end but not closed when returning at line 134`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func roundTrip(rt http.RoundTripper, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req) // want `response body from rt.RoundTrip is not closed when returning at line 142`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func implicitReturn(url string) {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 152`
	if err != nil {
		log.Print(err)
		return
	}
	log.Print(resp.Status)
}

// notNoContent returns early on every status but 204: those bodies are
// real.
func notNoContent(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent {
		return errors.New("unexpected status")
	}
	return nil
}

// apiResponse embeds the response; do hands it over open.
type apiResponse struct {
	*http.Response
	RateRemaining int
}

func do(c *http.Client, req *http.Request) (*apiResponse, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return &apiResponse{Response: resp}, nil
}

func pingWrapped(c *http.Client, req *http.Request) error {
	resp, err := do(c, req) // want `response body from do is not closed when returning at line \d+ \(do returns it unreleased at leaks.go:\d+\)`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New("not ok")
	}
	resp.Body.Close()
	return nil
}

func pingWrappedClosed(c *http.Client, req *http.Request) error {
	resp, err := do(c, req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("not ok")
	}
	return nil
}

// getChecked hands back a failed status's response with an error, open.
func getChecked(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		return resp, errors.New("failed status")
	}
	return resp, nil
}

func errorPathOfChecked(c *http.Client, url string) error {
	resp, err := getChecked(c, url) // want `response body from getChecked is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func errorPathOfCheckedClosed(c *http.Client, url string) error {
	resp, err := getChecked(c, url)
	if resp != nil {
		defer resp.Body.Close()
	}
	return err
}

func clientFor(timeout string) *http.Client { return http.DefaultClient }

// The message names the call with the inner call's arguments elided.
func chainedCallee(url string) int {
	resp, err := clientFor("a timeout spelled out at length, as a long query string would be").Get(url) // want `^response body from clientFor\(\.\.\.\)\.Get is not closed when returning at line \d+$`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
