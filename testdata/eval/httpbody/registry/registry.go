package registry

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// login fetches a bearer token for scope.
func (c *Client) login(ctx context.Context, scope string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/token?scope="+url.QueryEscape(scope), nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.user, c.pass)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("registry login: %s", resp.Status)
	}
	var tok struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return err
	}
	c.mu.Lock()
	c.token = tok.Token
	c.mu.Unlock()
	return nil
}

// Manifest fetches the manifest of repo:ref, logging in again once when
// the token has expired.
func (c *Client) Manifest(ctx context.Context, repo, ref string) (*Manifest, error) {
	for attempt := 0; attempt < 2; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/v2/"+repo+"/manifests/"+ref, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+c.bearer())
		req.Header.Set("Accept", "application/vnd.oci.image.manifest.v1+json")
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			if err := c.login(ctx, "repository:"+repo+":pull"); err != nil {
				return nil, err
			}
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound {
			return nil, ErrUnknownManifest
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("manifest %s:%s: %s", repo, ref, resp.Status)
		}
		var m Manifest
		if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
			return nil, err
		}
		return &m, nil
	}
	return nil, fmt.Errorf("manifest %s:%s: unauthorized", repo, ref)
}

// Digest resolves a tag to its digest, giving up after the client's
// timeout.
func (c *Client) Digest(repo, tag string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, c.base+"/v2/"+repo+"/manifests/"+tag, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+c.bearer())
	type result struct {
		resp *http.Response
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		resp, err := c.hc.Do(req) // eval:leak httpbody
		ch <- result{resp, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return "", r.err
		}
		defer r.resp.Body.Close()
		if r.resp.StatusCode != http.StatusOK {
			return "", fmt.Errorf("digest %s:%s: %s", repo, tag, r.resp.Status)
		}
		return r.resp.Header.Get("Docker-Content-Digest"), nil
	case <-time.After(c.timeout):
		return "", ErrTimeout
	}
}

// BlobURL follows the registry's redirects to the storage URL of a blob
// without downloading it.
func (c *Client) BlobURL(ctx context.Context, repo, digest string) (string, error) {
	u := c.base + "/v2/" + repo + "/blobs/" + digest
	for hops := 0; hops < 5; hops++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return "", err
		}
		req.Header.Set("Authorization", "Bearer "+c.bearer())
		resp, err := c.noRedir.Do(req) // eval:leak httpbody
		if err != nil {
			return "", err
		}
		if loc := resp.Header.Get("Location"); resp.StatusCode/100 == 3 && loc != "" {
			next, err := resp.Request.URL.Parse(loc)
			if err != nil {
				return "", err
			}
			u = next.String()
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return "", fmt.Errorf("blob %s: %s", digest, resp.Status)
		}
		return u, nil
	}
	return "", fmt.Errorf("blob %s: too many redirects", digest)
}

// Tags returns every tag of repo, following the Link header.
func (c *Client) Tags(ctx context.Context, repo string) ([]string, error) {
	var tags []string
	next := c.base + "/v2/" + repo + "/tags/list?n=500"
	for next != "" {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, next, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+c.bearer())
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			return nil, err
		}
		if resp.Header.Get("X-Total-Count") == "0" {
			break
		}
		var page struct {
			Tags []string `json:"tags"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		tags = append(tags, page.Tags...)
		next = ""
		if link := resp.Header.Get("Link"); strings.HasPrefix(link, "<") {
			path, _, _ := strings.Cut(link[1:], ">")
			next = c.base + path
		}
	}
	return tags, nil
}

// RepoConfig returns the repository's configuration, or the default when
// the registry has none for it.
func (c *Client) RepoConfig(ctx context.Context, repo string) (Config, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/api/repositories/"+repo+"/config", nil)
	if err != nil {
		return Config{}, err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return Config{}, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return defaultConfig, nil
	}
	defer resp.Body.Close()
	var cfg Config
	if err := json.NewDecoder(resp.Body).Decode(&cfg); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// Exists reports whether repo has a manifest for ref. Some registries
// refuse HEAD, so it asks with GET and only looks at the status.
func (c *Client) Exists(ctx context.Context, repo, ref string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/v2/"+repo+"/manifests/"+ref, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+c.bearer())
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return false, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return true, nil
	case http.StatusNotFound:
		resp.Body.Close()
		return false, nil
	default:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		resp.Body.Close()
		return false, fmt.Errorf("manifest %s:%s: %s: %s", repo, ref, resp.Status, msg)
	}
}
