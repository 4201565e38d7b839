package lockfix

import (
	"errors"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	names map[string]int
}

var errUnknown = errors.New("unknown")

// The fix defers the Unlock and deletes the one before the return.
func (r *Registry) Lookup(name string) (int, error) {
	r.mu.Lock() // want `r.mu is still locked when returning at line 21`
	id, ok := r.names[name]
	if !ok {
		return 0, errUnknown
	}
	r.mu.Unlock()
	return id, nil
}

// A read lock: the fix defers RUnlock.
func (r *Registry) Has(name string) bool {
	r.rw.RLock() // want `r.rw is still read-locked when returning at line 31`
	if name == "" {
		return false
	}
	_, ok := r.names[name]
	r.rw.RUnlock()
	return ok
}

func (r *Registry) notify(name string) {}

// No fix: the Unlock comes before work that must not run under the lock.
func (r *Registry) Add(name string) error {
	r.mu.Lock() // want `r.mu is still locked when returning at line 44`
	if name == "" {
		return errUnknown
	}
	r.names[name] = len(r.names)
	r.mu.Unlock()
	r.notify(name)
	return nil
}
