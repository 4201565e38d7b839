package download

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"leakvet.test/eval/internal/httpx"
)

// get sends a GET for url; the caller owns the response.
func (f *Fetcher) get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return f.hc.Do(req)
}

// ToFile downloads url into the cache directory under name.
func (f *Fetcher) ToFile(ctx context.Context, url, name string) (err error) {
	resp, err := f.get(ctx, url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := httpx.CheckStatus(resp); err != nil {
		return err
	}
	out, err := os.Create(filepath.Join(f.dir, name))
	if err != nil {
		return err
	}
	defer httpx.CloseWithError(out, &err)
	_, err = io.Copy(out, io.LimitReader(resp.Body, f.maxBytes))
	return err
}

// Bytes downloads a small asset into memory.
func (f *Fetcher) Bytes(ctx context.Context, url string) ([]byte, error) {
	resp, err := f.get(ctx, url) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > f.maxBytes {
		return nil, ErrTooLarge
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, f.maxBytes))
}

// Resume continues a partial download of url into path.
func (f *Fetcher) Resume(ctx context.Context, url, path string) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer out.Close()
	offset, err := out.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Range", fmt.Sprintf("bytes=%d-", offset))
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusPartialContent:
	case http.StatusOK:
		if err := out.Truncate(0); err != nil {
			return err
		}
		if _, err := out.Seek(0, io.SeekStart); err != nil {
			return err
		}
	default:
		return fmt.Errorf("resume %s: %s", url, resp.Status)
	}
	_, err = io.Copy(out, resp.Body)
	return err
}

// Open returns the body of url for the caller to read and close.
func (f *Fetcher) Open(ctx context.Context, url string) (io.ReadCloser, error) {
	resp, err := f.get(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := httpx.CheckStatus(resp); err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// OpenAsset returns the asset at url with its announced size.
func (f *Fetcher) OpenAsset(ctx context.Context, url string) (*Download, error) {
	resp, err := f.get(ctx, url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		httpx.DrainAndClose(resp)
		return nil, fmt.Errorf("asset %s: %s", url, resp.Status)
	}
	return &Download{Body: resp.Body, Size: resp.ContentLength, ContentType: resp.Header.Get("Content-Type")}, nil
}

// OpenAll opens every URL; the caller closes the bodies.
func (f *Fetcher) OpenAll(ctx context.Context, urls []string) ([]*http.Response, error) {
	var out []*http.Response
	for _, u := range urls {
		resp, err := f.get(ctx, u) // eval:leak httpbody
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", u, err)
		}
		out = append(out, resp)
	}
	return out, nil
}

// fetchConcurrently starts a GET per URL and delivers each response on the
// returned channel; the receiver closes the bodies.
func (f *Fetcher) fetchConcurrently(ctx context.Context, urls []string) <-chan fetched {
	out := make(chan fetched, len(urls))
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := f.get(ctx, u)
			out <- fetched{url: u, resp: resp, err: err}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Mirror downloads every URL concurrently into the cache directory.
func (f *Fetcher) Mirror(ctx context.Context, urls []string) error {
	var firstErr error
	for r := range f.fetchConcurrently(ctx, urls) {
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		err := save(filepath.Join(f.dir, filepath.Base(r.url)), r.resp.Body)
		r.resp.Body.Close()
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// Verified downloads url and checks it against the expected SHA-256.
func (f *Fetcher) Verified(ctx context.Context, url, wantHex string) ([]byte, error) {
	resp, err := f.get(ctx, url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", url, resp.Status)
	}
	h := sha256.New()
	data, err := io.ReadAll(io.TeeReader(io.LimitReader(resp.Body, f.maxBytes), h))
	if err != nil {
		return nil, err
	}
	if hex.EncodeToString(h.Sum(nil)) != wantHex {
		return nil, ErrChecksum
	}
	return data, nil
}

// Checksums fetches the SHA256SUMS file of a release.
func (f *Fetcher) Checksums(ctx context.Context, releaseURL string) (map[string]string, error) {
	resp, err := f.get(ctx, releaseURL+"/SHA256SUMS") // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	sums := map[string]string{}
	var sum, name string
	for {
		n, err := fmt.Fscanln(resp.Body, &sum, &name)
		if err == io.EOF {
			break
		}
		if err != nil || n != 2 {
			return nil, fmt.Errorf("SHA256SUMS: malformed line: %v", err)
		}
		sums[name] = sum
	}
	resp.Body.Close()
	return sums, nil
}

// Latest resolves the "latest" redirect of a release page to the version's
// URL without downloading anything.
func (f *Fetcher) Latest(ctx context.Context, releasesURL string) (string, error) {
	resp, err := f.get(ctx, releasesURL+"/latest")
	if err != nil {
		return "", err
	}
	httpx.Close(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("latest release: %s", resp.Status)
	}
	return resp.Request.URL.String(), nil
}
