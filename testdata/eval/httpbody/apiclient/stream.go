package apiclient

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Subscribe opens the project's event stream. The caller must Close it.
func (c *Client) Subscribe(ctx context.Context, projectID string) (*EventStream, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/projects/"+url.PathEscape(projectID)+"/events", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		err := errorFromResponse(resp)
		resp.Body.Close()
		return nil, err
	}
	return &EventStream{resp: resp, sc: bufio.NewScanner(resp.Body)}, nil
}

// Watch opens the organisation-wide event stream. The caller must Close it.
func (c *Client) Watch(ctx context.Context, org string) (*EventStream, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/orgs/"+url.PathEscape(org)+"/events", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return nil, errorFromResponse(resp)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		return nil, fmt.Errorf("watch %s: unexpected content type %q", org, ct)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	return &EventStream{resp: resp, sc: sc}, nil
}

// FollowBuildLog streams the lines of a running build's log until the
// build finishes or ctx is cancelled. The channel is closed at the end.
func (c *Client) FollowBuildLog(ctx context.Context, buildID string) (<-chan string, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/builds/"+url.PathEscape(buildID)+"/log?follow=1", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return nil, errorFromResponse(resp)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	return lines, nil
}

// OpenArtifact returns a reader of a build artifact, decompressing it when
// the server sends it gzip-encoded. The caller must close the reader.
func (c *Client) OpenArtifact(ctx context.Context, buildID, name string) (io.ReadCloser, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/builds/"+url.PathEscape(buildID)+"/artifacts/"+url.PathEscape(name), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return nil, errorFromResponse(resp)
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		return resp.Body, nil
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, fmt.Errorf("artifact %s: %w", name, err)
	}
	return readCloser{Reader: zr, Closer: resp.Body}, nil
}

// OpenCache returns a reader of the project's build cache, at most limit
// bytes of it. The caller must close the reader.
func (c *Client) OpenCache(ctx context.Context, projectID string, limit int64) (io.ReadCloser, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/projects/"+url.PathEscape(projectID)+"/cache", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, ErrNotFound
	}
	if resp.ContentLength > limit {
		resp.Body.Close()
		return nil, fmt.Errorf("cache of %s is %d bytes, limit %d", projectID, resp.ContentLength, limit)
	}
	return readCloser{Reader: io.LimitReader(resp.Body, limit), Closer: resp.Body}, nil
}
