// Package geoip maps client addresses to locations for the checkout's
// tax and fraud rules.
package geoip

import (
	"container/list"
	"net/netip"
	"sync"
)

var mu sync.Mutex

// Location is where an address is registered.
type Location struct {
	Country string
	City    string
	ASN     uint32
}

// Resolver looks addresses up in the on-disk database.
type Resolver interface {
	Lookup(addr netip.Addr) (Location, error)
}

// lru is a least-recently-used cache with a fixed capacity.
type lru struct {
	mu    sync.Mutex
	cap   int
	order *list.List
	items map[netip.Addr]*list.Element
}

type lruEntry struct {
	key netip.Addr
	asn uint32
}

func newLRU(capacity int) *lru {
	return &lru{cap: capacity, order: list.New(), items: make(map[netip.Addr]*list.Element, capacity)}
}

func (c *lru) get(k netip.Addr) (uint32, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruEntry).asn, true
	}
	return 0, false
}

func (c *lru) add(k netip.Addr, asn uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		e.Value.(*lruEntry).asn = asn
		c.order.MoveToFront(e)
		return
	}
	if c.order.Len() >= c.cap {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*lruEntry).key)
	}
	c.items[k] = c.order.PushFront(&lruEntry{key: k, asn: asn})
}
