package testfail

import (
	"testing"
	"time"
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
