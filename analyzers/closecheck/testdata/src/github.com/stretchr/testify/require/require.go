// Package require stands in for testify's require: its assertions stop
// the test when they fail.
package require

type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

func NoError(t TestingT, err error, msgAndArgs ...interface{}) {
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		t.FailNow()
	}
}

func Fail(t TestingT, failureMessage string, msgAndArgs ...interface{}) {
	t.Errorf("%s", failureMessage)
	t.FailNow()
}

func Error(t TestingT, err error, msgAndArgs ...interface{}) {
	if err == nil {
		t.Errorf("an error is expected but got nil")
		t.FailNow()
	}
}
