package workerpool

import (
	"context"
	"sync"
)

// RunBatch runs jobs on n workers and returns the results in completion
// order.
func RunBatch(ctx context.Context, jobs []Job, h Handler, n int) []Result {
	work := make(chan Job)
	results := make(chan Result, len(jobs))
	for i := 0; i < n; i++ {
		// work is never closed: once the last job is taken, every worker
		// waits in the range loop forever.
		go func() { // eval:leak goroutineleak
			for j := range work {
				out, err := h(ctx, j)
				results <- Result{JobID: j.ID, Out: out, Err: err}
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	out := make([]Result, 0, len(jobs))
	for range jobs {
		out = append(out, <-results)
	}
	return out
}

// RunBatchOrdered runs jobs on n workers and returns the results in job
// order.
func RunBatchOrdered(ctx context.Context, jobs []Job, h Handler, n int) []Result {
	work := make(chan int)
	out := make([]Result, len(jobs))
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		// The range ends when work is closed after the last index.
		go func() {
			defer wg.Done()
			for idx := range work {
				j := jobs[idx]
				b, err := h(ctx, j)
				out[idx] = Result{JobID: j.ID, Out: b, Err: err}
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

// ProcessAll runs every job on n workers and stops at the first failure.
func ProcessAll(ctx context.Context, jobs []Job, h Handler, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan Job)
	// Each worker sends at most one error before it returns, so n slots
	// are enough.
	errc := make(chan error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if _, err := h(ctx, j); err != nil {
					errc <- err
					cancel()
					return
				}
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case work <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
	}
	return ctx.Err()
}

// ValidateAll runs every job concurrently and returns the first error, or
// nil when all succeed.
func ValidateAll(ctx context.Context, jobs []Job, h Handler) error {
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		// With three or more failures, the caller takes one error and
		// returns, one more fits the buffer, and the rest block on errc
		// forever.
		go func() { // eval:leak goroutineleak
			defer wg.Done()
			if _, err := h(ctx, j); err != nil {
				errc <- err
			}
		}()
	}
	// Blocked senders never call Done, so this Wait never returns either.
	go func() { // eval:leak goroutineleak
		wg.Wait()
		close(errc)
	}()
	return <-errc
}

// FirstError runs every job concurrently and returns the first error, or
// nil when all succeed.
func FirstError(ctx context.Context, jobs []Job, h Handler) error {
	errc := make(chan error, 1)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		// Later errors are dropped instead of waiting for room.
		go func() {
			defer wg.Done()
			if _, err := h(ctx, j); err != nil {
				select {
				case errc <- err:
				default:
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	return <-errc
}
