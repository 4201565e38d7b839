// Package errpaths holds compression writers left unclosed on error
// returns: that loses nothing, so only returns that may report success
// are leaks. Which returns certainly fail is the question here.
package errpaths

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// errors.Join(errA) is nil when errA is: the return may report success.
func joinMayBeNil(w io.Writer, data []byte, errA error) error {
	zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 17`
	if _, err := zw.Write(data); err != nil {
		return errors.Join(errA)
	}
	return zw.Close()
}

// errors.Unwrap(err) is nil for an error that wraps nothing.
func unwrapMayBeNil(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 26`
	if _, err := zw.Write(data); err != nil {
		return errors.Unwrap(err)
	}
	return zw.Close()
}

// fmt.Errorf always returns an error.
func wrapped(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	return zw.Close()
}

// A helper of the package whose every return is an error.
func wrapErr(op string, err error) error {
	if err == nil {
		return errors.New(op + ": failed")
	}
	return fmt.Errorf("%s: %w", op, err)
}

func wrappedByHelper(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		return wrapErr("compress", err)
	}
	return zw.Close()
}

// A helper that may return nil proves nothing.
func maybeWrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("wrapped: %w", err)
}

func wrappedByMaybe(w io.Writer, data []byte, errA error) error {
	zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 67`
	if _, err := zw.Write(data); err != nil {
		return maybeWrap(errA)
	}
	return zw.Close()
}

// A sentinel is an error.
var errShort = errors.New("short write")

func sentinel(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if n, err := zw.Write(data); err != nil || n < len(data) {
		return errShort
	}
	return zw.Close()
}

// A parameter may be nil.
func plainParam(w io.Writer, data []byte, errA error) error {
	zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 87`
	if _, err := zw.Write(data); err != nil {
		return errA
	}
	return zw.Close()
}

// An error made once and captured by the literal that returns it: the
// literal's failure return is an error.
func capturedSentinel(data []byte) ([]byte, error) {
	errEncode := errors.New("encode failed")
	compress := func(w io.Writer) error {
		zw := gzip.NewWriter(w)
		if _, err := zw.Write(data); err != nil {
			return errEncode
		}
		return zw.Close()
	}
	var b bytesBuffer
	return b.buf, compress(&b)
}

// A captured parameter may be nil: the return may report success.
func capturedParam(data []byte, errA error) error {
	compress := func(w io.Writer) error {
		zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line \d+`
		if _, err := zw.Write(data); err != nil {
			return errA
		}
		return zw.Close()
	}
	var b bytesBuffer
	return compress(&b)
}

type bytesBuffer struct{ buf []byte }

func (b *bytesBuffer) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}
