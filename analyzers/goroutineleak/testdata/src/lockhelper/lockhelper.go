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

// Cursor walks the rows under the table's lock, which Open takes and
// the cursor's Done releases.
type Cursor struct {
	t   *Table
	pos int
}

// Open returns holding t.mu, with a cursor that holds t.
func (t *Table) Open() *Cursor {
	t.mu.Lock()
	return &Cursor{t: t}
}

// Done unlocks the table the cursor holds.
func (c *Cursor) Done() {
	c.t.mu.Unlock()
}

// Batch keeps the cursor, and the lock, until Commit.
type Batch struct {
	cur *Cursor
	n   int
}

// Begin returns holding t.mu, released by the batch's Commit.
func (t *Table) Begin() *Batch {
	b := &Batch{}
	b.cur = t.Open()
	return b
}

// Commit releases the lock through the batch's cursor.
func (b *Batch) Commit() {
	b.cur.Done()
}
