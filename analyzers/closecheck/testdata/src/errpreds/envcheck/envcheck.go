// Package envcheck classifies errors for its callers: predicates that are
// true only for a non-nil error, and one that is not.
package envcheck

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// NotSupported reports whether err says the system refused the call; it
// forwards to the predicate of the platform.
func NotSupported(err error) bool {
	return notSupported(err)
}

func notSupported(err error) bool {
	if err == nil {
		return false
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && (errno == syscall.EPERM || errno == syscall.EINVAL) {
		return true
	}
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, errors.ErrUnsupported)
}

// Denied is true only for a non-nil error: both operands of || are
// predicates of it.
func Denied(err error) bool {
	return errors.Is(err, fs.ErrPermission) || os.IsPermission(err)
}

// Settled is true for a nil error too.
func Settled(err error) bool {
	if err == nil {
		return true
	}
	return errors.Is(err, fs.ErrExist)
}

// Opener keeps the package built into SSA, so that its facts are known.
func Opener(name string) (*os.File, error) { return os.Open(name) }
