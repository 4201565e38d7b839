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
