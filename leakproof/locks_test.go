package leakproof

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// The programs below are the shapes goroutineleak reports in the lock,
// doublelock and waitgroup categories (the same shapes as its analysistest
// cases), each beside its fixed form. A goroutine blocked on a mutex or a
// WaitGroup never wakes up by itself, so each leaky case leaves one
// goroutine parked for the rest of the test binary; the checks only ask
// that it is still blocked after stillBlocked, never how fast anything is.
// leakvet reports exactly the three leaky shapes here; the //nolint
// comments keep the project's own lint run quiet about them.

const stillBlocked = 200 * time.Millisecond

var errNoEntry = errors.New("no entry")

type table struct {
	mu   sync.Mutex
	rows map[string]int
}

// lookupLeaky returns early holding t.mu (category lock).
func (t *table) lookupLeaky(k string) (int, error) {
	t.mu.Lock() //nolint:goroutineleak/lock // the shape under test
	v, ok := t.rows[k]
	if !ok {
		return 0, errNoEntry
	}
	t.mu.Unlock()
	return v, nil
}

// lookupFixed is the suggested fix applied.
func (t *table) lookupFixed(k string) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.rows[k]
	if !ok {
		return 0, errNoEntry
	}
	return v, nil
}

func (t *table) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.rows)
}

// totalLeaky calls size while holding t.mu (category doublelock).
func (t *table) totalLeaky() int {
	t.mu.Lock()
	n := 0
	for _, v := range t.rows {
		n += v
	}
	n += t.size() //nolint:goroutineleak/doublelock // the shape under test
	t.mu.Unlock()
	return n
}

// totalFixed counts the rows itself under the lock it holds.
func (t *table) totalFixed() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(t.rows)
	for _, v := range t.rows {
		n += v
	}
	return n
}

func runJob(i int) error {
	if i%2 == 1 {
		return errNoEntry
	}
	return nil
}

// runAllLeaky's goroutines skip Done on their error path (category
// waitgroup).
func runAllLeaky(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { //nolint:goroutineleak/waitgroup // the shape under test
			if err := runJob(i); err != nil {
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

// runAllFixed defers Done.
func runAllFixed(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := runJob(i); err != nil {
				return
			}
		}()
	}
	wg.Wait()
}

// blockedIn runs f in a goroutine and reports whether it is still running
// after stillBlocked, with goleak's description of the goroutines left.
func blockedIn(t *testing.T, f func()) (bool, string) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
		return false, ""
	case <-time.After(stillBlocked):
	}
	err := goleak.Find(ignore)
	if err == nil {
		return true, ""
	}
	return true, err.Error()
}

func TestLockHeldOnReturn(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		tb := &table{rows: map[string]int{"a": 1}}
		if _, err := tb.lookupLeaky("missing"); !errors.Is(err, errNoEntry) {
			t.Fatalf("lookup: got %v, want errNoEntry", err)
		}
		blocked, leak := blockedIn(t, func() { tb.lookupLeaky("a") })
		if !blocked {
			t.Fatal("a later lookup finished although the failed one kept the lock")
		}
		t.Logf("goleak: %s", firstLines(leak, 4))
		if !strings.Contains(leak, "lookupLeaky") || !strings.Contains(leak, "sync.Mutex.Lock") {
			t.Errorf("leaked goroutine is not the later lookup blocked on the mutex:\n%s", leak)
		}
		tb.mu.Unlock() // release it, so it ends with the test
	})
	t.Run("fixed", func(t *testing.T) {
		tb := &table{rows: map[string]int{"a": 1}}
		if _, err := tb.lookupFixed("missing"); !errors.Is(err, errNoEntry) {
			t.Fatalf("lookup: got %v, want errNoEntry", err)
		}
		if blocked, leak := blockedIn(t, func() { tb.lookupFixed("a") }); blocked {
			t.Errorf("a later lookup is blocked after the fix:\n%s", leak)
		}
	})
}

func TestDoubleLock(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		tb := &table{rows: map[string]int{"a": 1}}
		// The goroutine deadlocks on itself and stays parked: unlocking
		// from here would let its own later Unlock fail fatally.
		blocked, leak := blockedIn(t, func() { tb.totalLeaky() })
		if !blocked {
			t.Fatal("totalLeaky finished although it locks t.mu twice")
		}
		t.Logf("goleak: %s", firstLines(leak, 4))
		if !strings.Contains(leak, "size") || !strings.Contains(leak, "sync.Mutex.Lock") {
			t.Errorf("leaked goroutine is not blocked in size on the mutex:\n%s", leak)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		tb := &table{rows: map[string]int{"a": 1}}
		if blocked, leak := blockedIn(t, func() { tb.totalFixed() }); blocked {
			t.Errorf("totalFixed is blocked:\n%s", leak)
		}
	})
}

func TestWaitGroupSkippedDone(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		blocked, leak := blockedIn(t, func() { runAllLeaky(4) })
		if !blocked {
			t.Fatal("Wait returned although two goroutines skipped Done")
		}
		t.Logf("goleak: %s", firstLines(leak, 4))
		if !strings.Contains(leak, "runAllLeaky") || !strings.Contains(leak, "sync.WaitGroup.Wait") {
			t.Errorf("leaked goroutine is not runAllLeaky's Wait:\n%s", leak)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		if blocked, leak := blockedIn(t, func() { runAllFixed(4) }); blocked {
			t.Errorf("runAllFixed's Wait is blocked:\n%s", leak)
		}
	})
}
