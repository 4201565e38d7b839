package lockcaller

import "lockhelper"

// Negative: the helpers of another package pair up.
func Sum(t *lockhelper.Table) int {
	rows := t.Acquire()
	defer t.Release()
	n := 0
	for _, r := range rows {
		n += r
	}
	return n
}

// Positive: the early return keeps the lock another package's helper took.
func First(t *lockhelper.Table) int {
	rows := t.Acquire() // want `the lock t.Acquire takes is still locked when returning at line 20`
	if len(rows) == 0 {
		return -1
	}
	t.Release()
	return rows[0]
}

// Positive: a helper of another package locks what this path holds.
func Count(t *lockhelper.Table) int {
	rows := t.Acquire()
	n := t.Len() // want `the lock t.Acquire takes is already locked at line 28 on this path, and t.Len locks it again`
	t.Release()
	return n + len(rows)
}

// Negative: another package's cursor releases the table's lock, and so
// does its batch's Commit, before the next one takes it.
func Scan(t *lockhelper.Table) int {
	c := t.Open()
	c.Done()
	b := t.Begin()
	b.Commit()
	return t.Len()
}

// Positive: the cursor is not done when the table's length is asked.
func Peek(t *lockhelper.Table) int {
	c := t.Open()
	n := t.Len() // want `the lock t.Open takes is already locked at line 46 on this path, and t.Len locks it again`
	c.Done()
	return n
}
