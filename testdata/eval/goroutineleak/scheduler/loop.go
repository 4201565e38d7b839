package scheduler

import (
	"context"
	"time"
)

// Run runs due jobs until ctx ends.
func (s *Scheduler) Run(ctx context.Context) error {
	t := time.NewTicker(s.tick)
	defer t.Stop()
	results := make(chan runResult)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case now := <-t.C:
			for _, e := range s.due(now) {
				// A job still running when ctx ends finishes and then
				// blocks on results forever: Run has returned.
				go func() { // eval:leak goroutineleak
					start := time.Now()
					err := e.job.Run(ctx)
					results <- runResult{name: e.name, err: err, took: time.Since(start)}
				}()
			}
		case r := <-results:
			s.record(r)
		}
	}
}

// RunUntilStopped runs due jobs until Stop, then waits for the running
// ones.
func (s *Scheduler) RunUntilStopped(ctx context.Context) {
	defer close(s.stopped)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	t := time.NewTicker(s.tick)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			cancel()
			s.running.Wait()
			return
		case now := <-t.C:
			for _, e := range s.due(now) {
				s.running.Add(1)
				// Records its own result; Stop waits for it.
				go func() {
					defer s.running.Done()
					start := time.Now()
					err := e.job.Run(ctx)
					s.record(runResult{name: e.name, err: err, took: time.Since(start)})
				}()
			}
		}
	}
}

// Start runs RunUntilStopped in the background.
func (s *Scheduler) Start() {
	// Returns when Stop closes s.stop.
	go s.RunUntilStopped(context.Background())
}

// RunOnce runs the named job now and waits at most timeout for it.
func (s *Scheduler) RunOnce(ctx context.Context, name string, timeout time.Duration) error {
	s.mu.Lock()
	e, ok := s.entries[name]
	s.mu.Unlock()
	if !ok {
		return ErrUnknownJob
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		errc <- e.job.Run(ctx)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Drain waits up to timeout for the named job's current run to finish and
// marks it drained.
func (s *Scheduler) Drain(name string, timeout time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[name]
	if !ok {
		return ErrUnknownJob
	}
	finished := make(chan struct{})
	// The goroutine needs s.mu, which Drain holds until it returns, so
	// the receive can never happen: Drain always times out and the
	// goroutine then blocks on finished forever.
	go func() { // eval:leak goroutineleak
		e.running.Wait()
		s.mu.Lock()
		e.drained = true
		s.mu.Unlock()
		finished <- struct{}{}
	}()
	select {
	case <-finished:
		return nil
	case <-time.After(timeout):
		return ErrDrainTimeout
	}
}

// DrainUnlocked waits up to timeout for the named job's current run to
// finish and marks it drained.
func (s *Scheduler) DrainUnlocked(name string, timeout time.Duration) error {
	s.mu.Lock()
	e, ok := s.entries[name]
	s.mu.Unlock()
	if !ok {
		return ErrUnknownJob
	}
	finished := make(chan struct{})
	// Closing instead of sending: the goroutine ends whether or not
	// anyone is still waiting, as soon as the run finishes.
	go func() {
		e.running.Wait()
		s.mu.Lock()
		e.drained = true
		s.mu.Unlock()
		close(finished)
	}()
	select {
	case <-finished:
		return nil
	case <-time.After(timeout):
		return ErrDrainTimeout
	}
}
