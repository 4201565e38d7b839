// Package testonly has test files only: the package itself has no
// compiled file, and its test variant is analysed in its place.
package testonly

import "testing"

func TestNothing(t *testing.T) {}
