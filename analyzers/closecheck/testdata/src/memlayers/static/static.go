// Package static stands for a layer over bytes held in memory: every
// reader it hands out is io.NopCloser over a bytes.Reader.
package static

import (
	"bytes"
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// NewLayer's result is always a *staticLayer.
func NewLayer(b []byte) v1.Layer {
	return &staticLayer{b: b}
}

// NewChecked fails on empty contents; otherwise its result is a
// *staticLayer too.
func NewChecked(b []byte) (v1.Layer, error) {
	if len(b) == 0 {
		return nil, io.ErrUnexpectedEOF
	}
	return NewLayer(b), nil
}

type staticLayer struct {
	b []byte
}

func (l *staticLayer) Compressed() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(l.b)), nil
}

func (l *staticLayer) Uncompressed() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(l.b)), nil
}

func (l *staticLayer) Size() (int64, error) { return int64(len(l.b)), nil }
