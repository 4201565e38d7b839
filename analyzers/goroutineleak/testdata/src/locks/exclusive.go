package locks

import "sync"

type pool struct {
	mu      sync.Mutex
	servers map[string]int
}

type failure struct{ Code string }

func (p *pool) drop(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.servers, name)
}

// A value equal to one constant is unequal to every other: the lock
// taken when the code is "expired" is not held where it is "gone".
func (p *pool) onFailure(name string, f *failure) {
	if f.Code == "expired" {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.servers[name] = 0
	}
	if f.Code == "gone" {
		p.drop(name)
	}
}

// The same with the second test written as an inequality.
func (p *pool) onFailureNeq(name string, f *failure) {
	if f.Code == "expired" {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.servers[name] = 0
	}
	if f.Code != "gone" {
		return
	}
	p.drop(name)
}

// Two tests of the same constant: both bodies run on one path.
func (p *pool) onFailureSame(name string, f *failure) {
	if f.Code == "expired" {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.servers[name] = 0
	}
	if f.Code == "expired" {
		p.drop(name) // want `p.mu is already locked at line \d+ on this path, and p.drop locks it again: the goroutine blocks forever`
	}
}

// Different values compared: nothing is decided.
func (p *pool) onFailureOther(name string, f, g *failure) {
	if f.Code == "expired" {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.servers[name] = 0
	}
	if g.Code == "gone" {
		p.drop(name) // want `p.mu is already locked at line \d+ on this path, and p.drop locks it again: the goroutine blocks forever`
	}
}

// Unequal to one constant says nothing of another.
func (p *pool) onFailureNot(name string, f *failure) {
	if f.Code != "expired" {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.servers[name] = 0
	}
	if f.Code == "gone" {
		p.drop(name) // want `p.mu is already locked at line \d+ on this path, and p.drop locks it again: the goroutine blocks forever`
	}
}
