// Package deferresults: a function with deferred calls and unnamed
// results keeps each return's values in slots while the deferred calls
// run. What one return hands back is what its own statement stored there,
// not what another return stored: a resource returned on success is still
// owed on a return of nil with an error.
package deferresults

import (
	"errors"
	"os"
	"sync"
)

var mu sync.Mutex

// openLocked returns the file on success and leaves it open when the
// name is refused after the open.
func openLocked(name string, refuse bool) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	f, err := os.Open(name) // want `file from os.Open is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	if refuse {
		return nil, errors.New("refused")
	}
	return f, nil
}

// openLockedClosing closes the file before the refusing return.
func openLockedClosing(name string, refuse bool) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if refuse {
		f.Close()
		return nil, errors.New("refused")
	}
	return f, nil
}

type set struct{ files []*os.File }

func (s *set) Close() error {
	for _, f := range s.files {
		f.Close()
	}
	return nil
}

func merge(files []*os.File) *set { return &set{files: files} }

// openAll gathers the files into a set it returns; a later name that
// fails drops the ones opened so far.
func openAll(names []string) (*set, error) {
	mu.Lock()
	defer mu.Unlock()
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n) // want `file from os.Open is not closed when returning at line \d+`
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return merge(files), nil
}

// openAllClosing closes what it gathered before the failing return.
func openAllClosing(names []string) (*set, error) {
	mu.Lock()
	defer mu.Unlock()
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, g := range files {
				g.Close()
			}
			return nil, err
		}
		files = append(files, f)
	}
	return merge(files), nil
}

// OpenAll and OpenLocked are the package's API.
func OpenAll(names []string) (*set, error) {
	s, err := openAll(names)
	if err != nil {
		return nil, err
	}
	s2, err := openAllClosing(names)
	if err != nil {
		s.Close()
		return nil, err
	}
	s2.Close()
	return s, nil
}

func OpenLocked(name string) (*os.File, error) {
	f, err := openLocked(name, false)
	if err != nil {
		return nil, err
	}
	g, err := openLockedClosing(name, true)
	if err != nil {
		f.Close()
		return nil, err
	}
	g.Close()
	return f, nil
}
