package summaries

import (
	"errors"
	"net"
	"sync"
)

var errServerClosed = errors.New("server closed")

// ListenerSet keeps the listeners it is given until its Close; once
// closed it takes none, which only a call after Close sees.
type ListenerSet struct {
	mu     sync.Mutex
	lns    map[net.Listener]bool
	closed bool
}

func (s *ListenerSet) Add(ln net.Listener) error { // want Add:`lifetime\(keeps param 1 always, not returned on failure\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errServerClosed
	}
	s.lns[ln] = true
	return nil
}

func (s *ListenerSet) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for ln := range s.lns {
		ln.Close()
	}
	return nil
}

// A flag that Close does not set decides for the caller: refused, the
// listener is still the caller's.
type GatedSet struct {
	lns  map[net.Listener]bool
	full bool
}

func (s *GatedSet) Add(ln net.Listener) error { // want Add:`lifetime\(keeps param 1 on success\)`
	if s.full {
		return errServerClosed
	}
	s.lns[ln] = true
	return nil
}

func (s *GatedSet) Close() error {
	for ln := range s.lns {
		ln.Close()
	}
	return nil
}
