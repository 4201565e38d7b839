// Package scheduler runs the periodic maintenance jobs of the storage
// node: compaction, snapshot upload, expiry sweeps.
package scheduler

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Job is one unit of scheduled work.
type Job interface {
	Run(ctx context.Context) error
}

// JobFunc adapts a function to Job.
type JobFunc func(ctx context.Context) error

// Run calls f.
func (f JobFunc) Run(ctx context.Context) error { return f(ctx) }

type entry struct {
	name    string
	job     Job
	every   time.Duration
	next    time.Time
	running sync.WaitGroup
	drained bool
}

type runResult struct {
	name string
	err  error
	took time.Duration
}

// ErrUnknownJob is returned for a name that is not scheduled.
var ErrUnknownJob = errors.New("scheduler: unknown job")

// ErrDrainTimeout is returned when a job is still running at the drain
// deadline.
var ErrDrainTimeout = errors.New("scheduler: drain timed out")

// Scheduler runs jobs at fixed intervals.
type Scheduler struct {
	mu      sync.Mutex
	entries map[string]*entry
	tick    time.Duration
	history []runResult
	stop    chan struct{}
	stopped chan struct{}
	running sync.WaitGroup
}

// New returns a Scheduler that checks for due jobs every tick.
func New(tick time.Duration) *Scheduler {
	return &Scheduler{entries: map[string]*entry{}, tick: tick, stop: make(chan struct{}), stopped: make(chan struct{})}
}

// Add schedules job every interval.
func (s *Scheduler) Add(name string, every time.Duration, job Job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries[name] = &entry{name: name, job: job, every: every, next: time.Now().Add(every)}
}

func (s *Scheduler) due(now time.Time) []*entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*entry
	for _, e := range s.entries {
		if !now.Before(e.next) {
			e.next = now.Add(e.every)
			out = append(out, e)
		}
	}
	return out
}

func (s *Scheduler) record(r runResult) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.history = append(s.history, r)
	if len(s.history) > 100 {
		s.history = s.history[len(s.history)-100:]
	}
}

// DelayQueue runs jobs once after a delay.
type DelayQueue struct {
	queue chan delayed
	quit  chan struct{}
	once  sync.Once
}

type delayed struct {
	at  time.Time
	job Job
}

// After runs job once after delay.
func (q *DelayQueue) After(delay time.Duration, job Job) {
	select {
	case q.queue <- delayed{at: time.Now().Add(delay), job: job}:
	case <-q.quit:
	}
}

// Close stops accepting jobs.
func (q *DelayQueue) Close() {
	q.once.Do(func() { close(q.quit) })
}

// Stop ends the loop started by Start and waits for running jobs.
func (s *Scheduler) Stop() {
	close(s.stop)
	<-s.stopped
}
