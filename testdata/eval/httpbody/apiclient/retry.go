package apiclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"leakvet.test/eval/internal/httpx"
)

// do sends a body-less request, retrying network errors, 429 and 5xx
// answers with backoff. The caller owns the returned response.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		return nil, errors.New("apiclient: retrying requests must not have a body")
	}
	var lastErr error
	for attempt := range c.maxAttempts {
		if attempt > 0 {
			select {
			case <-req.Context().Done():
				return nil, req.Context().Err()
			case <-time.After(c.backoffFor(attempt)):
			}
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			httpx.DrainAndClose(resp)
			lastErr = fmt.Errorf("%s %s: %s", req.Method, req.URL.Path, resp.Status)
			continue
		}
		return resp, nil
	}
	return nil, fmt.Errorf("giving up after %d attempts: %w", c.maxAttempts, lastErr)
}

// OrgUsage returns the organisation's usage for the current period.
func (c *Client) OrgUsage(ctx context.Context, org string) (*Usage, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/orgs/"+url.PathEscape(org)+"/usage", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errorFromResponse(resp)
	}
	var u Usage
	return &u, json.NewDecoder(resp.Body).Decode(&u)
}

// UserByEmail looks a user up by email address.
func (c *Client) UserByEmail(ctx context.Context, email string) (*User, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/users?email="+url.QueryEscape(email), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, ErrNotFound
	}
	defer resp.Body.Close()
	var u User
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		return nil, err
	}
	return &u, nil
}

// BuildLog downloads the log of a build. Server errors are retried with a
// linear backoff.
func (c *Client) BuildLog(ctx context.Context, buildID string) ([]byte, error) {
	var lastErr error
	for attempt := 1; attempt <= c.maxAttempts; attempt++ {
		req, err := c.newRequest(ctx, http.MethodGet, "/v1/builds/"+url.PathEscape(buildID)+"/log", nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			lastErr = err
			time.Sleep(c.backoff * time.Duration(attempt))
			continue
		}
		if resp.StatusCode >= 500 {
			lastErr = fmt.Errorf("build log %s: %s", buildID, resp.Status)
			time.Sleep(c.backoff * time.Duration(attempt))
			continue
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("build log %s: %s", buildID, resp.Status)
		}
		return data, nil
	}
	return nil, lastErr
}

// TriggerBuild starts a build. POST is not idempotent, so only connection
// errors before the request was written are retried by the transport; a
// 503 is retried here after the server's Retry-After.
func (c *Client) TriggerBuild(ctx context.Context, projectID, ref string) (string, error) {
	for attempt := 0; ; attempt++ {
		req, err := c.newRequest(ctx, http.MethodPost, "/v1/projects/"+url.PathEscape(projectID)+"/builds?ref="+url.QueryEscape(ref), nil)
		if err != nil {
			return "", err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return "", err
		}
		if resp.StatusCode == http.StatusServiceUnavailable && attempt < 3 {
			wait := retryAfter(resp.Header, time.Second)
			httpx.DrainAndClose(resp)
			time.Sleep(wait)
			continue
		}
		var out struct {
			BuildID string `json:"build_id"`
		}
		if err := httpx.DecodeJSON(resp, &out); err != nil {
			return "", err
		}
		return out.BuildID, nil
	}
}
