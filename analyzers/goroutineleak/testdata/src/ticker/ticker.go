// Package ticker holds a ticking loop that nothing stops.
package ticker

import "time"

func Heartbeat(beat func()) {
	go func() { // want `goroutine never finishes: the loop at line 9 waits on t.C, which is never closed, and watches no cancellation`
		t := time.NewTicker(time.Second)
		for range t.C {
			beat()
		}
	}()
}

// The deferred Stop never runs: the loop never ends.
func Poll(poll func()) {
	go func() { // want `goroutine never finishes: the loop at line 20 has no exit and watches no cancellation`
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				poll()
			}
		}
	}()
}
