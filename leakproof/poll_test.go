package leakproof

import (
	"testing"
	"time"
)

// eventually polls cond until it holds or d has passed and reports whether
// it held. Effects such as a peer noticing a closed socket or the kernel
// recording an exited child are asynchronous; polling with a deadline waits
// only as long as they take.
func eventually(t *testing.T, d time.Duration, cond func() bool) bool {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}
