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

func load(n int) (int, error) { return n, nil }

// The worker ends when the queue is closed; the return that skips the
// close follows a failure reported through TestingT.
func FeedAll(t TestingT, ns []int) {
	queue := make(chan int)
	go func() {
		for range queue {
		}
	}()
	for _, n := range ns {
		v, err := load(n)
		if err != nil {
			t.Errorf("load %d: %v", n, err)
			return
		}
		queue <- v
	}
	close(queue)
}

// Through Logger the return is a passing run: the worker is left waiting.
func FeedAllLogged(l Logger, ns []int) {
	queue := make(chan int)
	go func() { // want `goroutine never finishes: it receives from queue until it is closed, and the caller can return at line \d+ without closing it`
		for range queue {
		}
	}()
	for _, n := range ns {
		v, err := load(n)
		if err != nil {
			l.Logf("load %d: %v", n, err)
			return
		}
		queue <- v
	}
	close(queue)
}
