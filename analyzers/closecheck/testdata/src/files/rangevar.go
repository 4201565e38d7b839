package files

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
)

type encoding struct {
	name       string
	compressed bool
}

// The range variable is read twice under the same field, and a closure
// that captures it only reads it: where the first test opened the
// writer, the second closes it.
func encodeEach(encs []encoding) error {
	for _, enc := range encs {
		fail := func(err error) error { return fmt.Errorf("%s: %v", enc.name, err) }
		var buf bytes.Buffer
		var w io.Writer = &buf
		if enc.compressed {
			w = gzip.NewWriter(w)
		}
		if _, err := w.Write([]byte(enc.name)); err != nil {
			return fail(err)
		}
		if enc.compressed {
			w.(*gzip.Writer).Close()
		}
	}
	return nil
}

// A closure that writes the range variable's field between the two tests
// may change it: the second test is not decided by the first.
func encodeEachFlipped(encs []encoding) error {
	for _, enc := range encs {
		flip := func() { enc.compressed = !enc.compressed }
		var buf bytes.Buffer
		var w io.Writer = &buf
		if enc.compressed {
			w = gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) before the next loop iteration acquires another`
		}
		flip()
		if enc.compressed {
			w.(*gzip.Writer).Close()
		}
	}
	return nil
}
