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

type Txn struct {
	c    *Cache
	done bool
}

func (c *Cache) Begin() *Txn { // want Begin:`locks\(acquires p0.mu, r0.c.\* = p0, r0 new\)`
	c.mu.Lock()
	return &Txn{c: c}
}

func (t *Txn) End() { // want End:`locks\(releases p0.c.\*.mu\)`
	t.c.mu.Unlock()
}

type Job struct{ txn *Txn }

func (c *Cache) Start() *Job { // want Start:`locks\(acquires p0.mu, r0.txn.\*.c.\* = p0, r0 new\)`
	j := &Job{}
	j.txn = c.Begin()
	return j
}

// No fact: the field is set on two paths, so no alias, and nothing is
// locked.
func (c *Cache) Maybe(k string) *Txn {
	t := &Txn{}
	if k == "" {
		t.c = c
	} else {
		t.c = c
		t.done = true
	}
	return t
}
