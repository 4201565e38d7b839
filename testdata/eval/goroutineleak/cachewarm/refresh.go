package cachewarm

import (
	"context"
	"sync"
	"time"
)

// Get returns the value of key, sharing one load among concurrent
// callers.
func (g *Group) Get(ctx context.Context, key string) ([]byte, error) {
	g.mu.Lock()
	if c, ok := g.calls[key]; ok {
		g.mu.Unlock()
		select {
		case <-c.done:
			return c.val, c.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	c := &call{done: make(chan struct{})}
	if g.calls == nil {
		g.calls = map[string]*call{}
	}
	g.calls[key] = c
	g.mu.Unlock()
	// The load is detached from any one caller and ends by closing done,
	// which needs no receiver.
	go func() {
		c.val, c.err = g.load(context.Background(), key)
		g.mu.Lock()
		delete(g.calls, key)
		g.mu.Unlock()
		close(c.done)
	}()
	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// NewRefresher reloads keys every interval until Close.
func NewRefresher(w *Warmer, keys []string, every time.Duration) *Refresher {
	r := &Refresher{w: w, keys: keys, quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-r.quit:
				return
			case <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), every)
				r.w.Warm(ctx, r.keys, 8)
				cancel()
			}
		}
	}()
	return r
}

// WarmOnDeploy warms keys once, in the background, reporting the number
// of failures on the returned channel.
func (w *Warmer) WarmOnDeploy(keys []string, timeout time.Duration) <-chan int {
	// One slot for the one result: the goroutine finishes even if the
	// caller never reads it.
	res := make(chan int, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		res <- w.Warm(ctx, keys, 16)
	}()
	return res
}

// Prefetch loads the keys likely to be requested after key, without
// waiting.
func (w *Warmer) Prefetch(ctx context.Context, key string, related func(string) []string) {
	keys := related(key)
	if len(keys) == 0 {
		return
	}
	// Bounded by the keys; loads honour ctx and nothing is sent anywhere.
	go func() {
		for _, k := range keys {
			if ctx.Err() != nil {
				return
			}
			v, err := w.load(ctx, k)
			if err == nil {
				w.cache.Set(k, v, w.ttl)
			}
		}
	}()
}

// WarmAsync loads keys concurrently and returns a channel closed when all
// loads are done.
func (w *Warmer) WarmAsync(ctx context.Context, keys []string) <-chan struct{} {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			v, err := w.load(ctx, k)
			if err != nil {
				return
			}
			w.cache.Set(k, v, w.ttl)
			wg.Done()
		}()
	}
	// A failed load returns without calling Done, so after any failure
	// this Wait never returns and done is never closed.
	go func() { // eval:leak goroutineleak
		wg.Wait()
		close(done)
	}()
	return done
}

var (
	defaultWarmer  *Warmer
	defaultRefresh sync.Once
)

// StartDefault sets up the process-wide warmer on first use and starts
// its refresher; later calls return the same warmer.
func StartDefault(load Loader, cache Cache, keys []string) *Warmer {
	defaultRefresh.Do(func() {
		defaultWarmer = NewWarmer(load, cache, 10*time.Minute)
		// Started once per process under the Once and meant to run for
		// its whole life.
		go func() {
			for {
				time.Sleep(5 * time.Minute)
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defaultWarmer.Warm(ctx, keys, 8)
				cancel()
			}
		}()
	})
	return defaultWarmer
}
