// Package replies sends requests that carry their own reply channel to a
// writer goroutine, which answers each on it.
package replies

import (
	"context"
	"errors"
)

type request struct {
	data  []byte
	reply chan<- error
}

type writer struct {
	reqs chan *request
}

func NewWriter(ctx context.Context) *writer {
	w := &writer{reqs: make(chan *request, 16)}
	go w.loop(ctx)
	return w
}

func (w *writer) loop(ctx context.Context) {
	for {
		select {
		case r := <-w.reqs:
			r.reply <- write(r.data)
		case <-ctx.Done():
			return
		}
	}
}

func write(b []byte) error {
	if len(b) == 0 {
		return errors.New("empty")
	}
	return nil
}

// AppendGivingUp stops waiting on shutdown: the writer's answer then has
// nobody to take it.
func (w *writer) AppendGivingUp(ctx context.Context, b []byte) error {
	ch := make(chan error) // want `the reply to this request blocks forever: \(\*writer\).AppendGivingUp can return at line 54 without receiving it, and the send on reply at line 29 has no partner then`
	r := &request{data: b, reply: ch}
	select {
	case w.reqs <- r:
		select {
		case err := <-ch:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	default:
		return errors.New("busy")
	}
}

// AppendWaiting waits for the answer once the writer has the request.
func (w *writer) AppendWaiting(ctx context.Context, b []byte) error {
	ch := make(chan error)
	r := &request{data: b, reply: ch}
	select {
	case w.reqs <- r:
		return <-ch
	case <-ctx.Done():
		return ctx.Err()
	}
}

// AppendBuffered leaves the answer a slot: the writer never blocks on it.
func (w *writer) AppendBuffered(ctx context.Context, b []byte) error {
	ch := make(chan error, 1)
	r := &request{data: b, reply: ch}
	w.reqs <- r
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A server that answers in a select with a way out.
type query struct {
	key   string
	reply chan string
}

type server struct {
	queries chan *query
	done    chan struct{}
}

func (s *server) loop() {
	for {
		select {
		case q := <-s.queries:
			select {
			case q.reply <- q.key:
			case <-s.done:
				return
			}
		case <-s.done:
			return
		}
	}
}

func (s *server) Stop() { close(s.done) }

func (s *server) Ask(ctx context.Context, key string) (string, error) {
	ch := make(chan string)
	s.queries <- &query{key: key, reply: ch}
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func Start() *server {
	s := &server{queries: make(chan *query), done: make(chan struct{})}
	go s.loop()
	return s
}
