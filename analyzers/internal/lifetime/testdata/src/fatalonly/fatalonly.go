// Package fatalonly holds a helper that stops the test with t.Fatal.
package fatalonly

import "testing"

// Must stops the test when err is not nil.
func Must(t *testing.T, err error) { // want Must:`testfail\(fails the test when param 1 is not nil\)`
	if err != nil {
		t.Fatal(err)
	}
}
