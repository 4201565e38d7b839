package statopened

import (
	"io"
	"os"
)

type sized struct {
	io.ReadCloser
	n int64
}

// Stat of the descriptor os.Open has just returned does not fail: the
// return on its error is never taken.
func statAfterOpen(path string) (io.ReadCloser, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	return &sized{fh, st.Size()}, nil
}

// The same after os.OpenFile and os.CreateTemp.
func statAfterOpenFile(path string) (*os.File, int64, error) {
	fh, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, 0, err
	}
	st, err := fh.Stat()
	if err != nil {
		return nil, 0, err
	}
	return fh, st.Size(), nil
}

// os.Stat of the path is another call: the file may be gone by then, and
// the return on its error leaks the descriptor.
func statOfPath(path string) (*os.File, int64, error) {
	fh, err := os.Open(path) // want `file from os.Open is not closed when returning at line 49`
	if err != nil {
		return nil, 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	return fh, st.Size(), nil
}

// A descriptor handed in by the caller may have been closed already: its
// Stat can fail, and that return leaks the file opened here.
func statOfOther(other *os.File, path string) (*os.File, int64, error) {
	fh, err := os.Open(path) // want `file from os.Open is not closed when returning at line 63`
	if err != nil {
		return nil, 0, err
	}
	st, err := other.Stat()
	if err != nil {
		return nil, 0, err
	}
	return fh, st.Size(), nil
}
