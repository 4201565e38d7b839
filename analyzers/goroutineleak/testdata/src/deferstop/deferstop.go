// Package deferstop starts goroutines that a deferred call of the
// starting function ends: it closes the channel or cancels the context
// the goroutine waits on, on every path. Beside them, a deferred call that
// closes nothing, and a goroutine whose send is not in reach of the stop.
package deferstop

import (
	"context"
	"errors"
	"time"
)

func work() {}

// A deferred close of the channel the loop selects on.
func DeferredClose(in chan int) {
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-done:
				return
			case v := <-in:
				_ = v
			}
		}
	}()
	work()
}

// A deferred cancel of the context whose Done the producer selects on
// beside its send.
func DeferredCancel() int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan int)
	go produceUntil(ctx, out)
	return <-out
}

func produceUntil(ctx context.Context, out chan<- int) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case out <- i:
		}
	}
}

// A channel that a deferred close ends the range over.
func DeferredCloseOfRange(xs []int) {
	in := make(chan int)
	defer close(in)
	go func() {
		for v := range in {
			_ = v
		}
	}()
	for _, x := range xs {
		in <- x
	}
}

// Watcher's Stop closes the channel its users wait on.
type Watcher struct {
	stopCh chan struct{}
	path   string
}

func NewWatcher(p string) *Watcher { return &Watcher{stopCh: make(chan struct{}), path: p} }

func (w *Watcher) Stop() { close(w.stopCh) }

// Pause stops nothing.
func (w *Watcher) Pause() {}

var ErrStopped = errors.New("stopped")

// Fetch waits for the next reading, or fails once the watcher is stopped.
func (w *Watcher) Fetch() (string, error) {
	select {
	case <-w.stopCh:
		return "", ErrStopped
	case <-time.After(time.Second):
		return w.path, nil
	}
}

// A deferred method that closes the stop channel the sender selects on.
func DeferredStopMethod(p string) string {
	w := NewWatcher(p)
	defer w.Stop()
	out := make(chan string)
	go func() {
		for {
			s, err := w.Fetch()
			if err != nil {
				return
			}
			select {
			case <-w.stopCh:
				return
			case out <- s:
			}
		}
	}()
	return <-out
}

// A deferred closure, and a deferred helper, that close the channel.
func DeferredClosure() int {
	stop := make(chan struct{})
	defer func() {
		close(stop)
	}()
	res := make(chan int)
	go produceOnes(stop, res)
	return <-res
}

func closeBoth(cancel context.CancelFunc, done chan struct{}) {
	cancel()
	close(done)
}

func DeferredHelper() int {
	_, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	defer closeBoth(cancel, done)
	res := make(chan int)
	go produceOnes(done, res)
	return <-res
}

func produceOnes(stop <-chan struct{}, res chan<- int) {
	for {
		select {
		case <-stop:
			return
		case res <- 1:
		}
	}
}

// A deferred helper that closes nothing: the producer waits forever once
// the caller has its value.
func keepBoth(cancel context.CancelFunc, done chan struct{}) {
	_ = cancel
}

func DeferredHelperClosesNothing() int {
	_, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	defer keepBoth(cancel, done)
	res := make(chan int)
	go func() { // want `goroutine never finishes: the loop at line 159 exits only on receiving from done, and nothing sends on it or closes it`
		for {
			select {
			case <-done:
				return
			case res <- 1:
			}
		}
	}()
	return <-res
}

// The stop ends Fetch, but the send of a reading is outside its reach:
// should two more readings come before the caller has returned and
// stopped the watcher, the second blocks on a full buffer that nobody
// reads. How many come in that time is timing (or, in a real watcher,
// what changes outside the program), which the check does not weigh: the
// send stays a possible block.
func StopOutOfReach(p string) string {
	w := NewWatcher(p)
	dataCh := make(chan string, 1)
	errCh := make(chan error, 1)
	go func() { // want `goroutine blocks forever sending on dataCh: the caller can stop receiving and return at line 195`
		for {
			data, err := w.Fetch()
			if err != nil {
				errCh <- err
				return
			}
			dataCh <- data
		}
	}()
	defer w.Stop()
	select {
	case err := <-errCh:
		return err.Error()
	case d := <-dataCh:
		return d
	}
}
