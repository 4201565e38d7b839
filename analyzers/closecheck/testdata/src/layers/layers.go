// Package layers reads image layers: each reader a layer hands out is
// opened for the call and must be closed.
package layers

import (
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

func exportNeverCloses(l v1.Layer, w io.Writer) error {
	rc, err := l.Uncompressed() // want `layer reader from l.Uncompressed is not closed when returning at line 17`
	if err != nil {
		return err
	}
	_, err = io.Copy(w, rc)
	return err
}

func exportCloses(l v1.Layer, w io.Writer) error {
	rc, err := l.Uncompressed()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(w, rc)
	return err
}

// readerReturned: the caller closes it.
func readerReturned(l v1.Layer) (io.ReadCloser, error) {
	return l.Compressed()
}
