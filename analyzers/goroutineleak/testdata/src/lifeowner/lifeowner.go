// Package lifeowner starts goroutines that serve a value their starter
// returns and that offers no way to stop: they live as long as that
// value, whose number is its user's choice (one, made at start-up, for a
// program's handler or store), beside the same goroutines where the value
// offers a stop, or where each call leaves one more behind.
package lifeowner

import (
	"log"
	"sync"
	"sync/atomic"
	"time"

	"lifeowner/uploads"
)

// NewWithHooks consumes the notifications of a handler of another package
// for as long as the handler lives: the handler cannot be stopped, and
// the channels it holds are what the goroutine consumes, not a way to end
// it.
func NewWithHooks(hook func(uploads.Event)) (*uploads.Handler, error) {
	h, err := uploads.New()
	if err != nil {
		return nil, err
	}
	go func() {
		for {
			select {
			case e := <-h.Completed:
				hook(e)
			case e := <-h.Terminated:
				hook(e)
			}
		}
	}()
	return h, nil
}

// NewClosableWithHooks: the handler has a Close, which leaves the consumer
// running; every closed handler leaks one.
func NewClosableWithHooks(hook func(uploads.Event)) (*uploads.Closable, error) {
	h, err := uploads.NewClosable()
	if err != nil {
		return nil, err
	}
	go func() { // want `goroutine never finishes: the loop at line 47 has no exit and watches no cancellation`
		for {
			select {
			case e := <-h.Completed:
				hook(e)
			case e := <-h.Terminated:
				hook(e)
			}
		}
	}()
	return h, nil
}

// NewStoppableWithHooks: the handler holds a stop channel the consumer
// does not watch.
func NewStoppableWithHooks(hook func(uploads.Event)) (*uploads.Stoppable, error) {
	h, err := uploads.NewStoppable()
	if err != nil {
		return nil, err
	}
	go func() { // want `goroutine never finishes: the loop at line 67 has no exit and watches no cancellation`
		for {
			e := <-h.Completed
			hook(e)
		}
	}()
	return h, nil
}

// Hooks consumes a handler its caller gives it and returns nothing that
// owns the consumer: every call leaves one more.
func Hooks(h *uploads.Handler, hook func(uploads.Event)) {
	go func() { // want `goroutine never finishes: the loop at line 79 has no exit and watches no cancellation`
		for {
			hook(<-h.Completed)
		}
	}()
}

// Store is an in-memory store; with a size limit, an enforcer evicts the
// oldest messages it is fed.
type Store struct {
	mu       sync.Mutex
	msgs     map[string][]byte
	incoming chan string
	remove   chan string
}

// Storer is what callers see of a store.
type Storer interface {
	Add(id string, b []byte)
}

// NewStore starts the enforcer, which ends only when its feeds are
// closed; nothing closes them, and the store has no way to stop: the
// enforcer lives as long as the store.
func NewStore(limit int) (Storer, error) {
	s := &Store{msgs: map[string][]byte{}}
	if limit > 0 {
		s.incoming = make(chan string)
		s.remove = make(chan string)
		go s.enforce(limit)
	}
	return s, nil
}

// Add stores a message and feeds it to the enforcer.
func (s *Store) Add(id string, b []byte) {
	s.mu.Lock()
	s.msgs[id] = b
	s.mu.Unlock()
	if s.incoming != nil {
		s.incoming <- id
	}
}

// Remove drops a message and tells the enforcer.
func (s *Store) Remove(id string) {
	s.mu.Lock()
	delete(s.msgs, id)
	s.mu.Unlock()
	if s.remove != nil {
		s.remove <- id
	}
}

func (s *Store) enforce(limit int) {
	var order []string
	for {
		select {
		case id, ok := <-s.incoming:
			if !ok {
				return
			}
			order = append(order, id)
			if len(order) > limit {
				s.mu.Lock()
				delete(s.msgs, order[0])
				s.mu.Unlock()
				order = order[1:]
			}
		case id, ok := <-s.remove:
			if !ok {
				return
			}
			log.Print("removed ", id)
		}
	}
}

// Restart starts another enforcer on the same store: each call leaves one
// more behind.
func (s *Store) Restart(limit int) {
	go s.enforce(limit) // want `goroutine never finishes: the loop at line 135 receives from s.incoming, which is never closed`
}

// Tracker keeps a success rate that a goroutine recomputes.
type Tracker struct {
	Attempts map[string]bool
	Rate     atomic.Value
}

// StartTracker starts the recomputing goroutine, which runs as long as
// the tracker: the tracker has no way to stop.
func StartTracker(every time.Duration, report func(float64)) *Tracker {
	t := &Tracker{Attempts: map[string]bool{}}
	t.Rate.Store(100.0)
	go func() {
		for {
			t.Rate.Store(float64(len(t.Attempts)))
			report(t.Rate.Load().(float64))
			time.Sleep(every)
		}
	}()
	return t
}

var _ = time.Second

// Queue batches events that a ticker flushes to C, the channel its user
// reads the batches from.
type Queue struct {
	C  chan []string
	mu sync.Mutex
	q  []string
}

// NewQueue starts the flusher, which runs as long as the queue: the queue
// has no way to stop, and C is what the flusher produces, not a way to end
// it.
func NewQueue(every time.Duration) *Queue {
	ticker := time.NewTicker(every)
	q := &Queue{C: make(chan []string, 1)}
	go func() {
		for {
			<-ticker.C
			q.Flush()
		}
	}()
	return q
}

// Flush hands the batch to the reader of C.
func (q *Queue) Flush() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.C <- q.q
	q.q = nil
}

// StoppableQueue also holds a quit channel, which its flusher ignores.
type StoppableQueue struct {
	C    chan []string
	quit chan struct{}
}

func NewStoppableQueue(every time.Duration) *StoppableQueue {
	ticker := time.NewTicker(every)
	q := &StoppableQueue{C: make(chan []string, 1), quit: make(chan struct{})}
	go func() { // want `goroutine never finishes: the loop at line 226 has no exit and watches no cancellation`
		for {
			<-ticker.C
			q.C <- nil
		}
	}()
	return q
}

// Stop closes quit, which does not end the flusher.
func (q *StoppableQueue) Stop() { close(q.quit) }

// HandedQueue's flusher hands C to a function it is given, which may
// receive from it or close it.
type HandedQueue struct {
	C chan []string
}

func NewHandedQueue(every time.Duration, flush func(chan []string)) *HandedQueue {
	ticker := time.NewTicker(every)
	q := &HandedQueue{C: make(chan []string, 1)}
	go func() { // want `goroutine never finishes: the loop at line 247 has no exit and watches no cancellation`
		for {
			<-ticker.C
			flush(q.C)
		}
	}()
	return q
}
