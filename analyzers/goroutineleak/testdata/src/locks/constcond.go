package locks

import "sync"

// debugReturn is false: the early return under it never runs.
const debugReturn = false

func lockedNeverReturns(mu *sync.Mutex, n *int) {
	mu.Lock()
	if false {
		return
	}
	*n++
	mu.Unlock()
}

func lockedConstFlag(mu *sync.Mutex, n *int) {
	mu.Lock()
	if debugReturn {
		return
	}
	*n++
	mu.Unlock()
}

// A condition that is not constant may hold: the return runs with mu held.
func lockedMaybeReturns(mu *sync.Mutex, n *int) {
	mu.Lock() // want `mu is still locked when returning at line \d+: every later Lock of it blocks forever`
	if *n < 0 {
		return
	}
	*n++
	mu.Unlock()
}
