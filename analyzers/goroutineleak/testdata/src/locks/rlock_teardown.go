package locks

import (
	"errors"
	"sync"
)

var errReleased = errors.New("reader released")

// A table reader whose only writer is Release, which ends its use: it
// stores the error every reader tests first under its read lock.
type tableReader struct {
	mu    sync.RWMutex
	err   error
	index []string
}

func (r *tableReader) find(k string) (int, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.err != nil {
		return 0, r.err
	}
	for i, x := range r.index {
		if x == k {
			return i, nil
		}
	}
	return -1, nil
}

// Negative: Get tests r.err under its read lock, the field Release sets:
// the writer runs after the readers by the reader's contract (a read
// still running then is a use after release), not between Get's two read
// locks.
func (r *tableReader) Get(k string) (int, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.err != nil {
		return 0, r.err
	}
	return r.find(k)
}

// Positive: Count never tests what Release sets; a Release waiting
// between its two read locks blocks both.
func (r *tableReader) Count(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	i, _ := r.find(k) // want `r.mu is already read-locked at line 48 on this path: r.find read-locks it again, and a Lock of it waiting in between \(line 55\) blocks both forever`
	return i + len(r.index)
}

func (r *tableReader) Release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.index = nil
	r.err = errReleased
}

// A registry whose Close sets a flag its readers test, and whose Grow
// write-locks the same mutex while the registry is in use.
type registryRW struct {
	mu     sync.RWMutex
	closed bool
	names  []string
}

func (g *registryRW) lookup(i int) string {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.names[i]
}

// Positive: Close ends the registry's use, but Grow is a writer that can
// come between First's two read locks.
func (g *registryRW) First() string {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.closed {
		return ""
	}
	return g.lookup(0) // want `g.mu is already read-locked at line 78 on this path: g.lookup read-locks it again, and a Lock of it waiting in between \(line 87\) blocks both forever`
}

func (g *registryRW) Grow(n string) {
	g.mu.Lock()
	g.names = append(g.names, n)
	g.mu.Unlock()
}

func (g *registryRW) Close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}
