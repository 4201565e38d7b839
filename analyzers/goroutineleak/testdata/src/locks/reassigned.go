package locks

import "sync"

type entry struct {
	mu    sync.Mutex
	stale bool
}

type registry struct {
	m    map[string]*entry
	last *entry
}

// Negative: the variable the second Lock goes through holds a new entry
// by then (the stale one was unlocked and dropped, and the path that
// keeps the first entry locked does not come here): another mutex.
func (r *registry) update(k string) {
	var e *entry
	defer func() { r.last = e }()
	e = r.m[k]
	if e != nil {
		e.mu.Lock()
		if e.stale {
			e.mu.Unlock()
			e = nil
		}
	}
	if e == nil {
		e = &entry{}
		e.mu.Lock()
		r.m[k] = e
	}
	e.stale = false
	e.mu.Unlock()
}

// Positive: the same variable, never given another value, locked again
// on the path that kept it locked.
func (r *registry) updateAgain(k string) {
	var e *entry
	defer func() { r.last = e }()
	e = r.m[k]
	e.mu.Lock()
	if !e.stale {
		r.last = e
		e.mu.Lock() // want `e.mu is already locked at line 44 on this path: locking it again blocks the goroutine forever`
	}
	e.mu.Unlock()
}

// Positive: a named result kept in a cell (the deferred closure reads
// it) and returned as it is: the return stores it back into its cell,
// which names the same entry, still locked.
func (r *registry) peek(k string) (e *entry, ok bool) {
	defer func() { r.last = e }()
	e = r.m[k]
	e.mu.Lock() // want `e.mu is still locked when returning at line 60: every later Lock of it blocks forever`
	if e.stale {
		return e, false
	}
	e.mu.Unlock()
	return e, true
}

type collection struct {
	s *Store
	n int
}

func (c collection) Complete() { c.s.mu.Unlock() }

func (s *Store) begin() (collection, bool) {
	if s.data == nil {
		return collection{}, false
	}
	return collection{s: s, n: len(s.data)}, true
}

// Negative: one return serves both outcomes, and its boolean result says
// which: true on the path that keeps s.mu (for Complete to release),
// false on the path that released it.
func (s *Store) BeginCollection() (collection, bool) {
	s.mu.Lock()
	c, ok := s.begin()
	if !ok {
		s.mu.Unlock()
	}
	return c, ok
}

// Positive: the boolean result is not what decides the Unlock: a caller
// cannot tell from it whether s.mu is held.
func (s *Store) BeginCollectionUntold() (collection, bool) {
	s.mu.Lock() // want `s.mu is still locked when returning at line 100: every later Lock of it blocks forever`
	c, ok := s.begin()
	if c.n == 0 {
		s.mu.Unlock()
	}
	return c, ok
}
