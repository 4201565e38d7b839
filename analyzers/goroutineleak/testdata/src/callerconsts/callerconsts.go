package callerconsts

import "sync"

type readMode int

const (
	fromMemory readMode = iota
	fromStore
	memoryThenStore
	fromNowhere
)

type store struct {
	mu  sync.RWMutex
	mem map[string]int64
}

func (s *store) fetch(k string) (int64, error) { return int64(len(k)), nil }

// Every call of read passes a constant with its own case: the default,
// which returns still holding the read lock, never runs.
func (s *store) read(k string, m readMode) (int64, error) {
	s.mu.RLock()
	switch m {
	case fromMemory, memoryThenStore:
		v, ok := s.mem[k]
		if ok {
			s.mu.RUnlock()
			return v, nil
		}
		if m == fromMemory {
			s.mu.RUnlock()
			return -1, nil
		}
		fallthrough
	case fromStore:
		v, err := s.fetch(k)
		s.mu.RUnlock()
		return v, err
	default:
		return -1, nil
	}
}

// readOld passes its own parameter on; nothing calls it.
func (s *store) readOld(k string, m readMode) int64 {
	v, _ := s.read(k, m)
	return v
}

type reader interface {
	read(k string, m readMode) (int64, error)
}

func Use(s *store, r reader) {
	s.read("a", fromMemory)
	s.read("b", fromStore)
	r.read("c", memoryThenStore)
	viaHelper(s, "d")
}

// viaHelper passes constants on through a parameter of its own.
func viaHelper(s *store, k string) { pass(s, k, fromStore) }

func pass(s *store, k string, m readMode) { s.read(k, m) }

// The same shape where a caller passes a value the switch's cases do not
// name: the default runs.
type loose struct {
	mu  sync.RWMutex
	mem map[string]int64
}

func (s *loose) read(k string, m readMode) int64 {
	s.mu.RLock() // want `s.mu is still read-locked when returning at line \d+`
	switch m {
	case fromMemory:
		v := s.mem[k]
		s.mu.RUnlock()
		return v
	default:
		return -1
	}
}

func UseLoose(s *loose) {
	s.read("a", fromMemory)
	s.read("b", fromNowhere)
}

// A caller passes a value that is not a constant.
type open struct {
	mu  sync.RWMutex
	mem map[string]int64
}

func (s *open) read(k string, m readMode) int64 {
	s.mu.RLock() // want `s.mu is still read-locked when returning at line \d+`
	switch m {
	case fromMemory:
		v := s.mem[k]
		s.mu.RUnlock()
		return v
	default:
		return -1
	}
}

func UseOpen(s *open, m readMode) {
	s.read("a", fromMemory)
	s.read("b", m)
}

// The method is used as a value: its callers are not all seen.
type escaping struct {
	mu  sync.RWMutex
	mem map[string]int64
}

func (s *escaping) read(k string, m readMode) int64 {
	s.mu.RLock() // want `s.mu is still read-locked when returning at line \d+`
	switch m {
	case fromMemory:
		v := s.mem[k]
		s.mu.RUnlock()
		return v
	default:
		return -1
	}
}

func UseEscaping(s *escaping) func(string, readMode) int64 {
	s.read("a", fromMemory)
	return s.read
}

// An exported method has callers in other packages.
type exported struct {
	mu  sync.RWMutex
	mem map[string]int64
}

func (s *exported) Read(k string, m readMode) int64 {
	s.mu.RLock() // want `s.mu is still read-locked when returning at line \d+`
	switch m {
	case fromMemory:
		v := s.mem[k]
		s.mu.RUnlock()
		return v
	default:
		return -1
	}
}

func UseExported(s *exported) { s.Read("a", fromMemory) }

// An if on inequality: every caller passes the constant it tests for.
var mu sync.Mutex

func only(n *int, m readMode) {
	mu.Lock()
	if m != fromStore {
		return
	}
	*n++
	mu.Unlock()
}

func UseOnly(n *int) { only(n, fromStore) }

// The same with a caller that passes another constant.
var mu2 sync.Mutex

func notOnly(n *int, m readMode) {
	mu2.Lock() // want `mu2 is still locked when returning at line \d+`
	if m != fromStore {
		return
	}
	*n++
	mu2.Unlock()
}

func UseNotOnly(n *int) {
	notOnly(n, fromStore)
	notOnly(n, fromMemory)
}

// A method of a generic type: its calls go through instances.
type generic[T any] struct {
	mu  sync.RWMutex
	mem map[string]T
}

func (s *generic[T]) read(k string, m readMode) (T, bool) {
	s.mu.RLock() // want `s.mu is still read-locked when returning at line \d+`
	var zero T
	switch m {
	case fromMemory:
		v, ok := s.mem[k]
		s.mu.RUnlock()
		return v, ok
	default:
		return zero, false
	}
}

func UseGeneric(s *generic[int]) { s.read("a", fromMemory) }

// A function stored as a value has callers nobody sees.
var mu3 sync.Mutex

func stored(n *int, m readMode) {
	mu3.Lock() // want `mu3 is still locked when returning at line \d+`
	if m != fromStore {
		return
	}
	*n++
	mu3.Unlock()
}

var hook = stored

func UseStored(n *int) { stored(n, fromStore) }
