// Package cache holds the service's in-process caches.
package cache

import (
	"container/list"
	"sync"
	"time"
)

// lastSeen feeds the "active customers" report.
var (
	seenMu   sync.Mutex
	lastSeen = map[string]time.Time{} // leak: unboundedcache: keyed by the customer ID from the request URL and never pruned, so every ID ever asked for stays
)

// MarkSeen records that customerID was active at t.
func MarkSeen(customerID string, t time.Time) {
	seenMu.Lock()
	defer seenMu.Unlock()
	lastSeen[customerID] = t
}

// LastSeen reports when customerID was last active.
func LastSeen(customerID string) (time.Time, bool) {
	seenMu.Lock()
	defer seenMu.Unlock()
	t, ok := lastSeen[customerID]
	return t, ok
}

// SeenCount is how many customers LastSeen knows.
func SeenCount() int {
	seenMu.Lock()
	defer seenMu.Unlock()
	return len(lastSeen)
}

// ProductCapacity bounds the product cache: a crawler walking made-up SKUs
// evicts old entries instead of growing the cache.
const ProductCapacity = 1024

var products = newLRU(ProductCapacity)

// Product returns the cached catalog answer for sku.
func Product(sku string) ([]byte, bool) { return products.get(sku) }

// StoreProduct caches the catalog answer for sku.
func StoreProduct(sku string, body []byte) { products.add(sku, body) }

// ProductCount is how many SKUs are cached.
func ProductCount() int { return products.len() }

// lru keeps the limit most recently used entries.
type lru struct {
	mu    sync.Mutex
	limit int
	order *list.List // of *entry, most recently used first
	items map[string]*list.Element
}

type entry struct {
	key string
	val []byte
}

func newLRU(limit int) *lru {
	return &lru{limit: limit, order: list.New(), items: make(map[string]*list.Element)}
}

func (c *lru) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).val, true
}

func (c *lru) add(key string, val []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).val = val
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key: key, val: val})
	if c.order.Len() > c.limit {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*entry).key)
	}
}

func (c *lru) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
