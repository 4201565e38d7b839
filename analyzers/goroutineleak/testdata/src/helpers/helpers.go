package helpers

import (
	"context"
	"errors"
	"sync"
)

type result struct {
	n   int
	err error
}

type installer struct {
	mu sync.Mutex
}

func compute() (int, error) { return 0, nil }

// report is the one place that sends a result; both goroutines below call
// it with their own channel.
func (in *installer) report(c chan<- result, n int, err error) {
	in.mu.Lock()
	c <- result{n, err}
	in.mu.Unlock()
}

func (in *installer) perform(c chan<- result) {
	n, err := compute()
	if err != nil {
		in.report(c, 0, err)
		return
	}
	in.report(c, n, nil)
}

func (in *installer) watch(ctx context.Context, c chan<- result, done <-chan struct{}) {
	select {
	case <-ctx.Done():
		in.report(c, 0, ctx.Err())
	case <-done:
	}
}

// The sends sit in a helper both goroutines call; when the context wins
// the select, nobody receives perform's result.
func (in *installer) runWithContext(ctx context.Context) (int, error) {
	rc := make(chan result)
	cc := make(chan result)
	done := make(chan struct{})
	defer close(done)
	go in.perform(rc)          // want `goroutine blocks forever sending on rc: the caller can return at line 58 without receiving`
	go in.watch(ctx, cc, done) // want `goroutine blocks forever sending on cc: the caller can return at line 56 without receiving`
	select {
	case r := <-rc:
		return r.n, r.err
	case r := <-cc:
		return r.n, r.err
	}
}

// A buffer with room for the one result lets perform finish whoever wins.
func (in *installer) runWithContextBuffered(ctx context.Context) (int, error) {
	rc := make(chan result, 1)
	cc := make(chan result, 1)
	done := make(chan struct{})
	defer close(done)
	go in.perform(rc)
	go in.watch(ctx, cc, done)
	select {
	case r := <-rc:
		return r.n, r.err
	case r := <-cc:
		return r.n, r.err
	}
}

// Receiving the result on every path drains perform's send; watch's,
// made when the context ends during the wait, has no receiver.
func (in *installer) runAndWait(ctx context.Context) (int, error) {
	rc := make(chan result)
	cc := make(chan result)
	done := make(chan struct{})
	defer close(done)
	go in.perform(rc)
	go in.watch(ctx, cc, done) // want `goroutine blocks forever sending on cc: the caller can return at line 88 without receiving`
	r := <-rc
	return r.n, r.err
}

// sendOrQuit sends unless the context ends first.
func sendOrQuit(ctx context.Context, c chan<- int, v int) {
	select {
	case c <- v:
	case <-ctx.Done():
	}
}

// The helper's select watches the context, which the caller cancels on
// its way out.
func firstOfTwo() int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := make(chan int)
	b := make(chan int)
	go func() { sendOrQuit(ctx, a, 1) }()
	go func() { sendOrQuit(ctx, b, 2) }()
	select {
	case v := <-a:
		return v
	case v := <-b:
		return v
	}
}

func send(c chan<- int, v int) { c <- v }

// Two goroutines each hand one value to a plain helper; the caller takes
// the first and returns.
func firstOfTwoPlain() int { // the second sender is left behind
	a := make(chan int)
	b := make(chan int)
	go func() { send(a, 1) }() // want `goroutine blocks forever sending on a: the caller can return at line 129 without receiving`
	go func() { send(b, 2) }() // want `goroutine blocks forever sending on b: the caller can return at line 127 without receiving`
	select {
	case v := <-a:
		return v
	case v := <-b:
		return v
	}
}

// Receiving from both finishes both senders.
func bothOfTwoPlain() int {
	a := make(chan int)
	b := make(chan int)
	go func() { send(a, 1) }()
	go func() { send(b, 2) }()
	return <-a + <-b
}

var errFailed = errors.New("failed")

// install is started from one place only; its sends are report's.
func (in *installer) install(c chan<- result) {
	n, err := compute()
	in.report(c, n, err)
}

func (in *installer) installWithTimeout(ctx context.Context) (int, error) {
	rc := make(chan result)
	go in.install(rc) // want `goroutine blocks forever sending on rc: the caller can return at line 157 without receiving`
	select {
	case r := <-rc:
		return r.n, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A stop channel that Close closes is no channel report sends on: only
// the hand-off counts.
func (in *installer) installUntilClosed(stop <-chan struct{}) (int, error) {
	rc := make(chan result, 1)
	go in.install(rc)
	select {
	case r := <-rc:
		return r.n, r.err
	case <-stop:
		return 0, errFailed
	}
}

type chunk struct {
	text string
	err  error
}

func lines() []string { return nil }

// The producer's consumer is the function the channel is handed to; it
// returns on the first error, and the producer blocks on its next send.
func stream() (string, error) {
	ch := make(chan chunk)
	go func() { // want `goroutine blocks forever sending on ch: the caller can stop receiving and return at line 198`
		defer close(ch)
		for _, l := range lines() {
			ch <- chunk{text: l}
		}
	}()
	return combine(ch)
}

func combine(ch chan chunk) (string, error) {
	out := ""
	for c := range ch {
		if c.err != nil {
			return "", c.err
		}
		out += c.text
	}
	return out, nil
}

// A consumer that drains the channel to its close lets the producer end.
func streamDrained() string {
	ch := make(chan chunk)
	go func() {
		defer close(ch)
		for _, l := range lines() {
			ch <- chunk{text: l}
		}
	}()
	return combineAll(ch)
}

func combineAll(ch chan chunk) string {
	out := ""
	for c := range ch {
		if c.err != nil {
			continue
		}
		out += c.text
	}
	return out
}

// The producer watches the context the caller cancels on its way out.
func streamCancelled() (string, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan chunk)
	go func() {
		defer close(ch)
		for _, l := range lines() {
			select {
			case ch <- chunk{text: l}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return combineUntilError(ch)
}

func combineUntilError(ch chan chunk) (string, error) {
	out := ""
	for c := range ch {
		if c.err != nil {
			return "", c.err
		}
		out += c.text
	}
	return out, nil
}

// The caller drains what the consumer leaves, which lets the producer end.
func streamThenDrain() (string, error) {
	ch := make(chan chunk)
	go func() {
		defer close(ch)
		for _, l := range lines() {
			ch <- chunk{text: l}
		}
	}()
	out, err := combineFirst(ch)
	for range ch {
	}
	return out, err
}

func combineFirst(ch chan chunk) (string, error) {
	for c := range ch {
		if c.err != nil {
			return "", c.err
		}
		return c.text, nil
	}
	return "", nil
}
