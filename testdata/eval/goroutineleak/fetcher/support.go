// Package fetcher loads documents from the content API and its mirrors,
// several at a time.
package fetcher

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Page is one fetched document.
type Page struct {
	Path string
	Body []byte
}

// Fetcher fetches paths below a base URL.
type Fetcher struct {
	hc      *http.Client
	base    string
	mirrors []string
}

// New returns a Fetcher for base, with optional mirrors holding the same
// documents.
func New(hc *http.Client, base string, mirrors ...string) *Fetcher {
	return &Fetcher{hc: hc, base: strings.TrimRight(base, "/"), mirrors: mirrors}
}

func (f *Fetcher) getFrom(ctx context.Context, base, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/"+strings.TrimLeft(path, "/"), nil)
	if err != nil {
		return nil, err
	}
	resp, err := f.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %s", path, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 8<<20))
}

func (f *Fetcher) get(ctx context.Context, path string) ([]byte, error) {
	return f.getFrom(ctx, f.base, path)
}

type pageResult struct {
	page Page
	err  error
}
