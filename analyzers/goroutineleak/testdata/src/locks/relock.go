package locks

import "sync"

type postings struct {
	mtx sync.RWMutex
	m   map[string]int
}

// Negative: the helper releases its caller's write lock before its own
// read lock, and takes the write lock back: it holds none of the
// caller's locks while it reads.
func (p *postings) unlockWaitAndLockAgain() {
	p.mtx.Unlock()
	p.mtx.RLock()
	p.mtx.RUnlock()
	p.mtx.Lock()
}

func (p *postings) Delete(keys []string) {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	for i, k := range keys {
		delete(p.m, k)
		if i%512 == 0 {
			p.unlockWaitAndLockAgain()
		}
	}
}

// Positive: the read lock comes before the release, while the caller
// still holds the write lock.
func (p *postings) peekThenRelock() {
	p.mtx.RLock()
	p.mtx.RUnlock()
	p.mtx.Unlock()
	p.mtx.Lock()
}

func (p *postings) DeletePeeking(keys []string) {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	for _, k := range keys {
		delete(p.m, k)
		p.peekThenRelock() // want `p.mtx is already locked at line 41 on this path, and p.peekThenRelock locks it again: the goroutine blocks forever`
	}
}
