package cachewarm

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Warm loads every key with at most n loads at a time and returns the
// number of keys that failed.
func (w *Warmer) Warm(ctx context.Context, keys []string, n int) int {
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for i, k := range keys {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return failed + len(keys) - i
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			v, err := w.load(ctx, k)
			if err != nil {
				mu.Lock()
				failed++
				mu.Unlock()
				return
			}
			w.cache.Set(k, v, w.ttl)
		}()
	}
	wg.Wait()
	return failed
}

// WarmWithin loads every key, giving up after d.
func (w *Warmer) WarmWithin(keys []string, d time.Duration) (int, error) {
	done := make(chan int)
	// When the deadline passes first, the count is never received and
	// the goroutine blocks on done forever.
	go func() { // eval:leak goroutineleak
		n := 0
		for _, k := range keys {
			v, err := w.load(context.Background(), k)
			if err != nil {
				continue
			}
			w.cache.Set(k, v, w.ttl)
			n++
		}
		done <- n
	}()
	select {
	case n := <-done:
		return n, nil
	case <-time.After(d):
		return 0, ErrDeadline
	}
}

// LoadAll loads every key concurrently and returns the values, or the
// first error, or ctx's error.
func (w *Warmer) LoadAll(ctx context.Context, keys []string) (map[string][]byte, error) {
	ch := make(chan loaded)
	for _, k := range keys {
		// When the caller leaves on an error or on ctx, the loads still
		// in flight block on ch forever.
		go func() { // eval:leak goroutineleak
			v, err := w.load(ctx, k)
			ch <- loaded{key: k, val: v, err: err}
		}()
	}
	out := make(map[string][]byte, len(keys))
	for range keys {
		select {
		case l := <-ch:
			if l.err != nil {
				return nil, fmt.Errorf("load %s: %w", l.key, l.err)
			}
			out[l.key] = l.val
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return out, nil
}

// LoadAllBuffered loads every key concurrently and returns the values, or
// the first error, or ctx's error.
func (w *Warmer) LoadAllBuffered(ctx context.Context, keys []string) (map[string][]byte, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Sized to the number of loads: none of them ever waits to deliver.
	ch := make(chan loaded, len(keys))
	for _, k := range keys {
		go func() {
			v, err := w.load(ctx, k)
			ch <- loaded{key: k, val: v, err: err}
		}()
	}
	out := make(map[string][]byte, len(keys))
	for range keys {
		select {
		case l := <-ch:
			if l.err != nil {
				return nil, fmt.Errorf("load %s: %w", l.key, l.err)
			}
			out[l.key] = l.val
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return out, nil
}

// LoadWithFallback loads key from primary and fallback at once and returns
// the first success.
func LoadWithFallback(ctx context.Context, key string, primary, fallback Loader) ([]byte, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Two senders, two slots: both can deliver after the caller is gone.
	ch := make(chan loaded, 2)
	go func() {
		v, err := primary(ctx, key)
		ch <- loaded{key: key, val: v, err: err}
	}()
	go func() {
		v, err := fallback(ctx, key)
		ch <- loaded{key: key, val: v, err: err}
	}()
	first := <-ch
	if first.err == nil {
		return first.val, nil
	}
	second := <-ch
	if second.err == nil {
		return second.val, nil
	}
	return nil, errors.Join(first.err, second.err)
}

// LoadRace loads key from primary and replica at once and returns the
// first answer, successful or not.
func LoadRace(ctx context.Context, key string, primary, replica Loader) ([]byte, error) {
	ch := make(chan loaded)
	// Only one answer is ever received; whichever of the two goroutines
	// finishes second blocks on ch forever.
	go func() { // eval:leak goroutineleak
		v, err := primary(ctx, key)
		ch <- loaded{key: key, val: v, err: err}
	}()
	go func() { // eval:leak goroutineleak
		v, err := replica(ctx, key)
		ch <- loaded{key: key, val: v, err: err}
	}()
	l := <-ch
	return l.val, l.err
}
