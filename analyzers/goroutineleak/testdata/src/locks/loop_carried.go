package locks

import (
	"errors"
	"sync"
)

type Proxy struct {
	mu    sync.Mutex
	conns map[int]bool
}

func dial(i int) error {
	if i < 0 {
		return errors.New("bad")
	}
	return nil
}

// Positive: `continue` keeps p.mu locked into the next iteration, whose
// Lock blocks forever.
func (p *Proxy) Retry() {
	for i := 0; i < 3; i++ {
		p.mu.Lock() // want `p.mu is still locked when the loop comes back to this acquisition on a path that skips its release: locking it again blocks the goroutine forever`
		if err := dial(i); err != nil {
			continue
		}
		p.conns[i] = true
		p.mu.Unlock()
	}
}

// Negative: Unlock before continue.
func (p *Proxy) RetryFixed() {
	for i := 0; i < 3; i++ {
		p.mu.Lock()
		if err := dial(i); err != nil {
			p.mu.Unlock()
			continue
		}
		p.conns[i] = true
		p.mu.Unlock()
	}
}

// Negative: the lock is held across the loop and released after it.
func (p *Proxy) HoldAcross() {
	p.mu.Lock()
	for i := 0; i < 3; i++ {
		if dial(i) != nil {
			continue
		}
		p.conns[i] = true
	}
	p.mu.Unlock()
}

type chainNode struct {
	mu   sync.Mutex
	next *chainNode
	n    int
}

// Negative: each iteration locks another element's mutex (a different
// mutex every time), released after the loop by its owner's protocol.
func lockAll(nodes []*chainNode) {
	for _, n := range nodes {
		n.mu.Lock()
		if n.n == 0 {
			continue
		}
		n.n--
		n.mu.Unlock()
	}
}

// Negative: the released-by-a-closure shape in a loop.
func (p *Proxy) EachUnlockInClosure() {
	for i := 0; i < 3; i++ {
		p.mu.Lock()
		func() {
			defer p.mu.Unlock()
			p.conns[i] = true
		}()
	}
}

// Negative: the acquisition runs only while a flag is unset; the flag set
// with it keeps later iterations from locking again.
func (p *Proxy) LockOnce(items []int) {
	held := false
	for _, i := range items {
		if i > 0 && !held {
			p.mu.Lock()
			defer p.mu.Unlock()
			held = true
		}
		p.conns[i] = true
	}
}

// Positive: a range loop whose error path keeps the lock.
func (p *Proxy) Drain(in []int) {
	for _, i := range in {
		p.mu.Lock() // want `p.mu is still locked when the loop comes back to this acquisition on a path that skips its release: locking it again blocks the goroutine forever`
		if i < 0 {
			continue
		}
		p.conns[i] = true
		p.mu.Unlock()
	}
}

// Negative: the path that keeps the lock is the one that found the work
// done, and the loop's own condition ends the loop on it: the lock is
// kept past the loop on purpose and released after it.
func (p *Proxy) HoldWhenReady(ready func() bool) {
	for done := false; !done; {
		p.mu.Lock()
		done = ready()
		if !done {
			p.mu.Unlock()
		}
	}
	p.conns[0] = true
	p.mu.Unlock()
}

// Positive: the same loop when the condition that keeps the lock is not
// the one that ends the loop.
func (p *Proxy) HoldWhenReadyTwice(ready func() bool) {
	for done := false; !done; {
		p.mu.Lock() // want `p.mu is still locked when the loop comes back to this acquisition`
		done = ready()
		if !ready() {
			p.mu.Unlock()
		}
	}
	p.mu.Unlock()
}

// Negative: a return under a constant false condition is no path.
func (p *Proxy) NeverReturnsEarly() {
	p.mu.Lock()
	if false {
		return
	}
	p.mu.Unlock()
}

// Positive: the same return under a condition that can hold.
func (p *Proxy) ReturnsEarly(stop bool) {
	p.mu.Lock() // want `p.mu is still locked when returning at line \d+`
	if stop {
		return
	}
	p.mu.Unlock()
}
