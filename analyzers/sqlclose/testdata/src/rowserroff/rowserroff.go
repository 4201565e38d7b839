// Package rowserroff is analysed with the default -rowserr=false: the leak is still
// reported, the unchecked rows.Err no longer.
package rowserroff

import "database/sql"

func count(db *sql.DB, limit int) (int, error) {
	rows, err := db.Query("SELECT 1 FROM users") // want `rows from db.Query is not closed when returning at line 19`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n == limit {
			break
		}
	}
	return n, nil
}
