// Package files is a driver fixture for closecheck: the file leaks on the
// path where the header is short.
package files

import (
	"errors"
	"io"
	"os"
)

// Header returns the first 4 bytes of the file.
func Header(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 4)
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, errors.New("short header")
	}
	f.Close()
	return buf, nil
}

// Size closes the file on every path, but not with defer: a panic in
// ReadAll would skip the Close (reported with -closecheck.strict).
func Size(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(f)
	f.Close()
	return len(data), err
}
