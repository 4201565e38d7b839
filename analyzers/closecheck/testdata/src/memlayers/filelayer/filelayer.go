// Package filelayer stands for a layer read from a file: every reader
// it hands out is an open *os.File.
package filelayer

import (
	"io"
	"os"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// NewLayer's result is always a *fileLayer.
func NewLayer(path string) v1.Layer {
	return &fileLayer{path: path}
}

type fileLayer struct {
	path string
}

func (l *fileLayer) Compressed() (io.ReadCloser, error) {
	return os.Open(l.path)
}

func (l *fileLayer) Uncompressed() (io.ReadCloser, error) {
	return os.Open(l.path)
}

func (l *fileLayer) Size() (int64, error) {
	fi, err := os.Stat(l.path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
