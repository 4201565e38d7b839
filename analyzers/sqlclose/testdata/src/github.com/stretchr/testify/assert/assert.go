// Package assert stands in for testify's assert: its assertions return
// false after marking the test failed.
package assert

type TestingT interface {
	Errorf(format string, args ...interface{})
}

func NoError(t TestingT, err error, msgAndArgs ...interface{}) bool {
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		return false
	}
	return true
}

func True(t TestingT, value bool, msgAndArgs ...interface{}) bool {
	if !value {
		t.Errorf("should be true")
		return false
	}
	return true
}

func False(t TestingT, value bool, msgAndArgs ...interface{}) bool {
	if value {
		t.Errorf("should be false")
		return false
	}
	return true
}

// Assertions calls the assertions with its own TestingT.
type Assertions struct{ t TestingT }

func New(t TestingT) *Assertions { return &Assertions{t} }

func (a *Assertions) True(value bool, msgAndArgs ...interface{}) bool {
	return True(a.t, value, msgAndArgs...)
}

func (a *Assertions) False(value bool, msgAndArgs ...interface{}) bool {
	return False(a.t, value, msgAndArgs...)
}
