package watcher

import (
	"context"
	"time"
)

// Follow calls apply with every new value of key until ctx ends or a
// poll fails.
func Follow(ctx context.Context, poll Poller, key string, every time.Duration, apply func(string)) error {
	values := make(chan string)
	errc := make(chan error)
	// When ctx ends mid-poll, poll fails and the error is sent on errc
	// without watching ctx; the caller has already returned on ctx.Done,
	// so the goroutine blocks there forever.
	go func() { // eval:leak goroutineleak
		var last string
		for {
			v, err := poll(ctx, key)
			if err != nil {
				errc <- err
				return
			}
			if v != last {
				last = v
				select {
				case values <- v:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-time.After(every):
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case v := <-values:
			apply(v)
		case err := <-errc:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// WaitForValue polls key until it equals want or ctx ends.
func WaitForValue(ctx context.Context, poll Poller, key, want string, every time.Duration) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	found := make(chan struct{})
	// Closes found instead of sending, and stops on ctx, which the
	// deferred cancel ends on every return.
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			if v, err := poll(ctx, key); err == nil && v == want {
				close(found)
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	select {
	case <-found:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Start runs the probe every interval.
func (p *Probe) Start() {
	p.ticker = time.NewTicker(p.every)
	// Stop stops the ticker, but that never closes its channel: after
	// Stop the range waits forever.
	go func() { // eval:leak goroutineleak
		for range p.ticker.C {
			p.run()
		}
	}()
}
