package helpers

import "sync"

type Cache struct {
	mu sync.RWMutex
	m  map[string]int
}

var registry sync.Mutex

func (c *Cache) LockAndGet(k string) int { // want LockAndGet:`locks\(acquires p0.mu\)`
	c.mu.Lock()
	return c.m[k]
}

func (c *Cache) RLockFor(k string) bool { // want RLockFor:`locks\(acquires read p0.mu\)`
	c.mu.RLock()
	_, ok := c.m[k]
	return ok
}

func (c *Cache) Release() { // want Release:`locks\(releases p0.mu\)`
	c.mu.Unlock()
}

func (c *Cache) Get(k string) int { // want Get:`locks\(locks read p0.mu\)`
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[k]
}

func LockRegistry() { // want LockRegistry:`locks\(acquires g:helpers.registry\)`
	registry.Lock()
}

// No fact: the lock is taken on one path only.
func (c *Cache) MaybeLock(k string) {
	if k != "" {
		c.mu.Lock()
	}
}

// No fact: a local mutex no caller can name.
func Local() int {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	return 1
}

// Through another helper: the summary composes.
func (c *Cache) LockTwice(k string) int { // want LockTwice:`locks\(acquires p0.mu\)`
	return c.LockAndGet(k)
}
