package locks

import "sync"

type queueManager struct{ reshard chan int }

func (m *queueManager) start() {}
func (m *queueManager) stop()  {}

// Negative: the mutex is a baton. The starter locks it and starts a
// goroutine whose loop releases it before taking it back; each Lock of
// the starter's loop waits for that Unlock: the lock passes to the
// goroutine, it is not taken twice by one.
func reshardWhileStopping(m *queueManager) {
	h := sync.Mutex{}
	h.Lock()
	exit := make(chan struct{})
	go func() {
		for {
			m.start()
			h.Unlock()
			h.Lock()
			m.stop()
			select {
			case exit <- struct{}{}:
				return
			default:
			}
		}
	}()
	for i := 1; i < 100; i++ {
		h.Lock()
		m.reshard <- i
		h.Unlock()
	}
	<-exit
}

// Positive: the goroutine takes the lock before it releases it, so it is
// not handed the starter's: the starter's second Lock waits for itself.
func reshardLockingFirst(m *queueManager) {
	h := sync.Mutex{}
	h.Lock()
	exit := make(chan struct{})
	go func() {
		h.Lock()
		m.stop()
		h.Unlock()
		exit <- struct{}{}
	}()
	h.Lock() // want `h is already locked at line 43 on this path: locking it again blocks the goroutine forever`
	m.reshard <- 1
	h.Unlock()
	<-exit
}

// Negative: a named function started as a goroutine, handed the lock
// its starter holds the same way (released first, then taken again and
// released).
func (s *Store) relay() {
	s.mu.Unlock()
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

func (s *Store) HandOverToNamed() {
	s.mu.Lock()
	s.n = 0
	go s.relay()
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}
