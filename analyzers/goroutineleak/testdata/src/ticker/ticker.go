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

// A timer stopped elsewhere says nothing about this ticker.
func Refresh(load func()) {
	go func() { // want `goroutine never finishes: the loop at line 33 waits on t.C, which is never closed, and watches no cancellation`
		t := time.NewTicker(time.Minute)
		for range t.C {
			load()
		}
	}()
}

func Wait(d time.Duration, done <-chan struct{}) bool { // want Wait:`goroutineleak\(param 1 receives\)`
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
		return false
	}
}
