// Package handoff holds single-result hand-offs and producers whose
// consumer may stop early, next to the shapes that do not leak.
package handoff

import (
	"context"
	"errors"
	"time"
)

type result struct {
	n   int
	err error
}

func compute() (int, error) { return 1, nil }

// The parent gives up when the context ends; the goroutine then has no
// receiver.
func selectOnContext(ctx context.Context) (int, error) {
	ch := make(chan result)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 28 without receiving`
		n, err := compute()
		ch <- result{n, err}
	}()
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case r := <-ch:
		return r.n, r.err
	}
}

// The one-slot buffer lets the goroutine deliver and finish.
func selectOnContextBuffered(ctx context.Context) (int, error) {
	ch := make(chan result, 1)
	go func() {
		n, err := compute()
		ch <- result{n, err}
	}()
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case r := <-ch:
		return r.n, r.err
	}
}

// A timeout branch leaves the same way.
func withTimeout(d time.Duration) error {
	done := make(chan error)
	go func() { // want `goroutine blocks forever sending on done: the caller can return at line 58 without receiving`
		_, err := compute()
		done <- err
	}()
	select {
	case <-time.After(d):
		return errors.New("timed out")
	case err := <-done:
		return err
	}
}

// An early return before the receive.
func earlyReturn(skip bool) int {
	ch := make(chan int)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 71 without receiving`
		ch <- 42
	}()
	if skip {
		return 0
	}
	return <-ch
}

// Receiving on every path is fine.
func receiveOnEveryPath(skip bool) int {
	ch := make(chan int)
	go func() {
		ch <- 42
	}()
	v := <-ch
	if skip {
		return 0
	}
	return v
}

// The goroutine watches the context too, so it can always leave.
func goroutineWatchesContext(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		n, _ := compute()
		select {
		case ch <- n:
		case <-ctx.Done():
		}
	}()
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case n := <-ch:
		return n, nil
	}
}

// Closing a done channel never blocks.
func closeOnly(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		compute()
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Two result channels, one send on either: one receive from either
// releases the goroutine, but a timeout does not.
func twoChannels(timeout time.Duration) error {
	okc := make(chan int)
	errc := make(chan error)
	go func() { // want `goroutine blocks forever sending on errc or okc: the caller can return at line 141 without receiving`
		n, err := compute()
		if err != nil {
			errc <- err
			return
		}
		okc <- n
	}()
	select {
	case <-okc:
	case err := <-errc:
		return err
	case <-time.After(timeout):
	}
	return nil
}

// Two result channels without a way out: whichever the goroutine sends
// on, the parent takes it.
func twoChannelsNoTimeout() error {
	okc := make(chan int)
	errc := make(chan error)
	go func() {
		n, err := compute()
		if err != nil {
			errc <- err
			return
		}
		okc <- n
	}()
	select {
	case <-okc:
		return nil
	case err := <-errc:
		return err
	}
}

// A hand-off made anew on each iteration: giving up on one leaves its
// goroutine behind.
func perIteration(stop chan struct{}) {
	for {
		done := make(chan bool)
		go func() { // want `goroutine blocks forever sending on done: the caller can return at line 175 without receiving`
			done <- true
		}()
		select {
		case <-stop:
			return
		case <-done:
		}
	}
}

// A named function receives the channel as a parameter.
func send(ch chan<- int) {
	n, _ := compute()
	ch <- n
}

func namedFunction(ctx context.Context) int {
	ch := make(chan int)
	go send(ch) // want `goroutine blocks forever sending on ch: the caller can return at line 194 without receiving`
	select {
	case n := <-ch:
		return n
	case <-ctx.Done():
		return 0
	}
}

// The channel leaves the function: someone else may receive.
func escapes(ctx context.Context, out chan<- chan int) {
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
	out <- ch
}

// A producer whose consumer stops on the first error: the producer blocks
// on its next send.
func producer(items []int) error {
	ch := make(chan int)
	go func() { // want `goroutine blocks forever sending on ch: the caller can stop receiving and return at line 219`
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	for v := range ch {
		if v < 0 {
			return errors.New("negative")
		}
	}
	return nil
}

// The consumer drains everything: fine.
func producerDrained(items []int) int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	return sum
}

// A counted producer that fits in the buffer after the first receive.
func producerFits() error {
	ch := make(chan int, 4)
	go func() {
		defer close(ch)
		for i := 0; i < 5; i++ {
			ch <- i
		}
	}()
	for v := range ch {
		if v == 0 {
			return errors.New("zero")
		}
	}
	return nil
}

// A counted producer that overflows the buffer.
func producerOverflows() error {
	ch := make(chan int, 4)
	go func() { // want `goroutine blocks forever sending on ch: the caller can stop receiving and return at line 269`
		defer close(ch)
		for i := 0; i < 8; i++ {
			ch <- i
		}
	}()
	for v := range ch {
		if v == 0 {
			return errors.New("zero")
		}
	}
	return nil
}

// The helper the channel is handed to gives up when the context ends.
func receiveInHelper(ctx context.Context) int {
	ch := make(chan int)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 289 without receiving`
		ch <- 1
	}()
	return wait(ctx, ch)
}

func wait(ctx context.Context, ch chan int) int {
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// A suppressed finding.
func suppressed(ctx context.Context) {
	ch := make(chan int)
	go func() { //nolint:goroutineleak // the send is abandoned on purpose in this test
		ch <- 1
	}()
	select {
	case <-ch:
	case <-ctx.Done():
	}
}

// Fetch is exported: other packages may pass it channels of their own.
func Fetch(url string, out chan<- result) { // want Fetch:`goroutineleak\(param 1 sends once\)`
	n, err := compute()
	out <- result{n, err}
}

// Started here with a local channel, it is judged by what it does with
// that channel.
func FetchWithDeadline(ctx context.Context, url string) (int, error) {
	ch := make(chan result)
	go Fetch(url, ch) // want `goroutine blocks forever sending on ch: the caller can return at line 320 without receiving`
	select {
	case r := <-ch:
		return r.n, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
