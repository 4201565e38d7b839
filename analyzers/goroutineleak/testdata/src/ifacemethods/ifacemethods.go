// Package ifacemethods: a handler of a generic type is kept in a map of
// an unexported interface, and the server closes it through that
// interface: the close that ends the handler's loop runs.
package ifacemethods

import "sync"

type handler interface {
	close()
}

type impl[T any] struct {
	in       chan T
	complete chan struct{}
	once     sync.Once
}

func (h *impl[T]) run() {
	go func() {
		for {
			select {
			case <-h.complete:
				return
			case v := <-h.in:
				_ = v
			}
		}
	}()
}

func (h *impl[T]) close() {
	h.once.Do(func() { close(h.complete) })
}

type Server struct {
	mu       sync.Mutex
	handlers map[string]handler
}

func NewServer() *Server { return &Server{handlers: make(map[string]handler)} }

func Register[T any](s *Server, name string, in chan T) {
	h := &impl[T]{in: in, complete: make(chan struct{})}
	s.mu.Lock()
	s.handlers[name] = h
	s.mu.Unlock()
	h.run()
}

func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range s.handlers {
		h.close()
	}
}

// The stuck variant: a generic handler whose done channel nothing
// closes, though it is kept behind an interface too.
type stuckImpl[T any] struct {
	in   chan T
	done chan struct{}
}

func (h *stuckImpl[T]) run() {
	go func() { // want `goroutine never finishes: the loop at line 67 exits only on receiving from h.done, and nothing sends on it or closes it`
		for {
			select {
			case <-h.done:
				return
			case v := <-h.in:
				_ = v
			}
		}
	}()
}

func (h *stuckImpl[T]) close() {}

func RegisterStuck[T any](s *Server, name string, in chan T) {
	h := &stuckImpl[T]{in: in, done: make(chan struct{})}
	s.mu.Lock()
	s.handlers[name] = h
	s.mu.Unlock()
	h.run()
}
