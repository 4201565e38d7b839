package dnscache

import (
	"context"
	"net"
	"net/netip"
	"net/url"
	"time"
)

var (
	// Answers per host name. Stale entries are ignored and refreshed on
	// read, but an entry is only ever overwritten, never removed, and the
	// host names come from URLs customers type in.
	answers = map[string]entry{} // eval:leak unboundedcache

	// Answers for the service's own upstreams; Janitor deletes expired
	// ones.
	upstreams = map[string]entry{}

	resolver = &net.Resolver{PreferGo: true}
)

// ResolveWebhook returns the addresses of the host of a webhook URL.
func ResolveWebhook(ctx context.Context, rawURL string) ([]netip.Addr, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	host := u.Hostname()
	now := time.Now()
	mu.Lock()
	e, ok := answers[host]
	mu.Unlock()
	if ok && now.Before(e.expires) {
		return e.addrs, nil
	}
	addrs, err := resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	answers[host] = entry{addrs: addrs, expires: now.Add(ttl)}
	mu.Unlock()
	return addrs, nil
}

// Upstream resolves one of the service's dependencies.
func Upstream(ctx context.Context, host string) ([]netip.Addr, error) {
	now := time.Now()
	mu.Lock()
	e, ok := upstreams[host]
	mu.Unlock()
	if ok && now.Before(e.expires) {
		return e.addrs, nil
	}
	addrs, err := resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	upstreams[host] = entry{addrs: addrs, expires: now.Add(ttl)}
	mu.Unlock()
	return addrs, nil
}

// Janitor deletes expired upstream answers every ttl until ctx is done.
func Janitor(ctx context.Context) {
	t := time.NewTicker(ttl)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			mu.Lock()
			for h, e := range upstreams {
				if now.After(e.expires) {
					delete(upstreams, h)
				}
			}
			mu.Unlock()
		}
	}
}
