package locks

import (
	"errors"
	"sync"
	"testing"
)

type pipe struct{ mu sync.Mutex }

func (p *pipe) writeMode() { p.mu.Lock() }
func (p *pipe) readMode()  { p.mu.Unlock() }

func step(i int) error {
	if i < 0 {
		return errors.New("negative")
	}
	return nil
}

// The lock is left held only on returns after the test failed: no
// passing run takes them.
func TestHeldOnlyAfterFailure(t *testing.T) {
	p := &pipe{}
	for i := 0; i < 2; i++ {
		p.writeMode()
		if err := step(i); err != nil {
			t.Errorf("step: %v", err)
			return
		}
		p.readMode()
	}
}

// The same return without failing the test.
func TestHeldQuietly(t *testing.T) {
	p := &pipe{}
	for i := 0; i < 2; i++ {
		p.writeMode() // want `the lock p.writeMode takes is still locked when returning at line \d+`
		if err := step(i); err != nil {
			return
		}
		p.readMode()
	}
}

// Each iteration declares a new mutex: the Lock after the loop comes back
// is of another variable, and the goroutine of each iteration releases
// its own.
func TestNewMutexEachIteration(t *testing.T) {
	for range 2 {
		var m sync.Mutex
		m.Lock()
		go func() {
			m.Unlock()
		}()
		m.Lock()
	}
}

// The same loop with one mutex declared before it: the second iteration's
// first Lock finds it still locked.
func TestOneMutexForTheLoop(t *testing.T) {
	var m sync.Mutex
	for range 2 {
		m.Lock() // want `m is already locked at line \d+ on this path`
		m.Unlock()
		m.Lock()
	}
}

type guarded struct {
	rw sync.RWMutex
	n  int
}

// A read lock taken twice on a mutex only this goroutine can reach: its
// own Lock comes after, never in between.
func BenchmarkLocalRecursiveRead(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		var g guarded
		for pb.Next() {
			g.rw.RLock()
			g.rw.RLock()
			g.rw.RUnlock()
			g.rw.RUnlock()
			g.rw.Lock()
			g.rw.Unlock()
		}
	})
}

// The same read locks when a goroutine it starts write-locks the mutex.
func TestSharedRecursiveRead(t *testing.T) {
	var g guarded
	done := make(chan bool)
	go func() {
		g.rw.Lock()
		g.n++
		g.rw.Unlock()
		done <- true
	}()
	g.rw.RLock()
	g.rw.RLock() // want `g.rw is already read-locked at line \d+ on this path`
	g.rw.RUnlock()
	g.rw.RUnlock()
	<-done
}
