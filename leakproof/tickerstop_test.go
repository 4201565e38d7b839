package leakproof

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// stoppedFlusher ranges over its ticker's channel and its Close stops the
// ticker: the shape of grpc's buffered binary-log sink before its fix.
// Stop does not close the channel, so the range never ends: after Close
// the goroutine waits on a channel that will never deliver again.
type stoppedFlusher struct {
	t       *time.Ticker
	flushes atomic.Int64
}

func newStoppedFlusher(d time.Duration) *stoppedFlusher {
	f := &stoppedFlusher{t: time.NewTicker(d)}
	go func() { //nolint:goroutineleak/noexit // the shape under test
		for range f.t.C {
			f.flushes.Add(1)
		}
	}()
	return f
}

func (f *stoppedFlusher) Close() { f.t.Stop() }

// doneFlusher is the fix: Close also closes a channel the loop watches.
type doneFlusher struct {
	t       *time.Ticker
	done    chan struct{}
	flushes atomic.Int64
}

func newDoneFlusher(d time.Duration) *doneFlusher {
	f := &doneFlusher{t: time.NewTicker(d), done: make(chan struct{})}
	go func() {
		for {
			select {
			case <-f.done:
				return
			case <-f.t.C:
				f.flushes.Add(1)
			}
		}
	}()
	return f
}

func (f *doneFlusher) Close() {
	f.t.Stop()
	close(f.done)
}

// TestStoppedTickerLoop: each flusher ticks, is closed, and goleak looks
// for goroutines left behind. The one whose loop waits only on the stopped
// ticker is still there, parked on the channel receive; the one that also
// watches a done channel has returned.
func TestStoppedTickerLoop(t *testing.T) {
	t.Run("leaky stopped ticker", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		f := newStoppedFlusher(time.Millisecond)
		if !eventually(t, 5*time.Second, func() bool { return f.flushes.Load() > 0 }) {
			t.Fatal("the flusher never ticked")
		}
		f.Close()
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatal("goleak found no goroutine left after Close")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, "leakproof.newStoppedFlusher.func1") || !strings.Contains(msg, "chan receive") {
			t.Errorf("leaked goroutine is not the flusher's range over the ticker:\n%s", msg)
		}
	})
	t.Run("fixed done channel", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		f := newDoneFlusher(time.Millisecond)
		if !eventually(t, 5*time.Second, func() bool { return f.flushes.Load() > 0 }) {
			t.Fatal("the flusher never ticked")
		}
		f.Close()
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after Close: %v", err)
		}
	})
}
