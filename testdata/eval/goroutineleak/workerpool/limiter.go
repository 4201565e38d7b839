package workerpool

import (
	"context"
	"time"
)

// Do runs j on its own goroutine and gives up when ctx ends.
func (l *Limiter) Do(ctx context.Context, j Job) ([]byte, error) {
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	done := make(chan Result)
	// When ctx ends first nobody receives from done: the goroutine blocks
	// on the send forever and its semaphore slot is never returned.
	go func() { // eval:leak goroutineleak
		defer func() { <-l.sem }()
		out, err := l.h(ctx, j)
		done <- Result{JobID: j.ID, Out: out, Err: err}
	}()
	select {
	case r := <-done:
		return r.Out, r.Err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// DoTimeout runs j on its own goroutine and gives up after d.
func (l *Limiter) DoTimeout(ctx context.Context, j Job, d time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// One slot for the one result: the goroutine finishes whether or not
	// anyone is still waiting.
	done := make(chan Result, 1)
	go func() {
		defer func() { <-l.sem }()
		out, err := l.h(ctx, j)
		done <- Result{JobID: j.ID, Out: out, Err: err}
	}()
	select {
	case r := <-done:
		return r.Out, r.Err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
