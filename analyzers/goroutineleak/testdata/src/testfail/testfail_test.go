package testfail

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The sender is left blocked only when the timeout fires, and then the
// test has failed.
func TestTimeoutFails(t *testing.T) {
	res := make(chan int)
	go func() {
		res <- Work()
	}()
	select {
	case <-res:
	case <-time.After(time.Second):
		t.Errorf("timed out")
	}
}

// A timeout that only logs lets the test pass with the sender blocked.
func TestTimeoutPasses(t *testing.T) {
	res := make(chan int)
	go func() { // want `goroutine blocks forever sending on res: the caller can return at line \d+ without receiving`
		res <- Work()
	}()
	select {
	case <-res:
	case <-time.After(time.Second):
		t.Log("slow; carrying on")
	}
}

func dial() (int, error) { return 1, nil }

// The timeout leaves err as dial returned it: nil, and the test fails
// below, or not nil, and the test failed already.
func TestTimeoutLeavesNilError(t *testing.T) {
	c, err := dial()
	if err != nil {
		t.Error(err)
	}
	r := make(chan error)
	go func() {
		_ = c
		r <- nil
	}()
	select {
	case err = <-r:
	case <-time.After(time.Second):
	}
	if err == nil {
		t.Error("no error after the timeout")
	}
}

// The earlier failure only logs: a non-nil err lets the test pass with the
// sender blocked.
func TestTimeoutAfterLoggedError(t *testing.T) {
	c, err := dial()
	if err != nil {
		t.Log(err)
	}
	r := make(chan error)
	go func() { // want `goroutine blocks forever sending on r: the caller can return at line \d+ without receiving`
		_ = c
		r <- nil
	}()
	select {
	case err = <-r:
	case <-time.After(time.Second):
	}
	if err == nil {
		t.Error("no error after the timeout")
	}
}

// A value computed in the loop is a new one on each iteration: its earlier
// test says nothing of the err compared after the select.
func TestTimeoutErrorInLoop(t *testing.T) {
	for range 2 {
		_, err := dial()
		if err != nil {
			t.Error(err)
		}
		r := make(chan error)
		go func() { // want `goroutine blocks forever sending on r: the caller can return at line \d+ without receiving`
			r <- nil
		}()
		select {
		case err = <-r:
		case <-time.After(time.Second):
		}
		if err == nil {
			t.Error("no error after the timeout")
		}
	}
}

// require.Fail fails the test on every call (through its TestingT, an
// interface): the timeout case is the run of a failed test.
func TestTimeoutRequireFail(t *testing.T) {
	res := make(chan int)
	go func() {
		res <- Work()
	}()
	select {
	case <-res:
	case <-time.After(time.Second):
		require.Fail(t, "timed out")
	}
}

// require.Equal fails the test only when the values differ: after it, the
// timeout case may be the run of a passing test.
func TestTimeoutRequireEqual(t *testing.T) {
	res := make(chan int)
	go func() { // want `goroutine blocks forever sending on res: the caller can return at line \d+ without receiving`
		res <- Work()
	}()
	select {
	case <-res:
	case <-time.After(time.Second):
		require.Equal(t, 1, 1)
	}
}

func next() (int, bool) { return 0, false }

// The test fails whenever it receives from the goroutine: it asserts that
// no event comes, and the goroutine, which can end without sending, took
// that way on a passing run.
func TestNoEventExpected(t *testing.T) {
	events := make(chan int)
	go func() {
		if ev, ok := next(); ok {
			events <- ev
		}
	}()
	select {
	case ev := <-events:
		t.Errorf("unexpected event %d", ev)
	case <-time.After(10 * time.Millisecond):
	}
}

// The same through a plain receive in a helper goroutine's timeout, the
// failure one call away in every branch.
func TestNoEventExpectedBranches(t *testing.T) {
	events := make(chan int)
	stop := make(chan struct{})
	go func() {
		if ev, ok := next(); ok {
			events <- ev
		}
	}()
	close(stop)
	select {
	case ev := <-events:
		if ev > 0 {
			t.Fatalf("unexpected event %d", ev)
		} else {
			t.Error("unexpected empty event")
		}
	case <-stop:
	}
}

// A goroutine that sends on every run sends after the timeout too: the
// test passed and the sender is blocked.
func TestNoEarlyResult(t *testing.T) {
	res := make(chan int)
	go func() { // want `goroutine blocks forever sending on res: the caller can return at line \d+ without receiving`
		res <- Work()
	}()
	select {
	case <-res:
		t.Error("result too early")
	case <-time.After(10 * time.Millisecond):
	}
}

// A receive that fails the test on one branch only: a passing run may
// receive, and may also leave without it.
func TestEventSometimesFails(t *testing.T) {
	events := make(chan int)
	go func() { // want `goroutine blocks forever sending on events: the caller can return at line \d+ without receiving`
		if ev, ok := next(); ok {
			events <- ev
		}
	}()
	select {
	case ev := <-events:
		if ev > 0 {
			t.Errorf("unexpected event %d", ev)
		}
	case <-time.After(10 * time.Millisecond):
	}
}

// The failure through the Assertions a suite's Require() returns.
func TestNoEventExpectedRequire(t *testing.T) {
	r := require.New(t)
	done := make(chan struct{})
	go func() {
		if _, ok := next(); ok {
			done <- struct{}{}
		}
	}()
	select {
	case <-time.After(10 * time.Millisecond):
	case <-done:
		r.Fail("unexpected event")
	}
}
