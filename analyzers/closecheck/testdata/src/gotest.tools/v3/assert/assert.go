// Package assert is a stand-in for gotest.tools/v3/assert: the functions
// leakvet's knowledge table names, with their documented behaviour.
package assert

import "gotest.tools/v3/assert/cmp"

// TestingT is the subset of testing.T the assertions use.
type TestingT interface {
	FailNow()
	Fail()
	Log(args ...interface{})
}

// BoolOrComparison is a bool or a cmp.Comparison.
type BoolOrComparison interface{}

func eval(comparison BoolOrComparison) bool {
	switch c := comparison.(type) {
	case bool:
		return c
	case cmp.Comparison:
		return c().Success()
	}
	return false
}

// Assert fails the test and stops it when the comparison fails.
func Assert(t TestingT, comparison BoolOrComparison, msgAndArgs ...interface{}) {
	if !eval(comparison) {
		t.FailNow()
	}
}

// Check marks the test failed and returns false when the comparison fails.
func Check(t TestingT, comparison BoolOrComparison, msgAndArgs ...interface{}) bool {
	if !eval(comparison) {
		t.Fail()
		return false
	}
	return true
}

// NilError stops the test when err is not nil.
func NilError(t TestingT, err error, msgAndArgs ...interface{}) {
	if err != nil {
		t.FailNow()
	}
}

// Error stops the test when err is nil or its message differs.
func Error(t TestingT, err error, expected string, msgAndArgs ...interface{}) {
	if err == nil || err.Error() != expected {
		t.FailNow()
	}
}

// ErrorContains stops the test when err is nil or lacks the substring.
func ErrorContains(t TestingT, err error, substring string, msgAndArgs ...interface{}) {
	if err == nil {
		t.FailNow()
	}
}
