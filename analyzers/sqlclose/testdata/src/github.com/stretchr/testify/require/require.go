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

func True(t TestingT, value bool, msgAndArgs ...interface{}) {
	if !value {
		t.Errorf("should be true")
		t.FailNow()
	}
}

func False(t TestingT, value bool, msgAndArgs ...interface{}) {
	if value {
		t.Errorf("should be false")
		t.FailNow()
	}
}
