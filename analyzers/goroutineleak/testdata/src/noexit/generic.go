package noexit

import "sync"

// closer is what a registry keeps of each handler.
type closer interface{ close() }

// registry holds handlers of any request type behind the interface.
type registry struct {
	mu       sync.Mutex
	handlers map[string]closer
}

// handler is generic: the function that registers it instantiates it
// with its own type parameter.
type handler[T any] struct {
	serve    func(T)
	requests chan T
	complete chan struct{}
	once     sync.Once
}

func (h *handler[T]) run() {
	go func() {
		for {
			select {
			case <-h.complete:
				return
			case r := <-h.requests:
				h.serve(r)
			}
		}
	}()
}

// close is reached through the registry's interface: it ends the loop.
func (h *handler[T]) close() {
	h.once.Do(func() { close(h.complete) })
}

func Register[T any](r *registry, key string, serve func(T)) {
	h := &handler[T]{serve: serve, requests: make(chan T), complete: make(chan struct{})}
	r.mu.Lock()
	r.handlers[key] = h
	r.mu.Unlock()
	h.run()
}

func (r *registry) Deregister(key string) {
	r.mu.Lock()
	h, ok := r.handlers[key]
	r.mu.Unlock()
	if ok {
		h.close()
	}
}

// worker is generic too, but never stored in an interface: nothing calls
// its stop, so nothing closes done.
type worker[T any] struct {
	in   chan T
	done chan struct{}
}

func (w *worker[T]) loop() {
	for {
		select {
		case <-w.done:
			return
		case v := <-w.in:
			_ = v
		}
	}
}

func (w *worker[T]) stop() { close(w.done) }

func StartWorker[T any](in chan T) {
	w := &worker[T]{in: in, done: make(chan struct{})}
	go w.loop() // want `goroutine never finishes: the loop in \(\*worker\).loop at line 66 exits only on receiving from w.done, and the close at line 76 never runs`
}
