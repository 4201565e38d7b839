// Package retrypolicy retries requests under a policy that is shown every
// response so far; the helper returns the last response, which its
// callers own.
package retrypolicy

import (
	"net/http"
	"time"
)

type Policy interface {
	Retry(resps []*http.Response, err error) (time.Duration, bool)
}

type Client struct {
	hc     *http.Client
	policy Policy
}

// do hands the responses so far to the policy, then returns the last.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	var resps []*http.Response
	for {
		resp, err := c.hc.Do(req)
		resps = append(resps, resp)
		wait, again := c.policy.Retry(resps, err)
		if !again {
			return resp, err
		}
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(wait)
	}
}

func statusNeverClosed(c *Client, req *http.Request) (int, error) {
	resp, err := c.do(req) // want `response body from c.do is not closed when returning at line 42 \(c.do returns it unreleased at retrypolicy.go:28\)`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statusClosed(c *Client, req *http.Request) (int, error) {
	resp, err := c.do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

type Archive interface {
	Keep(resps []*http.Response)
}

// keptByArchive hands the responses to an archive and returns none of
// them: the archive may keep them, nothing is reported.
func keptByArchive(hc *http.Client, a Archive, reqs []*http.Request) error {
	var resps []*http.Response
	for _, req := range reqs {
		resp, err := hc.Do(req)
		if err != nil {
			continue
		}
		resps = append(resps, resp)
	}
	a.Keep(resps)
	return nil
}
