// Package memlayers reads layers whose dynamic type is known: a layer of
// memory hands out readers whose Close releases nothing; a layer of a
// file, or one whose type is not known, must still have its readers
// closed.
package memlayers

import (
	"bytes"
	"errors"
	"io"
	"os"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"memlayers/filelayer"
	"memlayers/static"
)

// staticLayerNotClosed: static.NewLayer always returns a layer over
// bytes (its fact says so); the reader is io.NopCloser over memory.
func staticLayerNotClosed(b []byte) ([]byte, error) {
	l := static.NewLayer(b)
	rc, err := l.Uncompressed()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// fileLayerNotClosed: the same code over a layer of a file leaks the file.
func fileLayerNotClosed(path string) ([]byte, error) {
	l := filelayer.NewLayer(path)
	rc, err := l.Uncompressed() // want `layer reader from l.Uncompressed is not closed when returning at line 36`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// checkedStaticLayerNotClosed: a constructor that can fail returns nil
// or a layer over bytes.
func checkedStaticLayerNotClosed(b []byte) ([]byte, error) {
	l, err := static.NewChecked(b)
	if err != nil {
		return nil, err
	}
	rc, err := l.Compressed()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// eitherLayerNotClosed: the layer is of memory on one path and of a file
// on the other: its reader may be a file.
func eitherLayerNotClosed(b []byte, path string) ([]byte, error) {
	l := static.NewLayer(b)
	if path != "" {
		l = filelayer.NewLayer(path)
	}
	rc, err := l.Uncompressed() // want `layer reader from l.Uncompressed is not closed when returning at line 64`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// memReader reads a byte slice; its Close does nothing.
type memReader struct {
	data []byte
	off  int
}

func (r *memReader) Read(p []byte) (int, error) {
	if r.off >= len(r.data) {
		return 0, io.EOF
	}
	n := copy(p, r.data[r.off:])
	r.off += n
	return n, nil
}

func (r *memReader) Close() error { return nil }

// memLayer hands out memReaders.
type memLayer struct{ b []byte }

func (l *memLayer) Compressed() (io.ReadCloser, error)   { return &memReader{data: l.b}, nil }
func (l *memLayer) Uncompressed() (io.ReadCloser, error) { return &memReader{data: l.b}, nil }
func (l *memLayer) Size() (int64, error)                 { return int64(len(l.b)), nil }

func newMemLayer(b []byte) (v1.Layer, error) {
	if b == nil {
		return nil, errors.New("no contents")
	}
	return &memLayer{b: b}, nil
}

// localMemLayerNotClosed: a layer of the package whose reader's Close
// does nothing and whose fields hold memory.
func localMemLayerNotClosed(b []byte) ([]byte, error) {
	l, err := newMemLayer(b)
	if err != nil {
		return nil, err
	}
	rc, err := l.Uncompressed()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// boxedMemLayerNotClosed: the concrete layer is boxed in sight.
func boxedMemLayerNotClosed(b []byte) ([]byte, error) {
	var l v1.Layer = &memLayer{b: b}
	rc, err := l.Compressed()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// fileReader's Close does nothing, but it holds a file: closing it would
// not release the file, and nothing here decides that it holds memory.
type fileReader struct{ f *os.File }

func (r fileReader) Read(p []byte) (int, error) { return r.f.Read(p) }
func (r fileReader) Close() error               { return nil }

// countedReader's Close does something.
type countedReader struct{ bytes.Reader }

var open int

func (r *countedReader) Close() error {
	open--
	return nil
}

// heldLayer hands out readers that are not memory alone.
type heldLayer struct{ path string }

func (l *heldLayer) Compressed() (io.ReadCloser, error) {
	f, err := os.Open(l.path)
	if err != nil {
		return nil, err
	}
	return fileReader{f}, nil
}

func (l *heldLayer) Uncompressed() (io.ReadCloser, error) {
	open++
	return &countedReader{}, nil
}

func (l *heldLayer) Size() (int64, error) { return 0, nil }

// nopOverFileLayer wraps a file in io.NopCloser.
type nopOverFileLayer struct{ path string }

func (l *nopOverFileLayer) Compressed() (io.ReadCloser, error) {
	f, err := os.Open(l.path) // want `file from os.Open is not closed when returning at line 165`
	if err != nil {
		return nil, err
	}
	return io.NopCloser(f), nil
}

func (l *nopOverFileLayer) Uncompressed() (io.ReadCloser, error) { return l.Compressed() }
func (l *nopOverFileLayer) Size() (int64, error)                 { return 0, nil }

// heldLayerNotClosed: a reader holding a file behind a Close that does
// nothing is not taken for memory.
func heldLayerNotClosed(path string) ([]byte, error) {
	var l v1.Layer = &heldLayer{path: path}
	rc, err := l.Compressed() // want `layer reader from l.Compressed is not closed when returning at line 179`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// countedLayerNotClosed: a Close that changes package state is not
// nothing.
func countedLayerNotClosed(path string) ([]byte, error) {
	var l v1.Layer = &heldLayer{path: path}
	rc, err := l.Uncompressed() // want `layer reader from l.Uncompressed is not closed when returning at line 190`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}

// nopOverFileNotClosed: io.NopCloser over a file is not memory.
func nopOverFileNotClosed(path string) ([]byte, error) {
	var l v1.Layer = &nopOverFileLayer{path: path}
	rc, err := l.Uncompressed() // want `layer reader from l.Uncompressed is not closed when returning at line 200`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rc)
}
