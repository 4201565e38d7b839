package leakproof

import (
	"context"
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// The shape of analyzers/goroutineleak/testdata/src/replies: a request
// carries its reply channel to a writer goroutine, which answers on it
// with a plain send.

type writeRequest struct {
	data  string
	reply chan<- error
}

type replyWriter struct {
	reqs    chan *writeRequest
	started chan struct{}
	proceed chan struct{}
}

func newReplyWriter(ctx context.Context) *replyWriter {
	w := &replyWriter{reqs: make(chan *writeRequest, 4), started: make(chan struct{}, 1), proceed: make(chan struct{})}
	go w.loop(ctx)
	return w
}

func (w *replyWriter) loop(ctx context.Context) {
	for {
		select {
		case r := <-w.reqs:
			w.started <- struct{}{}
			<-w.proceed // the write takes a while
			r.reply <- nil
		case <-ctx.Done():
			return
		}
	}
}

// appendLeaky gives up on shutdown while the writer is still writing.
func (w *replyWriter) appendLeaky(ctx context.Context, data string) error {
	ch := make(chan error) //nolint:goroutineleak/handoff // the leak this test measures
	select {
	case w.reqs <- &writeRequest{data: data, reply: ch}:
		select {
		case err := <-ch:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	default:
		return errors.New("busy")
	}
}

// appendFixed leaves the answer a slot.
func (w *replyWriter) appendFixed(ctx context.Context, data string) error {
	ch := make(chan error, 1)
	select {
	case w.reqs <- &writeRequest{data: data, reply: ch}:
		select {
		case err := <-ch:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	default:
		return errors.New("busy")
	}
}

// TestReplyChannel: the requester returns on shutdown after the writer took
// its request; the writer's answer then blocks it forever. A slot for the
// answer lets it go on (and end with the context).
func TestReplyChannel(t *testing.T) {
	run := func(t *testing.T, appendTo func(*replyWriter, context.Context, string) error) {
		ctx, cancel := context.WithCancel(context.Background())
		w := newReplyWriter(ctx)
		done := make(chan error, 1)
		go func() { done <- appendTo(w, ctx, "x") }()
		<-w.started
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Fatalf("append: got %v, want context.Canceled", err)
		}
		close(w.proceed)
	}
	t.Run("leaky", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		run(t, (*replyWriter).appendLeaky)
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatal("goleak found no leaked goroutine after appendLeaky returned")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, "(*replyWriter).loop") || !strings.Contains(msg, "in state chan send") {
			t.Errorf("leaked goroutine is not the writer's blocked answer:\n%s", msg)
		}
		if n := strings.Count(msg, "Goroutine "); n != 1 {
			t.Errorf("goleak reported %d goroutines, want 1", n)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		run(t, (*replyWriter).appendFixed)
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after appendFixed returned: %v", err)
		}
	})
}
