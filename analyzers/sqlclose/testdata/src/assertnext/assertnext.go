// Package assertnext holds tests that assert the result of rows.Next:
// a Next that returns false has closed the rows, so where the test passes
// only when it does, the rows are released.
package assertnext

import "database/sql"

func open() *sql.DB {
	db, _ := sql.Open("stub", "")
	return db
}
