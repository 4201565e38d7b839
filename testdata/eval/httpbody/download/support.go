// Package download fetches release assets and datasets over HTTP into the
// local cache directory.
package download

import (
	"errors"
	"io"
	"net/http"
	"os"
)

// ErrTooLarge is returned when an asset exceeds the configured size limit.
var ErrTooLarge = errors.New("download: asset too large")

// ErrChecksum is returned when the downloaded bytes do not match.
var ErrChecksum = errors.New("download: checksum mismatch")

// Fetcher downloads into dir.
type Fetcher struct {
	hc       *http.Client
	dir      string
	maxBytes int64
}

// NewFetcher returns a Fetcher.
func NewFetcher(hc *http.Client, dir string, maxBytes int64) *Fetcher {
	return &Fetcher{hc: hc, dir: dir, maxBytes: maxBytes}
}

// Download is an open asset: its body and the size the server announced.
type Download struct {
	Body        io.ReadCloser
	Size        int64
	ContentType string
}

type fetched struct {
	url  string
	resp *http.Response
	err  error
}

// save writes r to a new file at path.
func save(path string, r io.Reader) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, r); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
