package resolver

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Balancer spreads requests over the current addresses of one host.
type Balancer struct {
	r     *Resolver
	host  string
	mu    sync.Mutex
	addrs []string
	next  int
}

// Follow keeps b's addresses current by polling the resolver every
// interval until ctx ends.
func (b *Balancer) Follow(ctx context.Context, every time.Duration) {
	updates := make(chan []string)
	// The poller sends every change without watching ctx; once the
	// applier below has returned on ctx, the next change blocks the
	// poller forever (and it polls forever when nothing changes).
	go func() { // eval:leak goroutineleak
		var last []string
		for {
			ctx2, cancel := context.WithTimeout(context.Background(), every)
			addrs, err := b.r.lookup(ctx2, b.host)
			cancel()
			if err == nil && !slices.Equal(addrs, last) {
				last = addrs
				updates <- addrs
			}
			time.Sleep(every)
		}
	}()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case addrs := <-updates:
				b.mu.Lock()
				b.addrs, b.next = addrs, 0
				b.mu.Unlock()
			}
		}
	}()
}

// Subscribe returns a channel that receives b's addresses whenever they
// change, until ctx ends; it is closed then.
func (b *Balancer) Subscribe(ctx context.Context, every time.Duration) <-chan []string {
	out := make(chan []string)
	go func() {
		defer close(out)
		t := time.NewTicker(every)
		defer t.Stop()
		var last []string
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			b.mu.Lock()
			cur := slices.Clone(b.addrs)
			b.mu.Unlock()
			if slices.Equal(cur, last) {
				continue
			}
			last = cur
			select {
			case out <- cur:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
