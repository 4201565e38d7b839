package assertnext

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	gassert "gotest.tools/v3/assert"
)

// The query has no row: the test passes only when Next returns false,
// which closes the rows.
func TestNextAssertedFalse(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1 WHERE false")
	require.NoError(t, err)
	assert.False(t, rows.Next())
	require.NoError(t, rows.Err())
}

// As above, with require: the test stops when Next returns true.
func TestNextRequiredFalse(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1 WHERE false")
	require.NoError(t, err)
	require.False(t, rows.Next())
}

// One row read, then the end of the rows asserted.
func TestSecondNextAssertedFalse(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1")
	require.NoError(t, err)
	require.True(t, rows.Next())
	var n int
	require.NoError(t, rows.Scan(&n))
	assert.False(t, rows.Next())
}

// Through the assertion object of assert.New, and with the negation
// asserted true.
func TestNextAssertedThroughObject(t *testing.T) {
	db := open()
	a := assert.New(t)
	rows, err := db.Query("SELECT 1 WHERE false")
	require.NoError(t, err)
	a.False(rows.Next())
	other, err := db.Query("SELECT 1 WHERE false")
	require.NoError(t, err)
	a.True(!other.Next())
}

// The test passes when Next returns true: the rows stay open.
func TestNextAssertedTrue(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	assert.True(t, rows.Next())
}

// The first row read and its end never asserted: open.
func TestNextRequiredTrueOnly(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	require.True(t, rows.Next())
	var n int
	require.NoError(t, rows.Scan(&n))
}

// The assertion is on the other rows' Next: the first rows stay open.
func TestNextOfOtherRowsAsserted(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	more := rows.Next()
	other, err := db.Query("SELECT 1 WHERE false")
	require.NoError(t, err)
	assert.False(t, other.Next())
	_ = more
}

// A bool that is not Next's result asserted false: the rows stay open.
func TestOtherBoolAssertedFalse(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	more := rows.Next()
	assert.False(t, more && len(t.Name()) == 0)
}

// gotest.tools: the negation of Next asserted, so Next returned false.
func TestNotNextAssertedGotest(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1 WHERE false")
	require.NoError(t, err)
	gassert.Assert(t, !rows.Next())
}

// gotest.tools: Next itself checked true, so the rows stay open.
func TestNextCheckedGotest(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	gassert.Check(t, rows.Next())
}

// Every row read to the end, which closes the rows; the early return
// follows a failed assertion on Scan's error: the test has failed there.
func TestScanAssertedInLoop(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT n FROM t")
	require.NoError(t, err)
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); !assert.NoError(t, err) {
			return
		}
	}
}

// The statement is checked through the assertion, with a message.
func TestPrepareAsserted(t *testing.T) {
	db := open()
	stmt, err := db.Prepare("SELECT 1")
	if !assert.NoError(t, err, "Prepare failed") {
		return
	}
	defer stmt.Close()
	rows, err := stmt.Query()
	if !assert.NoError(t, err, "Query failed") {
		return
	}
	defer rows.Close()
}

// positive is a plain predicate: its false result fails nothing.
func positive(n int) bool { return n > 0 }

// The early return follows a predicate, not an assertion: a passing test
// takes it with the rows open.
func TestScanCheckedInLoop(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT n FROM t") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	for rows.Next() {
		var n int
		require.NoError(t, rows.Scan(&n))
		if !positive(n) {
			return
		}
	}
}
