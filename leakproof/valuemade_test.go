package leakproof

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// stopper returns the channel its function sends stop's error on.
func stopper(stop func() error) (<-chan error, func()) {
	done := make(chan error)
	return done, func() { done <- stop() }
}

// stopperBuffered is stopper with a channel of one slot.
func stopperBuffered(stop func() error) (<-chan error, func()) {
	done := make(chan error, 1)
	return done, func() { done <- stop() }
}

// shutdownLeaky has the shape of a span processor's Shutdown before its
// fix: the goroutine runs the function value stopper returned, which
// sends on the unbuffered channel returned with it, and Shutdown stops
// waiting when its context ends.
func shutdownLeaky(ctx context.Context, stop func() error) error {
	done, shutdown := stopper(stop)
	go shutdown() //nolint:goroutineleak // the leak this test measures
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// shutdownFixed gives the channel one slot: the send completes.
func shutdownFixed(ctx context.Context, stop func() error) error {
	done, shutdown := stopperBuffered(stop)
	go shutdown()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestValueMadeHandoff: the exporter's shutdown blocks until the test
// releases it, after the caller's context has ended. The leaky Shutdown's
// goroutine then blocks on its send forever; the fixed one's delivers
// into the buffer and exits.
func TestValueMadeHandoff(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name  string
		run   func(context.Context, func() error) error
		leaks bool
	}{{"leaky", shutdownLeaky, true}, {"fixed", shutdownFixed, false}} {
		t.Run(c.name, func(t *testing.T) {
			ignore := goleak.IgnoreCurrent()
			release := make(chan struct{})
			stop := func() error { <-release; return nil }
			if err := c.run(canceled, stop); !errors.Is(err, context.Canceled) {
				t.Fatalf("got %v, want context.Canceled", err)
			}
			close(release)
			err := goleak.Find(ignore)
			if !c.leaks {
				if err != nil {
					t.Errorf("goroutine left after the fixed Shutdown returned: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("goleak found no leaked goroutine after the leaky Shutdown returned")
			}
			msg := err.Error()
			t.Logf("goleak: %s", firstLines(msg, 4))
			if !strings.Contains(msg, "stopper.func1") || !strings.Contains(msg, "in state chan send") {
				t.Errorf("leaked goroutine is not the blocked send:\n%s", msg)
			}
		})
	}
}
