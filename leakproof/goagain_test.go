package leakproof

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// RunAsync starts f and returns the unbuffered channel its error comes
// on. It is exported: callers in other packages make channels of their
// own with it.
func RunAsync(f func() error) chan error {
	ch := make(chan error)
	go func() {
		ch <- f()
	}()
	return ch
}

// RunAsyncBuffered is RunAsync with a channel of one slot.
func RunAsyncBuffered(f func() error) chan error {
	ch := make(chan error, 1)
	go func() {
		ch <- f()
	}()
	return ch
}

var errWaitTimeout = errors.New("timed out")

// waitTimeoutLeaky stops waiting when the timer fires first.
func waitTimeoutLeaky(d time.Duration, wait func() error) error {
	select {
	case <-time.After(d):
		return errWaitTimeout
	case err := <-RunAsync(wait): //nolint:goroutineleak // the leak this test measures
		return err
	}
}

func waitTimeoutFixed(d time.Duration, wait func() error) error {
	select {
	case <-time.After(d):
		return errWaitTimeout
	case err := <-RunAsyncBuffered(wait):
		return err
	}
}

// TestExportedMakerHandoff: the waited-for work ends after the caller
// timed out. The goroutine RunAsync started then blocks on its send
// forever; RunAsyncBuffered's delivers into the buffer and exits.
func TestExportedMakerHandoff(t *testing.T) {
	for _, c := range []struct {
		name  string
		run   func(time.Duration, func() error) error
		leaks bool
	}{{"leaky", waitTimeoutLeaky, true}, {"fixed", waitTimeoutFixed, false}} {
		t.Run(c.name, func(t *testing.T) {
			ignore := goleak.IgnoreCurrent()
			release := make(chan struct{})
			wait := func() error { <-release; return nil }
			if err := c.run(time.Millisecond, wait); !errors.Is(err, errWaitTimeout) {
				t.Fatalf("got %v, want the timeout", err)
			}
			close(release)
			checkLeak(t, ignore, c.leaks, "RunAsync.func1")
		})
	}
}

// expectRound reads a frame from frames and sends it, or, on a frame
// that asks for another round, starts itself again on the same channels.
func expectRound(frames <-chan int, packet chan<- int, errs chan<- error) {
	n, ok := <-frames
	if !ok {
		errs <- errors.New("closed")
		return
	}
	if n == 2 {
		go expectRound(frames, packet, errs)
		return
	}
	packet <- n
}

// connectLeaky has the shape of an MQTT client's Connect before its fix:
// it gives up when its context ends, and the goroutine (or the one it
// started again) is left sending on an unbuffered channel.
func connectLeaky(ctx context.Context, frames <-chan int) (int, error) {
	packets := make(chan int)
	errs := make(chan error)
	go expectRound(frames, packets, errs) //nolint:goroutineleak // the leak this test measures
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case err := <-errs:
		return 0, err
	case n := <-packets:
		return n, nil
	}
}

// connectFixed gives both channels a slot.
func connectFixed(ctx context.Context, frames <-chan int) (int, error) {
	packets := make(chan int, 1)
	errs := make(chan error, 1)
	go expectRound(frames, packets, errs)
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case err := <-errs:
		return 0, err
	case n := <-packets:
		return n, nil
	}
}

// TestGoAgainHandoff: the first frame asks for another round, and the
// second comes after the caller's context ended. The goroutine started
// again then blocks on its send forever with the unbuffered channels, and
// exits with the buffered ones.
func TestGoAgainHandoff(t *testing.T) {
	for _, c := range []struct {
		name  string
		run   func(context.Context, <-chan int) (int, error)
		leaks bool
	}{{"leaky", connectLeaky, true}, {"fixed", connectFixed, false}} {
		t.Run(c.name, func(t *testing.T) {
			ignore := goleak.IgnoreCurrent()
			frames := make(chan int, 2)
			frames <- 2
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := c.run(ctx, frames); !errors.Is(err, context.Canceled) {
				t.Fatalf("got %v, want context.Canceled", err)
			}
			frames <- 7
			checkLeak(t, ignore, c.leaks, "expectRound")
		})
	}
}

// checkLeak asserts that a goroutine blocked on a send in fn is left, or
// that none is.
func checkLeak(t *testing.T, ignore goleak.Option, leaks bool, fn string) {
	t.Helper()
	err := goleak.Find(ignore)
	if !leaks {
		if err != nil {
			t.Errorf("goroutine left by the fixed version: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatal("goleak found no leaked goroutine")
	}
	msg := err.Error()
	t.Logf("goleak: %s", firstLines(msg, 4))
	if !strings.Contains(msg, fn) || !strings.Contains(msg, "in state chan send") {
		t.Errorf("leaked goroutine is not the blocked send in %s:\n%s", fn, msg)
	}
}
