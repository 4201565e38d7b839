// Package results is used by crosspkg: its summaries travel as facts.
package results

import (
	"context"
	"time"
)

// Send delivers one value.
func Send(ch chan<- int, v int) { // want Send:`goroutineleak\(param 0 sends once\)`
	ch <- v
}

// SendAll delivers every value.
func SendAll(ch chan<- int, vs []int) { // want SendAll:`goroutineleak\(param 0 sends many, not always\)`
	for _, v := range vs {
		ch <- v
	}
}

// Offer gives up when nobody is waiting.
func Offer(ch chan<- int, v int) { // want Offer:`goroutineleak\(param 0 unused\)`
	select {
	case ch <- v:
	default:
	}
}

var keep []chan<- int

// Register keeps the channel for later.
func Register(ch chan<- int) {
	keep = append(keep, ch)
}

// Spin never returns.
func Spin() { // want Spin:`goroutineleak\(never ends: its loop at results.go:\d+ never exits\)`
	for {
		time.Sleep(time.Second)
	}
}

// Drain consumes until the channel is closed.
func Drain(ch <-chan int) { // want Drain:`goroutineleak\(param 0 receives, ends when closed\)`
	for range ch {
	}
}

// Zone is refreshed by a loop over tickers.
type Zone struct {
	stop    chan struct{}
	serial  int
	refresh time.Duration
}

// Update refreshes the zone on every tick and has no way out: no stop
// channel, no context.
func (z *Zone) Update() { // want Update:`goroutineleak\(never ends: its loop at results.go:\d+ never exits\)`
	refresh := time.NewTicker(z.refresh)
	for {
		select {
		case <-refresh.C:
			z.serial++
		}
	}
}

// UpdateUntilStopped returns once Stop closes the stop channel.
func (z *Zone) UpdateUntilStopped() {
	refresh := time.NewTicker(z.refresh)
	defer refresh.Stop()
	for {
		select {
		case <-refresh.C:
			z.serial++
		case <-z.stop:
			return
		}
	}
}

// Stop ends UpdateUntilStopped.
func (z *Zone) Stop() { close(z.stop) }

// UpdateUntilDone returns once the context ends.
func (z *Zone) UpdateUntilDone(ctx context.Context) {
	refresh := time.NewTicker(z.refresh)
	defer refresh.Stop()
	for {
		select {
		case <-refresh.C:
			z.serial++
		case <-ctx.Done():
			return
		}
	}
}

// Transfer fetches the zone once.
func (z *Zone) Transfer() error { return nil }

// Refresh starts over with fresh tickers after each transfer: the loop
// made by goto begins at the statement after the label.
func (z *Zone) Refresh() { // want Refresh:`goroutineleak\(never ends: its loop at results.go:107 never exits\)`
	serial := 0
Restart:
	refresh := time.NewTicker(z.refresh)
	for {
		<-refresh.C
		if z.Transfer() == nil {
			refresh.Stop()
			serial++
			goto Restart
		}
	}
}

func compute(v int) (int, error) { return v, nil }

// SendUnlessFails delivers its result unless computing it failed.
func SendUnlessFails(ch chan<- int, v int) { // want SendUnlessFails:`goroutineleak\(param 0 sends once, not always, unless its own call fails\)`
	r, err := compute(v)
	if err != nil {
		return
	}
	ch <- r
}

// SendIfPositive delivers only positive values: its argument decides.
func SendIfPositive(ch chan<- int, v int) { // want SendIfPositive:`goroutineleak\(param 0 sends once, not always\)`
	if v > 0 {
		ch <- v
	}
}
