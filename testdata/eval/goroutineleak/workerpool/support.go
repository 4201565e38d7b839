// Package workerpool runs jobs on a bounded number of goroutines, for the
// batch importers and the thumbnail service.
package workerpool

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Job is one unit of work.
type Job struct {
	ID      int
	Key     string
	Payload []byte
}

// Result is the outcome of one job.
type Result struct {
	JobID int
	Out   []byte
	Err   error
}

// Handler does the work of one job.
type Handler func(ctx context.Context, j Job) ([]byte, error)

// ErrShutdownTimeout is returned when workers are still busy at the
// shutdown deadline.
var ErrShutdownTimeout = errors.New("workerpool: shutdown timed out")

type task struct {
	job   Job
	reply chan Result
}

// Pool is a fixed set of workers serving Submit until Close.
type Pool struct {
	h         Handler
	jobs      chan task
	wg        sync.WaitGroup
	closeOnce sync.Once
}

// Limiter runs each job on its own goroutine, at most cap(sem) at a time.
type Limiter struct {
	h   Handler
	sem chan struct{}
}

// NewLimiter returns a Limiter allowing n jobs at once.
func NewLimiter(n int, h Handler) *Limiter {
	return &Limiter{h: h, sem: make(chan struct{}, n)}
}

type stats struct {
	mu           sync.Mutex
	done, failed int
}

func (s *stats) record(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.failed++
		return
	}
	s.done++
}

func (s *stats) snapshot() (done, failed int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done, s.failed
}

// MeteredPool is a Pool that reports its throughput periodically.
type MeteredPool struct {
	*Pool
	st    stats
	every time.Duration
}

// Close stops accepting work and waits for the running jobs.
func (p *Pool) Close() {
	p.closeOnce.Do(func() { close(p.jobs) })
	p.wg.Wait()
}

// Close stops the workers of the pool.
func (mp *MeteredPool) Close() {
	mp.Pool.Close()
}

// TickingPool is a Pool whose throughput report stops with it.
type TickingPool struct {
	*Pool
	st    stats
	every time.Duration
	stop  chan struct{}
}

// Close stops the workers and the reporter.
func (tp *TickingPool) Close() {
	tp.Pool.Close()
	close(tp.stop)
}
