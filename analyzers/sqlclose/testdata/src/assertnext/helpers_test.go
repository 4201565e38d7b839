package assertnext

import (
	"testing"

	"assertnext/check"

	"github.com/stretchr/testify/require"
)

// The assertion helper is in another package: its false result still
// means a failed test.
func TestScanHelperInLoop(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT n FROM t")
	require.NoError(t, err)
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); !check.NoErr(t, err) {
			return
		}
		if !check.Positive(t, n) {
			return
		}
		if n > 100 {
			check.Fail(t, "too large")
			return
		}
	}
}

// A predicate of the other package that fails nothing.
func TestSmallHelperInLoop(t *testing.T) {
	db := open()
	rows, err := db.Query("SELECT n FROM t") // want `rows from db.Query is not closed when returning at line \d+`
	require.NoError(t, err)
	for rows.Next() {
		var n int
		require.NoError(t, rows.Scan(&n))
		if !check.Small(t, n) {
			return
		}
	}
}
