// Package uploads is a handler that reports finished uploads on channels
// its user consumes.
package uploads

// Event is one upload's outcome.
type Event struct{ ID string }

// Handler sends on its channels as uploads finish or are removed.
type Handler struct {
	Completed  chan Event
	Terminated chan Event
	store      map[string][]byte
}

// New returns a handler with its notification channels.
func New() (*Handler, error) {
	return &Handler{Completed: make(chan Event), Terminated: make(chan Event), store: map[string][]byte{}}, nil
}

// Finish stores an upload and reports it.
func (h *Handler) Finish(id string, b []byte) {
	h.store[id] = b
	h.Completed <- Event{id}
}

// Closable is a handler with a Close, which does not stop its consumers.
type Closable struct {
	Handler
}

// NewClosable returns a closable handler.
func NewClosable() (*Closable, error) {
	return &Closable{Handler{Completed: make(chan Event), Terminated: make(chan Event)}}, nil
}

// Close drops the stored uploads.
func (c *Closable) Close() error {
	c.store = nil
	return nil
}

// Stoppable holds a stop channel its user may be meant to watch.
type Stoppable struct {
	Handler
	quit chan struct{}
}

// NewStoppable returns a handler with a stop channel.
func NewStoppable() (*Stoppable, error) {
	return &Stoppable{Handler: Handler{Completed: make(chan Event)}, quit: make(chan struct{})}, nil
}
