package locks

import "sync"

// A plugin whose activation nothing ever signals.
type Plugin struct {
	activated bool
	cond      *sync.Cond
}

func NewPlugin() *Plugin {
	return &Plugin{cond: sync.NewCond(&sync.Mutex{})}
}

// Positive: nothing in the package calls Signal or Broadcast on cond.
func (p *Plugin) WaitActive() {
	p.cond.L.Lock()
	for !p.activated {
		p.cond.Wait() // want `p.cond.Wait\(\) blocks forever: nothing in the package calls Signal or Broadcast on cond`
	}
	p.cond.L.Unlock()
}

// A queue whose Put broadcasts from another goroutine.
type Queue struct {
	mu    sync.Mutex
	ready *sync.Cond
	items []int
}

func NewQueue() *Queue {
	q := &Queue{}
	q.ready = sync.NewCond(&q.mu)
	return q
}

// Negative: Put broadcasts on ready.
func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.ready.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.ready.Broadcast()
}

// Negative: the Cond is handed to a function that may signal it.
type Handed struct {
	c *sync.Cond
}

func (h *Handed) Wait() {
	h.c.L.Lock()
	h.c.Wait()
	h.c.L.Unlock()
}

func (h *Handed) Start(signal func(*sync.Cond)) {
	go signal(h.c)
}

// Negative: an exported Cond may be signalled by another package.
type Exported struct {
	Ready *sync.Cond
}

func (e *Exported) Wait() {
	e.Ready.L.Lock()
	e.Ready.Wait()
	e.Ready.L.Unlock()
}

// Positive: a local Cond no goroutine signals.
func waitLocal() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	mu.Lock()
	c.Wait() // want `c.Wait\(\) blocks forever: nothing in the package calls Signal or Broadcast on c`
	mu.Unlock()
}

// Negative: a local Cond a goroutine signals.
func waitSignalled() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	done := false
	go func() {
		mu.Lock()
		done = true
		mu.Unlock()
		c.Signal()
	}()
	mu.Lock()
	for !done {
		c.Wait()
	}
	mu.Unlock()
}

// Negative: a Cond assigned from another variable that is signalled.
var shared = sync.NewCond(&sync.Mutex{})

type Alias struct {
	c *sync.Cond
}

func newAlias() *Alias { return &Alias{c: shared} }

func (a *Alias) Wait() {
	a.c.L.Lock()
	a.c.Wait()
	a.c.L.Unlock()
}

func wake() { shared.Broadcast() }

// Negative: a generic type's Cond, waited on in its method and
// broadcast through an instance.
type Box[T any] struct {
	mu   sync.Mutex
	full *sync.Cond
	v    T
	set  bool
}

func (b *Box[T]) Take() T {
	b.mu.Lock()
	defer b.mu.Unlock()
	for !b.set {
		b.full.Wait()
	}
	return b.v
}

func fill(b *Box[int], v int) {
	b.mu.Lock()
	b.v, b.set = v, true
	b.mu.Unlock()
	b.full.Broadcast()
}
