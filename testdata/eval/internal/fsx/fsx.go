// Package fsx holds the file helpers that the importers and exporters share.
package fsx

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
)

// CloseAndLog closes c and logs a failure; for read-only files, where a
// close error changes nothing.
func CloseAndLog(c io.Closer, what string) {
	if err := c.Close(); err != nil {
		slog.Warn("close failed", "what", what, "err", err)
	}
}

// CloseOnError closes c only when *errp is non-nil: it is meant for
// constructors that hand c to their caller on success.
func CloseOnError(c io.Closer, errp *error) {
	if *errp != nil {
		_ = c.Close()
	}
}

// WriteAtomic writes a file through a temporary file in the same directory
// and renames it into place, so readers never see a partial file.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ErrLocked is returned when another process holds the lock file.
var ErrLocked = errors.New("fsx: file is locked by another process")

// LockedFile is a file guarded by a sibling ".lock" file created with
// O_EXCL. Close releases both.
type LockedFile struct {
	*os.File
	lock *os.File
}

// OpenLocked takes the lock for path and opens it for reading and writing.
func OpenLocked(path string) (*LockedFile, error) {
	lock, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, ErrLocked
		}
		return nil, err
	}
	fmt.Fprintf(lock, "%d\n", os.Getpid())
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		lock.Close()
		os.Remove(lock.Name())
		return nil, err
	}
	return &LockedFile{File: f, lock: lock}, nil
}

// Close closes the file and releases the lock.
func (l *LockedFile) Close() error {
	err := l.File.Close()
	l.lock.Close()
	if rmErr := os.Remove(l.lock.Name()); rmErr != nil && err == nil {
		err = rmErr
	}
	return err
}
