// Package require stands in for testify's require: its assertions stop
// the test when they fail.
package require

type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

// Fail fails the test on every call.
func Fail(t TestingT, failureMessage string, msgAndArgs ...interface{}) {
	t.Errorf("%s", failureMessage)
	t.FailNow()
}

// Equal fails the test only when the values differ.
func Equal(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) {
	if expected != actual {
		t.Errorf("not equal: %v, %v", expected, actual)
		t.FailNow()
	}
}

// Assertions binds the assertions to one test, as a suite's Require().
type Assertions struct{ t TestingT }

func New(t TestingT) *Assertions { return &Assertions{t} }

// Fail fails the test on every call.
func (a *Assertions) Fail(failureMessage string, msgAndArgs ...interface{}) {
	Fail(a.t, failureMessage, msgAndArgs...)
}
