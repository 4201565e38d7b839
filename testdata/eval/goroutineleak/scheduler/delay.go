package scheduler

import (
	"context"
	"log"
	"time"
)

// NewDelayQueue starts the dispatcher of a queue.
func NewDelayQueue() *DelayQueue {
	q := &DelayQueue{queue: make(chan delayed, 64), quit: make(chan struct{})}
	// Close only closes quit, which the dispatcher never looks at; the
	// range over queue, which nobody closes, waits forever.
	go q.dispatch() // eval:leak goroutineleak
	return q
}

func (q *DelayQueue) dispatch() {
	for d := range q.queue {
		if wait := time.Until(d.at); wait > 0 {
			time.Sleep(wait)
		}
		if err := d.job.Run(context.Background()); err != nil {
			log.Printf("scheduler: delayed job: %v", err)
		}
	}
}

// Every runs fn every interval until the returned cancel is called.
func Every(interval time.Duration, fn func()) (cancel func()) {
	done := make(chan struct{})
	t := time.NewTicker(interval)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fn()
			}
		}
	}()
	var stopped bool
	return func() {
		if !stopped {
			stopped = true
			close(done)
		}
	}
}

// Timeout runs job and returns its error, or ErrDrainTimeout when it
// takes longer than d.
func Timeout(job Job, d time.Duration) error {
	errc := make(chan error)
	// The job gets no cancellation and, once the timer wins, nobody
	// receives its error: the goroutine blocks on errc forever.
	go func() { // eval:leak goroutineleak
		errc <- job.Run(context.Background())
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(d):
		return ErrDrainTimeout
	}
}
