// Package resolver finds the addresses of backend services through DNS
// and keeps the client-side balancer's list current.
package resolver

import (
	"context"
	"errors"
	"log"
	"net"
	"sync"
	"time"
)

// LookupFunc resolves a host name to addresses.
type LookupFunc func(ctx context.Context, host string) ([]string, error)

// SystemLookup uses the system resolver.
func SystemLookup(ctx context.Context, host string) ([]string, error) {
	return net.DefaultResolver.LookupHost(ctx, host)
}

// ErrNoAddrs is returned when a name resolves to nothing.
var ErrNoAddrs = errors.New("resolver: no addresses")

type answer struct {
	host  string
	addrs []string
	err   error
}

// Resolver caches lookups and refreshes them.
type Resolver struct {
	lookup LookupFunc
	ttl    time.Duration

	mu    sync.RWMutex
	cache map[string][]string
	quit  chan struct{}
	once  sync.Once
}

func (r *Resolver) store(host string, addrs []string) {
	r.mu.Lock()
	r.cache[host] = addrs
	r.mu.Unlock()
}

func (r *Resolver) hosts() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]string, 0, len(r.cache))
	for h := range r.cache {
		out = append(out, h)
	}
	return out
}

// Pick returns the next address in round-robin order.
func (b *Balancer) Pick() (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.addrs) == 0 {
		return "", ErrNoAddrs
	}
	a := b.addrs[b.next%len(b.addrs)]
	b.next++
	return a, nil
}

func (r *Resolver) refresh() {
	for _, h := range r.hosts() {
		ctx, cancel := context.WithTimeout(context.Background(), r.ttl/2)
		addrs, err := r.lookup(ctx, h)
		cancel()
		if err != nil {
			log.Printf("resolver: refresh %s: %v", h, err)
			continue
		}
		r.store(h, addrs)
	}
}

// Close stops the refresher.
func (r *Resolver) Close() {
	r.once.Do(func() { close(r.quit) })
}
