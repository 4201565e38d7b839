package locks

import (
	"errors"
	"sync"
)

// Functions that return holding a lock on purpose, beside the same shapes
// that forget an Unlock.

// A function entered holding the lock releases it while it waits and
// takes it back: calling it with the lock held is its contract, not a
// second acquisition.
type waiter struct {
	mu    sync.Mutex
	ready bool
	ch    chan struct{}
}

func (w *waiter) waitLocked() error {
	w.mu.Unlock()
	<-w.ch
	w.mu.Lock()
	if !w.ready {
		return errors.New("not ready")
	}
	return nil
}

func (w *waiter) Wait() error {
	w.mu.Lock()
	err := w.waitLocked()
	w.mu.Unlock()
	return err
}

// A function that takes the lock and releases it inside still deadlocks
// when its caller holds it.
func (w *waiter) peek() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ready
}

func (w *waiter) Peek() bool {
	w.mu.Lock()
	r := w.peek() // want `w.mu is already locked at line 46 on this path, and w.peek locks it again`
	w.mu.Unlock()
	return r
}

// The lock handed to a function of the package that releases it, here
// in a goroutine of its own.
type conn struct {
	mu    sync.Mutex
	state int
}

func (c *conn) resetAndUnlock() {
	c.state = 0
	c.mu.Unlock()
}

func (c *conn) connect(fail bool) error {
	c.mu.Lock()
	if fail {
		c.mu.Unlock()
		return errors.New("refused")
	}
	c.state = 1
	go c.resetAndUnlock()
	return nil
}

func (c *conn) note() { c.state++ }

func (c *conn) connectForgetting(fail bool) error {
	c.mu.Lock() // want `c.mu is still locked when returning at line 84`
	if fail {
		c.mu.Unlock()
		return errors.New("refused")
	}
	c.note()
	return nil
}

// A conditional lock helper whose result its caller passes on: the
// returned transaction releases the read lock when it closes.
type db struct {
	mu   sync.RWMutex
	open bool
}

type tx struct{ db *db }

func (t *tx) Close() { t.db.mu.RUnlock() }

func (d *db) beginTx() (*tx, error) {
	d.mu.RLock()
	if !d.open {
		d.mu.RUnlock()
		return nil, errors.New("closed")
	}
	return &tx{db: d}, nil
}

func (d *db) Begin() (*tx, error) { return d.beginTx() }

func (d *db) beginWrite() (*tx, error) {
	d.mu.RLock()
	if !d.open {
		d.mu.RUnlock()
		return nil, errors.New("closed")
	}
	return &tx{db: d}, nil
}

// Through named results read back by a deferred function.
func (d *db) BeginWrite(log func(error)) (t *tx, err error) {
	defer func() { log(err) }()
	return d.beginWrite()
}

// The same lock kept on a failing return: nobody gets an object to
// release it with.
type session struct {
	mu   sync.Mutex
	data []byte
}

func (s *session) Save(encode func() ([]byte, error)) error {
	s.mu.Lock() // want `s.mu is still locked when returning at line 135`
	b, err := encode()
	if err != nil {
		return err
	}
	s.data = b
	s.mu.Unlock()
	return nil
}

// A lock used as a signal: its Unlock is handed to the code that signals,
// so the second Lock waits for that code, not for ever.
type notifier struct{ started func() }

func (n *notifier) run() { n.started() }

func waitStarted() {
	var ready sync.Mutex
	n := &notifier{started: ready.Unlock}
	ready.Lock()
	go n.run()
	ready.Lock()
}

// The same two Locks with nobody given the Unlock.
func lockTwice() {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock() // want `mu is already locked at line 159 on this path`
}

// A mutex a goroutine locks on every iteration while the function that
// started it unlocks it, without ever locking it itself: the lock is
// handed from one goroutine to the other, so the next Lock waits for the
// starter's Unlock.
func handOverLoop(n int) {
	var mu sync.Mutex
	locked := make(chan bool)
	go func() {
		for i := 0; i < n; i++ {
			mu.Lock()
			locked <- true
		}
	}()
	for i := 0; i < n; i++ {
		<-locked
		mu.Unlock()
	}
}

// The same goroutine when its starter never unlocks the mutex.
func lockLoopAlone(n int) {
	var mu sync.Mutex
	locked := make(chan bool, n)
	go func() {
		for i := 0; i < n; i++ {
			mu.Lock() // want `mu is still locked when the loop comes back to this acquisition`
			locked <- true
		}
	}()
	<-locked
}

// A starter that locks the mutex itself as well shares it, but does not
// release the goroutine's acquisitions: the goroutine's second Lock in a
// row still waits for ever.
func lockTwiceBesideStarter() {
	var mu sync.Mutex
	done := make(chan bool)
	go func() {
		mu.Lock()
		mu.Lock() // want `mu is already locked at line \d+ on this path`
		done <- true
	}()
	mu.Lock()
	mu.Unlock()
	<-done
}
