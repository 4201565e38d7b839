// Package rowwrapper checks that a resource returned as a type that cannot
// release it is not an owned result: whoever made that type owns it.
package rowwrapper

import "database/sql"

// Row is one row of a query; Scan reads it and closes the rows.
type Row sql.Rows

func (r *Row) Scan(dest ...any) error {
	rows := (*sql.Rows)(r)
	defer rows.Close()
	if !rows.Next() {
		return sql.ErrNoRows
	}
	return rows.Scan(dest...)
}

// QueryRow returns its rows as a *Row, which has no Close: callers have
// nothing to release.
func QueryRow(db *sql.DB, q string) *Row {
	rows, _ := db.Query(q)
	return (*Row)(rows)
}

// Query returns the rows themselves: the caller closes them.
func Query(db *sql.DB, q string) (*sql.Rows, error) { // want Query:`lifetime\(returns owned sql.Rows in result 0\)`
	return db.Query(q)
}
