// Package check holds assertion helpers shared by tests.
package check

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// NoErr reports whether err is nil, failing the test when it is not.
func NoErr(t *testing.T, err error) bool {
	t.Helper()
	return assert.NoError(t, err)
}

// Positive reports whether n is positive, failing the test when it is not.
func Positive(t *testing.T, n int) bool {
	if n <= 0 {
		t.Errorf("want a positive number, got %d", n)
		return false
	}
	return true
}

// Small reports whether n is small; it fails nothing.
func Small(t *testing.T, n int) bool {
	return n < 10
}

// Fail marks the test failed.
func Fail(t *testing.T, msg string) {
	t.Helper()
	t.Error(msg)
}
