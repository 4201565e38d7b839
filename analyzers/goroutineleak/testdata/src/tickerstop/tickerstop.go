// Package tickerstop stops its tickers. Stop does not close a ticker's
// channel: a loop that waits on nothing else never ends, stopped or not; a
// loop that also watches a channel the stopper closes ends.
package tickerstop

import "time"

type Beater struct {
	t *time.Ticker
}

func Start(beat func()) *Beater {
	b := &Beater{t: time.NewTicker(time.Second)}
	go func() { // want `goroutine never finishes: the loop at line 15 waits on b.t.C, which is never closed, and watches no cancellation`
		for range b.t.C {
			beat()
		}
	}()
	return b
}

func (b *Beater) Stop() { b.t.Stop() }

// A flusher whose Close stops the ticker and closes done: the loop ends.
type Flusher struct {
	t    *time.Ticker
	done chan struct{}
}

func StartFlusher(flush func()) *Flusher {
	f := &Flusher{t: time.NewTicker(time.Second), done: make(chan struct{})}
	go func() {
		for {
			select {
			case <-f.done:
				return
			case <-f.t.C:
				flush()
			}
		}
	}()
	return f
}

func (f *Flusher) Close() {
	f.t.Stop()
	close(f.done)
}

// A ticker stopped in the same function that ranges over it: the loop is
// left by its break, and the Stop after it runs.
func Count(n int, tick func()) {
	go func() {
		t := time.NewTicker(time.Millisecond)
		i := 0
		for range t.C {
			tick()
			if i++; i == n {
				break
			}
		}
		t.Stop()
	}()
}
