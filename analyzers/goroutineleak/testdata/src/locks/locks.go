package locks

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"
)

type Store struct {
	mu   sync.Mutex
	rw   sync.RWMutex
	data map[string]int
	n    int
}

var errMissing = errors.New("missing")

// Positive: the early return leaves s.mu locked.
func (s *Store) EarlyReturn(k string) (int, error) {
	s.mu.Lock() // want `s.mu is still locked when returning at line 24: every later Lock of it blocks forever`
	v, ok := s.data[k]
	if !ok {
		return 0, errMissing
	}
	s.mu.Unlock()
	return v, nil
}

// Negative: defer Unlock.
func (s *Store) Deferred(k string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.data[k]
	if !ok {
		return 0, errMissing
	}
	return v, nil
}

// Negative: Unlock on every branch.
func (s *Store) EveryBranch(k string) (int, error) {
	s.mu.Lock()
	v, ok := s.data[k]
	if !ok {
		s.mu.Unlock()
		return 0, errMissing
	}
	s.mu.Unlock()
	return v, nil
}

// Positive: a read lock held on the early return.
func (s *Store) ReadEarly(k string) int {
	s.rw.RLock() // want `s.rw is still read-locked when returning at line 58`
	v, ok := s.data[k]
	if !ok {
		return -1
	}
	s.rw.RUnlock()
	return v
}

// Negative: RLock paired with RUnlock on every path.
func (s *Store) ReadPaired(k string) int {
	s.rw.RLock()
	defer s.rw.RUnlock()
	return s.data[k]
}

// Negative: released in a deferred closure.
func (s *Store) DeferredClosure(k string) int {
	s.mu.Lock()
	defer func() {
		s.n++
		s.mu.Unlock()
	}()
	if k == "" {
		return 0
	}
	return s.data[k]
}

// Negative: a lock helper returns holding the lock on every path: a
// summary, not a finding.
func (s *Store) lockAndGet(k string) int {
	s.mu.Lock()
	return s.data[k]
}

// Negative: an unlock helper releases a lock it did not take.
func (s *Store) unlockAndCount() {
	s.n++
	s.mu.Unlock()
}

// Negative: the caller of the helpers pairs them.
func (s *Store) UsesHelpers(k string) int {
	v := s.lockAndGet(k)
	s.unlockAndCount()
	return v
}

// Positive: the caller of the lock helper returns early holding the lock.
func (s *Store) HelperEarly(k string) int {
	v := s.lockAndGet(k) // want `the lock s.lockAndGet takes is still locked when returning at line 108`
	if v < 0 {
		return v
	}
	s.mu.Unlock()
	return v
}

// Negative: the lock is handed to a goroutine that releases it.
func (s *Store) HandedToGoroutine(k string) {
	s.mu.Lock()
	if k == "" {
		go func() {
			s.n++
			s.mu.Unlock()
		}()
		return
	}
	s.mu.Unlock()
}

// Negative: the path that keeps the lock panics.
func (s *Store) PanicsHolding(k string) int {
	s.mu.Lock()
	v, ok := s.data[k]
	if !ok {
		panic("missing " + k)
	}
	s.mu.Unlock()
	return v
}

func fatal(msg string) {
	panic(msg)
}

// Negative: the path that keeps the lock calls a function that never
// returns.
func (s *Store) DiesHolding(k string) int {
	s.mu.Lock()
	v, ok := s.data[k]
	if !ok {
		fatal(k)
	}
	s.mu.Unlock()
	return v
}

// Negative: the function never unlocks: whose pairing it is is unsure.
func (s *Store) NeverUnlocks(k string) int {
	s.mu.Lock()
	if k == "" {
		return 0
	}
	return s.data[k]
}

// Negative: a conditional lock helper, locked only when it says true.
func (s *Store) lockIfPresent(k string) bool {
	s.mu.Lock()
	if _, ok := s.data[k]; !ok {
		s.mu.Unlock()
		return false
	}
	return true
}

// Negative: the caller unlocks when the helper says it locked.
func (s *Store) UsesLockIfPresent(k string) int {
	if !s.lockIfPresent(k) {
		return 0
	}
	defer s.mu.Unlock()
	return s.data[k]
}

// Negative: an exported conditional helper, locked on success.
func (s *Store) LockOpen() error {
	s.mu.Lock()
	if s.data == nil {
		s.mu.Unlock()
		return errMissing
	}
	return nil
}

// Positive: an unexported function whose one early return (with a nil
// error) keeps the lock, and whose callers never unlock after it: a
// forgotten Unlock, not a helper.
func (s *Store) cleanup() error {
	s.mu.Lock() // want `s.mu is still locked when returning at line 198`
	if s.n == 0 {
		return nil
	}
	s.mu.Unlock()
	return errMissing
}

func (s *Store) Reset() {
	s.cleanup()
}

// Negative: the same condition decides the Lock and the Unlock.
func (s *Store) CorrelatedCondition(locking bool) int {
	if locking {
		s.mu.Lock()
	}
	v := s.n
	if locking {
		s.mu.Unlock()
	}
	return v
}

// Positive: TryLock succeeded, and the early return keeps the lock.
func (s *Store) TryEarly(k string) bool { // want TryEarly:`sets\[0\]`
	if !s.mu.TryLock() { // want `s.mu is still locked when returning at line 226`
		return false
	}
	if k == "" {
		return false
	}
	s.mu.Unlock()
	return true
}

// Negative: TryLock paired.
func (s *Store) TryPaired() bool { // want TryPaired:`sets\[0\]`
	if s.mu.TryLock() {
		s.n++
		s.mu.Unlock()
		return true
	}
	return false
}

var global sync.Mutex

// Positive: a package-level mutex.
func GlobalEarly(n int) int {
	global.Lock() // want `global is still locked when returning at line 248`
	if n == 0 {
		return 0
	}
	global.Unlock()
	return n
}

// Negative: an unlock function returned to the caller.
func (s *Store) LockWithRelease() func() {
	s.mu.Lock()
	if s.n == 0 {
		return func() { s.mu.Unlock() }
	}
	return s.mu.Unlock
}

// Positive: Lock while already held on this path.
func (s *Store) DoubleLock(k string) {
	s.mu.Lock()
	if k == "" {
		s.mu.Lock() // want `s.mu is already locked at line 265 on this path: locking it again blocks the goroutine forever`
	}
	s.mu.Unlock()
}

// Positive: RLock then Lock of the same RWMutex.
func (s *Store) Upgrade(k string) {
	s.rw.RLock()
	if _, ok := s.data[k]; !ok {
		s.rw.Lock() // want `s.rw is already read-locked at line 274 on this path: locking it for writing blocks the goroutine forever`
		s.data[k] = 0
		s.rw.Unlock()
	}
	s.rw.RUnlock()
}

// Positive: a second read lock while holding one (Upgrade write-locks s.rw).
func (s *Store) TwoReads() int {
	s.rw.RLock()
	s.rw.RLock() // want `s.rw is already read-locked at line 285 on this path: read-locking it again, and a Lock of it waiting in between \(line 276\) blocks both forever`
	v := s.n
	s.rw.RUnlock()
	s.rw.RUnlock()
	return v
}

func (s *Store) Get(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data[k]
}

// Positive: a callee that locks the held mutex.
func (s *Store) CallsLockingMethod(k string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Get(k) // want `s.mu is already locked at line 301 on this path, and s.Get locks it again: the goroutine blocks forever`
}

// Negative: the callee runs after the Unlock.
func (s *Store) CallsAfterUnlock(k string) int {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
	return s.Get(k)
}

// Negative: main's returns end the process.
func main() {}

type Locker struct {
	mu   sync.Mutex
	busy bool
}

func try(f func() error) error { return f() }

// Negative: an exported lock whose mutex stays held until Unlock, on
// success only.
func (l *Locker) Lock(db string) error {
	l.mu.Lock()
	if db == "" {
		l.mu.Unlock()
		return fmt.Errorf("no db: %s", db)
	}
	err := try(func() error {
		if l.busy {
			return errMissing
		}
		return nil
	})
	if err != nil {
		l.mu.Unlock()
		return fmt.Errorf("acquire: %w", err)
	}
	return nil
}

// Unlock releases what Lock took.
func (l *Locker) Unlock() {
	l.mu.Unlock()
}

// Negative: the path that keeps the lock returns it to the caller.
func (l *Locker) Reserve(n int) (lock *sync.Mutex, err error) {
	for {
		l.mu.Lock()
		if n < 0 {
			l.mu.Unlock()
			err = errMissing
			break
		}
		if n == 0 {
			lock = &l.mu
			break
		}
		l.mu.Unlock()
		n--
	}
	return
}

type Rows struct {
	closemu  sync.RWMutex
	scanHold bool
	raw      []byte
}

func (r *Rows) scan() error { return nil }

// Negative: a flag in the owner records that the read lock is kept on
// purpose, for Next or Close to release.
func (r *Rows) Scan(keep bool) error {
	r.closemu.RLock()
	err := r.scan()
	if err == nil && keep {
		r.scanHold = true
	} else {
		r.closemu.RUnlock()
	}
	return err
}

// Next releases what Scan kept.
func (r *Rows) Next() bool { // want Next:`sets\[0\]`
	if r.scanHold {
		r.scanHold = false
		r.closemu.RUnlock()
	}
	return true
}

type node struct {
	mu     sync.Mutex
	parent *node
	n      int
}

// Negative: hand-over-hand locking up a tree: the lock moves with the
// loop variable, and the last one is released.
func (i *node) prune() {
	for i != nil {
		i.mu.Lock()
		if i.n > 0 {
			for i.parent != nil && i.n == 0 {
				parent := i.parent
				parent.mu.Lock()
				i.mu.Unlock()
				i = parent
			}
			i.mu.Unlock()
			return
		}
		i.mu.Unlock()
		i = i.parent
	}
}

// Positive: released on one branch only; the other falls off the end.
func (s *Store) UnlockOnOneBranch(k string) {
	s.mu.Lock() // want `s.mu is still locked when returning at line 431`
	if k != "" {
		s.mu.Unlock()
	}
}

// Positive: breaking out of the polling loop keeps the lock (GoBench
// cockroach#584).
func (s *Store) BreakOutHolding() {
	for {
		s.mu.Lock() // want `s.mu is still locked when returning at line 443`
		if s.n > 0 {
			break
		}
		s.mu.Unlock()
	}
}

// Negative: suppressed for this category.
func (s *Store) Suppressed(k string) int {
	s.mu.Lock() //nolint:goroutineleak/lock // released by Close on purpose
	if k == "" {
		return 0
	}
	s.mu.Unlock()
	return 1
}

type semaphore struct {
	sync.Mutex
}

func alloc() uintptr { return 0 }

func notifyLater(p uintptr) {}

// Negative: a mutex in memory reached through unsafe.Pointer, locked again
// to wait until foreign code unlocks it (a semaphore).
func WaitForNotify() {
	p := alloc()
	m := (*semaphore)(unsafe.Pointer(p))
	m.Lock()
	notifyLater(p)
	m.Lock()
	m.Unlock()
}

// Negative: the same semaphore captured by a callback that unlocks it.
func WaitForNotifyOrCancel(cancel bool) {
	p := alloc()
	m := (*semaphore)(unsafe.Pointer(p))
	m.Lock()
	notifyLater(p)
	if cancel {
		defer func() { m.Unlock() }()
	}
	m.Lock()
	m.Unlock()
}
