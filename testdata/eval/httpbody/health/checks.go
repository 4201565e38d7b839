package health

import (
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// Check performs one GET against the target and reports the outcome.
func (c *Checker) Check(ctx context.Context, t Target) Result {
	start := time.Now()
	res := Result{Name: t.Name}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.URL, nil)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	resp, err := c.hc.Do(req)
	res.Latency = time.Since(start)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	res.Status = resp.Status
	res.OK = resp.StatusCode >= 200 && resp.StatusCode < 300
	return res
}

// Alive reports whether url answers 200.
func (c *Checker) Alive(url string) (bool, error) {
	resp, err := c.hc.Get(url) // eval:leak httpbody
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// CheckAll checks every target concurrently.
func (c *Checker) CheckAll(ctx context.Context) []Result {
	results := make([]Result, len(c.targets))
	var wg sync.WaitGroup
	for i, t := range c.targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = c.Check(ctx, t)
		}()
	}
	wg.Wait()
	return results
}

// Ready returns nil when every dependency answers 200, and an error naming
// the first one that does not.
func (c *Checker) Ready(ctx context.Context) error {
	for _, t := range c.targets {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.URL, nil)
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			return fmt.Errorf("%s: %w", t.Name, err)
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s not ready: %s", t.Name, resp.Status)
		}
		resp.Body.Close()
	}
	return nil
}

// Version asks a dependency for its build version.
func (c *Checker) Version(ctx context.Context, baseURL string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/version", nil)
	if err != nil {
		return "", err
	}
	resp, err := c.hc.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return "", err
	}
	var v struct {
		Version string `json:"version"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return "", err
	}
	return v.Version, nil
}

// Degraded maps the dependency's own health document onto a level: "ok",
// "degraded" (503 with a reason) or "down".
func (c *Checker) Degraded(ctx context.Context, t Target) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.URL, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return "down", err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		resp.Body.Close()
		return "ok", nil
	case http.StatusServiceUnavailable:
		var doc struct {
			Reason string `json:"reason"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
			return "down", err
		}
		return "degraded", errors.New(doc.Reason)
	default:
		resp.Body.Close()
		return "down", fmt.Errorf("%s: %s", t.Name, resp.Status)
	}
}

// WaitReady polls url every interval until it answers 200 or ctx ends.
func (c *Checker) WaitReady(ctx context.Context, url string, interval time.Duration) error {
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err == nil {
			ok := resp.StatusCode == http.StatusOK
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if ok {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(interval):
		}
	}
}

// WaitHealthy polls url until it answers 200, giving up after attempts.
func (c *Checker) WaitHealthy(url string, attempts int, interval time.Duration) error {
	for i := 0; i < attempts; i++ {
		resp, err := c.hc.Get(url) // eval:leak httpbody
		if err == nil && resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return nil
		}
		time.Sleep(interval)
	}
	return fmt.Errorf("%s not healthy after %d attempts", url, attempts)
}

// CertExpiry returns when the certificate served at url expires.
func (c *Checker) CertExpiry(ctx context.Context, url string) (time.Time, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return time.Time{}, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return time.Time{}, err
	}
	defer resp.Body.Close()
	if resp.TLS == nil || len(resp.TLS.PeerCertificates) == 0 {
		return time.Time{}, fmt.Errorf("%s: no TLS certificate", url)
	}
	var leaf *x509.Certificate = resp.TLS.PeerCertificates[0]
	return leaf.NotAfter, nil
}

// Handler serves the aggregated results as JSON.
func (c *Checker) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		results := c.CheckAll(ctx)
		status := http.StatusOK
		for _, res := range results {
			if !res.OK {
				status = http.StatusServiceUnavailable
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(results)
	})
}

// Upstream reports whether the upstream at url is serving, treating a
// redirect to the maintenance page as down.
func (c *Checker) Upstream(url string) (bool, error) {
	noRedirect := *c.hc
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noRedirect.Get(url)
	if err != nil {
		return false, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1024))
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); loc != "" {
		return false, fmt.Errorf("%s redirects to %s", url, loc)
	}
	return resp.StatusCode < 300, nil
}
