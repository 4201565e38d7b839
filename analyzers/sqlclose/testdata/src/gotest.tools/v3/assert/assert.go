// Package assert is a stand-in for gotest.tools/v3/assert: the functions
// leakvet's knowledge table names, with their documented behaviour.
package assert

// TestingT is the subset of testing.T the assertions use.
type TestingT interface {
	FailNow()
	Fail()
}

// BoolOrComparison is a bool or a comparison function.
type BoolOrComparison interface{}

func eval(comparison BoolOrComparison) bool {
	b, _ := comparison.(bool)
	return b
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
