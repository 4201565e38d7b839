// Package cachewarm fills and refreshes the edge cache from the origin so
// the first requests after a deploy do not all miss.
package cachewarm

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Loader fetches the value of a key from the origin.
type Loader func(ctx context.Context, key string) ([]byte, error)

// Cache is the part of the edge cache the warmer writes to.
type Cache interface {
	Set(key string, val []byte, ttl time.Duration)
}

// ErrDeadline is returned when warming does not finish in time.
var ErrDeadline = errors.New("cachewarm: deadline exceeded")

// Warmer loads keys into a cache.
type Warmer struct {
	load  Loader
	cache Cache
	ttl   time.Duration
}

// NewWarmer returns a Warmer.
func NewWarmer(load Loader, cache Cache, ttl time.Duration) *Warmer {
	return &Warmer{load: load, cache: cache, ttl: ttl}
}

type loaded struct {
	key string
	val []byte
	err error
}

// call is an in-flight load shared by concurrent Get callers.
type call struct {
	done chan struct{}
	val  []byte
	err  error
}

// Group deduplicates concurrent loads of the same key.
type Group struct {
	mu    sync.Mutex
	calls map[string]*call
	load  Loader
}

// Refresher reloads a fixed set of keys periodically.
type Refresher struct {
	w    *Warmer
	keys []string
	quit chan struct{}
	done chan struct{}
}

// Close stops the refresher and waits for a refresh in progress.
func (r *Refresher) Close() {
	close(r.quit)
	<-r.done
}
