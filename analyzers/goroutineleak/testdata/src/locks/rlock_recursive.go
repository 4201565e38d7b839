package locks

import "sync"

// A config read under a read lock by methods that call each other; Set
// write-locks the same field.
type Config struct {
	rw   sync.RWMutex
	vals map[string]string
}

func (c *Config) Set(k, v string) {
	c.rw.Lock()
	defer c.rw.Unlock()
	c.vals[k] = v
}

func (c *Config) Lookup(k string) (string, bool) {
	c.rw.RLock()
	defer c.rw.RUnlock()
	v, ok := c.vals[k]
	return v, ok
}

// Positive: GetOrDefault holds the read lock and calls Lookup, which
// read-locks it again; a Set waiting in between blocks both.
func (c *Config) GetOrDefault(k, def string) string {
	c.rw.RLock()
	defer c.rw.RUnlock()
	if v, ok := c.Lookup(k); ok { // want `c.rw is already read-locked at line 28 on this path: c.Lookup read-locks it again, and a Lock of it waiting in between \(line 13\) blocks both forever`
		return v
	}
	return def
}

// Negative: the fixed shape, a lookup that expects the lock held.
func (c *Config) GetOrDefaultFixed(k, def string) string {
	c.rw.RLock()
	defer c.rw.RUnlock()
	if v, ok := c.lookupLocked(k); ok {
		return v
	}
	return def
}

func (c *Config) lookupLocked(k string) (string, bool) {
	v, ok := c.vals[k]
	return v, ok
}

// Negative: the read lock is released before the call.
func (c *Config) GetThenLookup(k string) bool {
	c.rw.RLock()
	n := len(c.vals)
	c.rw.RUnlock()
	_, ok := c.Lookup(k)
	return ok && n > 0
}

// A table nothing in the package write-locks: its read locks never wait.
type Table struct {
	rw   sync.RWMutex
	rows []string
}

func (t *Table) Len() int {
	t.rw.RLock()
	defer t.rw.RUnlock()
	return len(t.rows)
}

// Negative: no Lock of t.rw anywhere, so the nested read lock cannot
// block.
func (t *Table) Empty() bool {
	t.rw.RLock()
	defer t.rw.RUnlock()
	return t.Len() == 0
}
