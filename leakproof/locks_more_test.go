package leakproof

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// Three more shapes goroutineleak reports in the doublelock and cond
// categories, each beside its fixed form, checked the same way as those
// in locks_test.go: the leaky goroutine is still parked after
// stillBlocked, on the operation leakvet names. leakvet reports exactly
// the three leaky shapes here, silenced by //nolint comments.

// settleWriter is how long a test lets a goroutine reach a Lock it will
// wait in; only the order matters, never how fast anything is.
const settleWriter = 50 * time.Millisecond

type config struct {
	rw   sync.RWMutex
	vals map[string]string
}

func (c *config) set(k, v string) {
	c.rw.Lock()
	defer c.rw.Unlock()
	c.vals[k] = v
}

func (c *config) lookup(k string) (string, bool) {
	c.rw.RLock()
	defer c.rw.RUnlock()
	v, ok := c.vals[k]
	return v, ok
}

func (c *config) lookupLocked(k string) (string, bool) {
	v, ok := c.vals[k]
	return v, ok
}

// getOrDefaultLeaky read-locks c.rw and calls lookup, which read-locks
// it again (category doublelock); between runs while the first read lock
// is held.
func (c *config) getOrDefaultLeaky(k, def string, between func()) string {
	c.rw.RLock()
	defer c.rw.RUnlock()
	between()
	if v, ok := c.lookup(k); ok { //nolint:goroutineleak/doublelock // the shape under test
		return v
	}
	return def
}

// getOrDefaultFixed looks up under the lock it holds.
func (c *config) getOrDefaultFixed(k, def string, between func()) string {
	c.rw.RLock()
	defer c.rw.RUnlock()
	between()
	if v, ok := c.lookupLocked(k); ok {
		return v
	}
	return def
}

// startWriter starts a set of c and lets it reach its Lock, where it
// waits for the read lock held by the caller.
func startWriter(c *config) func() {
	return func() {
		go c.set("b", "2")
		time.Sleep(settleWriter)
	}
}

type proxy struct {
	mu    sync.Mutex
	conns map[int]bool
}

func dialProxy(i int) error {
	if i == 0 {
		return errNoEntry
	}
	return nil
}

// retryLeaky keeps p.mu locked into the next iteration when dialing fails
// (category doublelock).
func (p *proxy) retryLeaky() {
	for i := 0; i < 2; i++ {
		p.mu.Lock() //nolint:goroutineleak/doublelock // the shape under test
		if err := dialProxy(i); err != nil {
			continue
		}
		p.conns[i] = true
		p.mu.Unlock()
	}
}

// retryFixed unlocks before continuing.
func (p *proxy) retryFixed() {
	for i := 0; i < 2; i++ {
		p.mu.Lock()
		if err := dialProxy(i); err != nil {
			p.mu.Unlock()
			continue
		}
		p.conns[i] = true
		p.mu.Unlock()
	}
}

// plugin's activation is awaited on a Cond nothing signals (category
// cond).
type plugin struct {
	mu        sync.Mutex
	activated bool
	cond      *sync.Cond
}

func (p *plugin) waitActiveLeaky() {
	p.mu.Lock()
	for !p.activated {
		p.cond.Wait() //nolint:goroutineleak/cond // the shape under test
	}
	p.mu.Unlock()
}

// readyPlugin's activation is broadcast by activate, from another
// goroutine.
type readyPlugin struct {
	mu        sync.Mutex
	activated bool
	ready     *sync.Cond
}

func (p *readyPlugin) waitActive() {
	p.mu.Lock()
	for !p.activated {
		p.ready.Wait()
	}
	p.mu.Unlock()
}

func (p *readyPlugin) activate() {
	p.mu.Lock()
	p.activated = true
	p.mu.Unlock()
	p.ready.Broadcast()
}

func TestRecursiveReadLock(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		c := &config{vals: map[string]string{"a": "1"}}
		blocked, leak := blockedIn(t, func() { c.getOrDefaultLeaky("a", "", startWriter(c)) })
		if !blocked {
			t.Fatal("getOrDefaultLeaky finished although a writer waits between its read locks")
		}
		t.Logf("goleak: %s", firstLines(leak, 4))
		if !strings.Contains(leak, "lookup") || !strings.Contains(leak, "sync.RWMutex.RLock") {
			t.Errorf("leaked goroutine is not lookup blocked on the read lock:\n%s", leak)
		}
		if !strings.Contains(leak, "set") || !strings.Contains(leak, "sync.RWMutex.Lock") {
			t.Errorf("the writer is not blocked on its Lock:\n%s", leak)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		c := &config{vals: map[string]string{"a": "1"}}
		if blocked, leak := blockedIn(t, func() { c.getOrDefaultFixed("a", "", startWriter(c)) }); blocked {
			t.Errorf("getOrDefaultFixed is blocked:\n%s", leak)
		}
		c.rw.Lock()   // the writer has finished: the lock is free
		c.rw.Unlock() //nolint:staticcheck // an empty critical section on purpose: Lock returned, so the writer is done
	})
}

func TestLockCarriedAroundLoop(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		p := &proxy{conns: map[int]bool{}}
		blocked, leak := blockedIn(t, p.retryLeaky)
		if !blocked {
			t.Fatal("retryLeaky finished although its failed iteration kept p.mu")
		}
		t.Logf("goleak: %s", firstLines(leak, 4))
		if !strings.Contains(leak, "retryLeaky") || !strings.Contains(leak, "sync.Mutex.Lock") {
			t.Errorf("leaked goroutine is not retryLeaky blocked on the mutex:\n%s", leak)
		}
		p.mu.Unlock() // let it finish with the test
	})
	t.Run("fixed", func(t *testing.T) {
		p := &proxy{conns: map[int]bool{}}
		if blocked, leak := blockedIn(t, p.retryFixed); blocked {
			t.Errorf("retryFixed is blocked:\n%s", leak)
		}
	})
}

func TestCondNeverSignalled(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		p := &plugin{}
		p.cond = sync.NewCond(&p.mu)
		blocked, leak := blockedIn(t, p.waitActiveLeaky)
		if !blocked {
			t.Fatal("waitActiveLeaky finished although nothing signals its Cond")
		}
		t.Logf("goleak: %s", firstLines(leak, 4))
		if !strings.Contains(leak, "waitActiveLeaky") || !strings.Contains(leak, "sync.Cond.Wait") {
			t.Errorf("leaked goroutine is not waitActiveLeaky in Cond.Wait:\n%s", leak)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		p := &readyPlugin{}
		p.ready = sync.NewCond(&p.mu)
		go func() {
			time.Sleep(settleWriter)
			p.activate()
		}()
		if blocked, leak := blockedIn(t, p.waitActive); blocked {
			t.Errorf("waitActive is blocked after activate:\n%s", leak)
		}
	})
}
