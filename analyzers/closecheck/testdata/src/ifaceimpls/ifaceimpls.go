// Package ifaceimpls opens files through an interface of its own: a call
// of a method of an unexported interface acquires what every
// implementation the package declares returns owned.
package ifaceimpls

import (
	"errors"
	"os"
	"path/filepath"
)

type opener interface {
	Open(name string) (*os.File, error)
}

type dirOpener struct{ dir string }

func (d dirOpener) Open(name string) (*os.File, error) {
	return os.Open(filepath.Join(d.dir, name))
}

type tmpOpener struct{}

func (tmpOpener) Open(name string) (*os.File, error) {
	return os.CreateTemp("", name)
}

func Size(o opener, name string) (int64, error) {
	f, err := o.Open(name) // want `file from o.Open is not closed when returning at line 35 \(o.Open returns it unreleased at ifaceimpls.go:19\)`
	if err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	f.Close()
	return fi.Size(), nil
}

func SizeClosed(o opener, name string) (int64, error) {
	f, err := o.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// shared has an implementation that hands out the one file it keeps: the
// caller must not close it, so a call acquires nothing.
type shared interface {
	File() (*os.File, error)
}

type ownFile struct{ path string }

func (o ownFile) File() (*os.File, error) { return os.Open(o.path) }

type keptFile struct{ f *os.File }

func (k *keptFile) File() (*os.File, error) {
	if k.f == nil {
		return nil, errors.New("closed")
	}
	return k.f, nil
}

func Name(s shared) (string, error) {
	f, err := s.File()
	if err != nil {
		return "", err
	}
	return f.Name(), nil
}
