package testfail

import "time"

// TestingT is the package's own view of a test: *testing.T implements it,
// and its Errorf fails the test.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

// Soon fails the test when the callback does not finish in time: the
// sender is left blocked only after t.Errorf, called through TestingT.
func Soon(t TestingT, callback func(), timeout time.Duration) {
	done := make(chan struct{})
	go func() {
		callback()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		t.Errorf("timed out after %s", timeout)
	}
}

// Reporter is not implemented by *testing.T (no such Report method): its
// Errorf is not known to fail a test.
type Reporter interface {
	Errorf(format string, args ...interface{})
	Report()
}

func SoonReported(r Reporter, callback func(), timeout time.Duration) {
	done := make(chan struct{})
	go func() { // want `goroutine blocks forever sending on done: the caller can return at line \d+ without receiving`
		callback()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		r.Errorf("timed out after %s", timeout)
	}
}

// Logger's Logf is *testing.T's, but logging does not fail the test.
type Logger interface {
	Logf(format string, args ...any)
}

func SoonLogged(l Logger, callback func(), timeout time.Duration) {
	done := make(chan struct{})
	go func() { // want `goroutine blocks forever sending on done: the caller can return at line \d+ without receiving`
		callback()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-time.After(timeout):
		l.Logf("timed out after %s", timeout)
	}
}
