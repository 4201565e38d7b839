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
