// Package search answers product search queries and autocompletes them.
package search

import (
	"context"
	"strings"
	"sync"
)

var mu sync.Mutex

// Index runs queries against the product index.
type Index interface {
	Query(ctx context.Context, q string, limit int) ([]string, error)
}

// boundedCache holds at most max results; when full, an arbitrary entry
// is dropped before a new one is added.
type boundedCache struct {
	mu    sync.Mutex
	max   int
	items map[string][]string
}

func (c *boundedCache) get(k string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	return v, ok
}

func (c *boundedCache) put(k string, v []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; !ok && len(c.items) >= c.max {
		for old := range c.items {
			delete(c.items, old)
			break
		}
	}
	c.items[k] = v
}

func normalise(q string) string {
	return strings.Join(strings.Fields(strings.ToLower(q)), " ")
}
