package resolver

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// NewResolver returns a Resolver whose cached names are refreshed every
// ttl until Close.
func NewResolver(lookup LookupFunc, ttl time.Duration) *Resolver {
	r := &Resolver{lookup: lookup, ttl: ttl, cache: map[string][]string{}, quit: make(chan struct{})}
	// Leaves when Close closes r.quit.
	go func() {
		for {
			select {
			case <-r.quit:
				return
			case <-time.After(r.ttl):
				r.refresh()
			}
		}
	}()
	return r
}

// NewStaticResolver returns a Resolver for names that rarely change,
// refreshed every ttl.
func NewStaticResolver(lookup LookupFunc, ttl time.Duration) *Resolver {
	r := &Resolver{lookup: lookup, ttl: ttl, cache: map[string][]string{}, quit: make(chan struct{})}
	// This refresher never looks at r.quit: Close has no effect on it and
	// every resolver leaves it running.
	go func() { // eval:leak goroutineleak
		for {
			time.Sleep(r.ttl)
			r.refresh()
		}
	}()
	return r
}

// Resolve looks host up, giving up after d.
func (r *Resolver) Resolve(host string, d time.Duration) ([]string, error) {
	ch := make(chan answer)
	// On timeout nobody receives: the lookup finishes and blocks on ch
	// forever.
	go func() { // eval:leak goroutineleak
		addrs, err := r.lookup(context.Background(), host)
		ch <- answer{host, addrs, err}
	}()
	select {
	case a := <-ch:
		if a.err != nil {
			return nil, a.err
		}
		r.store(host, a.addrs)
		return a.addrs, nil
	case <-time.After(d):
		return nil, fmt.Errorf("resolve %s: timed out after %v", host, d)
	}
}

// ResolveAny returns the addresses of the first of hosts that resolves.
func (r *Resolver) ResolveAny(ctx context.Context, hosts []string) (string, []string, error) {
	ch := make(chan answer)
	for _, h := range hosts {
		// The first non-empty answer returns; the remaining lookups block
		// on ch forever.
		go func() { // eval:leak goroutineleak
			addrs, err := r.lookup(ctx, h)
			ch <- answer{h, addrs, err}
		}()
	}
	var lastErr error = ErrNoAddrs
	for range hosts {
		a := <-ch
		if a.err == nil && len(a.addrs) > 0 {
			return a.host, a.addrs, nil
		}
		if a.err != nil {
			lastErr = a.err
		}
	}
	return "", nil, lastErr
}

// ResolveAll looks every host up concurrently.
func (r *Resolver) ResolveAll(ctx context.Context, hosts []string) (map[string][]string, error) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := make(map[string][]string, len(hosts))
	var firstErr error
	for _, h := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			addrs, err := r.lookup(ctx, h)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("resolve %s: %w", h, err)
				}
				return
			}
			out[h] = addrs
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	for _, h := range hosts {
		r.store(h, out[h])
	}
	return out, nil
}

// ResolveBounded looks host up, giving up after d; on timeout it cancels
// the lookup and waits for it to return.
func (r *Resolver) ResolveBounded(ctx context.Context, host string, d time.Duration) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan answer)
	// Unbuffered, but every path receives: the timeout path cancels the
	// lookup and then still takes its answer.
	go func() {
		addrs, err := r.lookup(ctx, host)
		ch <- answer{host, addrs, err}
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case a := <-ch:
		if a.err != nil {
			return nil, a.err
		}
		r.store(host, a.addrs)
		return a.addrs, nil
	case <-t.C:
		cancel()
		<-ch
		return nil, fmt.Errorf("resolve %s: timed out after %v", host, d)
	}
}
