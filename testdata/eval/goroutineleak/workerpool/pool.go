package workerpool

import (
	"context"
	"fmt"
	"time"
)

// NewPool starts n workers that serve Submit until Close.
func NewPool(n int, h Handler) *Pool {
	p := &Pool{h: h, jobs: make(chan task)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		// Each worker ranges over p.jobs, which Close closes.
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for t := range p.jobs {
		out, err := p.h(context.Background(), t.job)
		// reply has room for the one result, so this never waits even
		// when the submitter has given up.
		t.reply <- Result{JobID: t.job.ID, Out: out, Err: err}
	}
}

// Submit runs j on one of the workers and waits for its result or for ctx
// to end. It must not be called after Close.
func (p *Pool) Submit(ctx context.Context, j Job) (Result, error) {
	reply := make(chan Result, 1)
	select {
	case p.jobs <- task{job: j, reply: reply}:
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
	select {
	case r := <-reply:
		return r, nil
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
}

// Shutdown closes the pool but gives up waiting when ctx ends. The waiter
// goroutine still finishes once the last handler returns, since the jobs
// channel is closed before it starts.
func (p *Pool) Shutdown(ctx context.Context) error {
	p.closeOnce.Do(func() { close(p.jobs) })
	idle := make(chan struct{})
	go func() {
		p.wg.Wait()
		close(idle)
	}()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%w: %v", ErrShutdownTimeout, ctx.Err())
	}
}

// NewMeteredPool is NewPool with a throughput report every interval.
func NewMeteredPool(n int, h Handler, every time.Duration, report func(done, failed int)) *MeteredPool {
	mp := &MeteredPool{every: every}
	mp.Pool = NewPool(n, func(ctx context.Context, j Job) ([]byte, error) {
		out, err := h(ctx, j)
		mp.st.record(err)
		return out, err
	})
	// The reporter sleeps and reports forever: nothing in Close (or
	// anywhere) ends the loop, so every pool leaves one behind.
	go func() { // eval:leak goroutineleak
		for {
			time.Sleep(mp.every)
			done, failed := mp.st.snapshot()
			report(done, failed)
		}
	}()
	return mp
}

// NewTickingPool is NewPool with a throughput report that Close stops.
func NewTickingPool(n int, h Handler, every time.Duration, report func(done, failed int)) *TickingPool {
	mp := &TickingPool{every: every, stop: make(chan struct{})}
	mp.Pool = NewPool(n, func(ctx context.Context, j Job) ([]byte, error) {
		out, err := h(ctx, j)
		mp.st.record(err)
		return out, err
	})
	// Leaves when Close closes mp.stop.
	go func() {
		t := time.NewTicker(mp.every)
		defer t.Stop()
		for {
			select {
			case <-mp.stop:
				return
			case <-t.C:
				report(mp.st.snapshot())
			}
		}
	}()
	return mp
}
