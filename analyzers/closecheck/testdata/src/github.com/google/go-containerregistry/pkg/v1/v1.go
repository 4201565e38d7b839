// Package v1 stands in for github.com/google/go-containerregistry/pkg/v1:
// the Layer interface, whose readers the caller closes.
package v1

import "io"

type Layer interface {
	// Compressed returns an io.ReadCloser for the compressed layer contents.
	Compressed() (io.ReadCloser, error)
	// Uncompressed returns an io.ReadCloser for the uncompressed layer contents.
	Uncompressed() (io.ReadCloser, error)
	Size() (int64, error)
}
