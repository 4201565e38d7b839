// Package testfailfacts holds assertion helpers shared by the tests of
// other packages: what each does to the running test is exported.
package testfailfacts

import "testing"

// Fail marks the test failed on every path.
func Fail(t *testing.T, msg string) { // want Fail:`testfail\(fails the test\)`
	t.Helper()
	t.Errorf("%s", msg)
}

// Must stops the test when err is not nil.
func Must(t *testing.T, err error) { // want Must:`testfail\(fails the test when param 1 is not nil\)`
	if err != nil {
		t.Fatal(err)
	}
}

// MustFail stops the test when err is nil.
func MustFail(t *testing.T, err error) { // want MustFail:`testfail\(fails the test when param 1 is nil\)`
	if err == nil {
		t.Fatal("want an error")
	}
}

// NoErr returns false only after marking the test failed.
func NoErr(t *testing.T, err error) bool { // want NoErr:`testfail\(fails the test when false; fails the test when param 1 is not nil\)`
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		return false
	}
	return true
}

// Positive returns false without failing anything when n is zero.
func Positive(t *testing.T, n int) bool {
	if n < 0 {
		t.Errorf("negative: %d", n)
		return false
	}
	return n > 0
}

// Log fails nothing.
func Log(t *testing.T, err error) {
	if err != nil {
		t.Log(err)
	}
}
