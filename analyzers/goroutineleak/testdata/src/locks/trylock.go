package locks

import (
	"errors"
	"sync"
)

type tryGuarded struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	other sync.Mutex
	n     int
}

// A TryLock of the mutex the function has just locked fails (the mutex
// is not reentrant): the early return under its true edge is no path.
func (g *tryGuarded) heldTry() error {
	g.mu.Lock()
	if g.mu.TryLock() {
		return errors.New("TryLock succeeded with the mutex held")
	}
	g.n++
	g.mu.Unlock()
	return nil
}

// The same for a write TryLock of a read-locked RWMutex.
func (g *tryGuarded) readHeldTry() error {
	g.rw.RLock()
	if g.rw.TryLock() {
		return errors.New("TryLock succeeded with the mutex read-locked")
	}
	n := g.n
	g.rw.RUnlock()
	_ = n
	return nil
}

// A TryLock of another mutex may succeed: the return under it keeps
// g.mu.
func (g *tryGuarded) otherTry() error {
	g.mu.Lock() // want `g.mu is still locked when returning at line 45: every later Lock of it blocks forever`
	if g.other.TryLock() {
		g.other.Unlock()
		return errors.New("busy")
	}
	g.n++
	g.mu.Unlock()
	return nil
}

// A TryRLock of a read-locked RWMutex may succeed (two readers hold it
// together): the return under it keeps the read lock.
func (g *tryGuarded) readHeldTryRead() error {
	g.rw.RLock() // want `g.rw is still read-locked when returning at line 57`
	if g.rw.TryRLock() {
		return errors.New("shared")
	}
	n := g.n
	g.rw.RUnlock()
	_ = n
	return nil
}
