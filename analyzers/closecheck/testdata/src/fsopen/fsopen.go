// Package fsopen opens files through an http.FileSystem.
package fsopen

import (
	"errors"
	"io"
	"net/http"
)

// A static handler that opens the file only to learn that it exists.
func exists(fs http.FileSystem, name string) bool {
	if _, err := fs.Open(name); err != nil { // want `result of fs.Open is discarded: its file is never closed`
		return false
	}
	return true
}

// Left open when the file turns out to be a directory.
func readFile(fs http.FileSystem, name string) ([]byte, error) {
	f, err := fs.Open(name) // want `file from fs.Open is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("a directory")
	}
	defer f.Close()
	return io.ReadAll(f)
}

// http.Dir's own Open opens a descriptor too.
func fromDir(root, name string) (int64, error) {
	f, err := http.Dir(root).Open(name) // want `file from http.Dir\(root\).Open is not closed when returning at line \d+`
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	f.Close()
	return st.Size(), nil
}

// The fixed handler closes it.
func existsFixed(fs http.FileSystem, name string) bool {
	f, err := fs.Open(name)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// Returned to the caller, who closes it.
func open(fs http.FileSystem, name string) (http.File, error) {
	f, err := fs.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func readFileFixed(fs http.FileSystem, name string) ([]byte, error) {
	f, err := open(fs, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}
