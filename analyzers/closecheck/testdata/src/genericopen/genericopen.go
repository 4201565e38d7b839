// Package genericopen opens files through a generic function that returns
// them as its type parameter, converting through any.
package genericopen

import (
	"errors"
	"os"
)

// lockedFile is a file held under a lock.
type lockedFile struct{ *os.File }

func lockFile(path string) (*lockedFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return &lockedFile{f}, nil
}

// create opens path as a plain or a locked file, as T asks.
func create[T *os.File | *lockedFile](path string) (T, error) {
	if _, locked := any(T(nil)).(*lockedFile); locked {
		lf, err := lockFile(path)
		if err != nil {
			return nil, err
		}
		return any(lf).(T), nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	return any(f).(T), nil
}

var errShort = errors.New("short header")

// Init drops the locked file when writing the header fails.
func Init(path string, header []byte) (*lockedFile, error) {
	f, err := create[*lockedFile](path) // want `file from create\[\.\.\.\] is not closed when returning at line 46 \(create\[\.\.\.\] returns it unreleased at genericopen.go:28\)`
	if err != nil {
		return nil, err
	}
	if n, err := f.Write(header); err != nil || n < len(header) {
		return nil, errShort
	}
	return f, nil
}

// InitClosed closes it there.
func InitClosed(path string, header []byte) (*lockedFile, error) {
	f, err := create[*lockedFile](path)
	if err != nil {
		return nil, err
	}
	if n, err := f.Write(header); err != nil || n < len(header) {
		f.Close()
		return nil, errShort
	}
	return f, nil
}

// Plain drops the plain file it never closes.
func Plain(path string) error {
	f, err := create[*os.File](path) // want `file from create\[\.\.\.\] is not closed when returning at line 71`
	if err != nil {
		return err
	}
	_, err = f.WriteString("x")
	return err
}

// PlainClosed closes it.
func PlainClosed(path string) error {
	f, err := create[*os.File](path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString("x")
	return err
}
