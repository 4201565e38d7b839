package leakproof

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/leakvet/leakvet/testdata/demo/worker"
)

// TestGoroutineLeak: Approve and Ship both run a context-less SDK call in a
// goroutine and stop waiting when their context ends. The remote call here
// blocks until the test releases it, so the context always ends first; after
// the release the goroutine delivers its result.
//
// Approve's channel is unbuffered and nobody receives any more, so the
// goroutine blocks on its send forever, holding its stack and whatever the
// result references. Ship's channel has one slot, so the send completes and
// the goroutine exits.
//
// goleak.Find retries for a while before it reports, so a goroutine that is
// merely slow to exit is not reported; IgnoreCurrent leaves out goroutines
// that existed before the call (including ones earlier tests left).
func TestGoroutineLeak(t *testing.T) {
	newFulfiller := func(release <-chan struct{}) *worker.Fulfiller {
		return worker.New(worker.Config{
			Screen: func(int64) (bool, error) {
				<-release
				return true, nil
			},
			Carrier: func(int64) (string, error) {
				<-release
				return "TRACK-1", nil
			},
			Mark: func(context.Context, int64, string) error { return nil },
		})
	}
	// The caller's deadline has passed by the time the remote call would
	// answer: an already canceled context models that without timing.
	canceled, cancel := context.WithCancel(context.Background())
	cancel()

	t.Run("leaky Approve", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		release := make(chan struct{})
		f := newFulfiller(release)
		if _, err := f.Approve(canceled, 1); !errors.Is(err, context.Canceled) {
			t.Fatalf("Approve: got %v, want context.Canceled", err)
		}
		close(release)
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatal("goleak found no leaked goroutine after Approve returned")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, "worker.(*Fulfiller).Approve.func1") || !strings.Contains(msg, "in state chan send") {
			t.Errorf("leaked goroutine is not Approve's blocked send:\n%s", msg)
		}
		if n := strings.Count(msg, "Goroutine "); n != 1 {
			t.Errorf("goleak reported %d goroutines, want 1", n)
		}
	})

	t.Run("fixed Ship", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		release := make(chan struct{})
		f := newFulfiller(release)
		if _, err := f.Ship(canceled, 1); !errors.Is(err, context.Canceled) {
			t.Fatalf("Ship: got %v, want context.Canceled", err)
		}
		close(release)
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after Ship returned: %v", err)
		}
	})
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
