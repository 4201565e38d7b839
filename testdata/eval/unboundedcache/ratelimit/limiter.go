package ratelimit

import (
	"context"
	"net/http"
	"sync"
	"time"
)

var (
	// One bucket per client address, created on first sight and kept
	// forever.
	limiters = map[string]*bucket{} // eval:leak unboundedcache

	// Every rejected request bumps a counter for its address; nothing
	// resets it.
	violations = map[string]int{} // eval:leak unboundedcache

	// Read-only table of the plans.
	tierLimits = map[Tier]Limit{
		Free:       {PerSecond: 1, Burst: 5},
		Team:       {PerSecond: 10, Burst: 50},
		Enterprise: {PerSecond: 100, Burst: 500},
	}

	// Buckets per API key; Janitor removes those idle for ten minutes.
	keyLimiters = map[string]*bucket{}

	// Temporarily banned addresses; each ban removes itself when it ends.
	banned sync.Map

	idleAfter = 10 * time.Minute
)

// Middleware rejects requests from addresses that exceed the free limit.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := clientIP(r)
		if _, ok := banned.Load(ip); ok {
			http.Error(w, "banned", http.StatusForbidden)
			return
		}
		now := time.Now()
		mu.Lock()
		b, ok := limiters[ip]
		if !ok {
			b = &bucket{tokens: tierLimits[Free].Burst, last: now, limit: tierLimits[Free]}
			limiters[ip] = b
		}
		allowed := b.allow(now)
		if !allowed {
			violations[ip]++
		}
		mu.Unlock()
		if !allowed {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// AllowKey reports whether the API key may make another call.
func AllowKey(key string, tier Tier) bool {
	lim, ok := tierLimits[tier]
	if !ok {
		lim = tierLimits[Free]
	}
	now := time.Now()
	mu.Lock()
	defer mu.Unlock()
	b, ok := keyLimiters[key]
	if !ok {
		b = &bucket{tokens: lim.Burst, last: now, limit: lim}
		keyLimiters[key] = b
	}
	return b.allow(now)
}

// Ban blocks ip for d.
func Ban(ip string, d time.Duration) {
	banned.Store(ip, time.Now().Add(d))
	time.AfterFunc(d, func() { banned.Delete(ip) })
}

// Janitor drops idle key buckets until ctx is done.
func Janitor(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			mu.Lock()
			for k, b := range keyLimiters {
				if now.Sub(b.last) > idleAfter {
					delete(keyLimiters, k)
				}
			}
			mu.Unlock()
		}
	}
}
