package leakproof

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// The shape of analyzers/goroutineleak/testdata/src/helpermade: a helper
// makes the channels, starts the read loop on them and hands them back;
// the caller stops receiving when its context is done.

func startLineLoop(r *bufio.Reader) (chan string, chan error) {
	lines := make(chan string)
	errs := make(chan error)
	go lineLoop(r, lines, errs)
	return lines, errs
}

func lineLoop(r *bufio.Reader, lines chan string, errs chan error) {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			errs <- err
			return
		}
		lines <- line
	}
}

func followLeaky(ctx context.Context, r *bufio.Reader, handle func(string)) error {
	lines, errs := startLineLoop(r) //nolint:goroutineleak/handoff // the leak this test measures
	for {
		select {
		case err := <-errs:
			return err
		case line := <-lines:
			handle(line)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// startLineLoopUntil stops sending when the caller is done.
func startLineLoopUntil(ctx context.Context, r *bufio.Reader) (chan string, chan error) {
	lines := make(chan string)
	errs := make(chan error, 1)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				errs <- err
				return
			}
			select {
			case lines <- line:
			case <-ctx.Done():
				return
			}
		}
	}()
	return lines, errs
}

func followFixed(ctx context.Context, r *bufio.Reader, handle func(string)) error {
	lines, errs := startLineLoopUntil(ctx, r)
	for {
		select {
		case err := <-errs:
			return err
		case line := <-lines:
			handle(line)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// TestHelperMadeChannels: the caller returns on its context while the
// stream is still open; when the stream then ends, the read loop blocks
// forever sending the error nobody receives. Stopping on the context (and
// a slot for the error) lets it end.
func TestHelperMadeChannels(t *testing.T) {
	run := func(t *testing.T, follow func(context.Context, *bufio.Reader, func(string)) error) {
		pr, pw := io.Pipe()
		ctx, cancel := context.WithCancel(context.Background())
		got := make(chan string, 1)
		done := make(chan error, 1)
		go func() { done <- follow(ctx, bufio.NewReader(pr), func(s string) { got <- s }) }()
		if _, err := io.WriteString(pw, "event\n"); err != nil {
			t.Fatal(err)
		}
		<-got
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("follow: got %v, want context.Canceled", err)
		}
		pw.CloseWithError(errors.New("stream ended"))
	}
	t.Run("leaky", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		run(t, followLeaky)
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatal("goleak found no leaked goroutine after followLeaky returned")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, "leakproof.lineLoop") || !strings.Contains(msg, "in state chan send") {
			t.Errorf("leaked goroutine is not the read loop's blocked send:\n%s", msg)
		}
		if n := strings.Count(msg, "Goroutine "); n != 1 {
			t.Errorf("goleak reported %d goroutines, want 1", n)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		run(t, followFixed)
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after followFixed returned: %v", err)
		}
	})
}
