// Package globalsink hands files to a logger package: kept in its
// package-level variables they are the package's for the process's life,
// kept in a value the caller holds or only written to they are still the
// caller's.
package globalsink

import (
	"os"

	"globalsink/logger"
)

// standardOutputNotClosed: logger.SetOutput keeps the file in the
// package's standard logger.
func standardOutputNotClosed(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	logger.SetOutput(f)
	return nil
}

// registeredNotClosed: logger.Register keeps it in a package-level map.
func registeredNotClosed(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	logger.Register("audit", f)
	return nil
}

// ownLoggerNotClosed: the logger the function made keeps the file, and
// the logger is dropped with it.
func ownLoggerNotClosed(path string) error {
	f, err := os.Create(path) // want `file from os.Create is not closed when returning at line 43`
	if err != nil {
		return err
	}
	l := logger.New()
	l.SetOutput(f)
	return nil
}

// bufferNotClosed: NewBuffer keeps the file in the buffer it returns, not
// in its package.
func bufferNotClosed(path string) error {
	f, err := os.Create(path) // want `file from os.Create is not closed when returning at line 55`
	if err != nil {
		return err
	}
	b := logger.NewBuffer(f)
	_ = b
	return nil
}

// printedNotClosed: Print only writes to the file.
func printedNotClosed(path string) error {
	f, err := os.Create(path) // want `file from os.Create is not closed when returning at line 65`
	if err != nil {
		return err
	}
	logger.Print(f, "hello")
	return nil
}
