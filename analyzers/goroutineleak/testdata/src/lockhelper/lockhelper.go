package lockhelper

import "sync"

type Table struct {
	mu   sync.Mutex
	rows []int
}

// Acquire returns holding t.mu on every path: its callers unlock.
func (t *Table) Acquire() []int {
	t.mu.Lock()
	return t.rows
}

// Release unlocks what Acquire locked.
func (t *Table) Release() {
	t.mu.Unlock()
}

// Len locks and unlocks t.mu.
func (t *Table) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.rows)
}
