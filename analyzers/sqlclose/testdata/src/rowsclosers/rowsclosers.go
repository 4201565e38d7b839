// Package rowsclosers hands fresh rows to a function that closes them.
package rowsclosers

import (
	"context"
	"database/sql"
)

type record struct{ a, b string }

// scanOne closes the rows on every path but the first: Err is non-nil
// only on rows that are closed already (or that their context's watcher
// closes).
func scanOne(rows *sql.Rows, r *record) error {
	if rows.Err() != nil {
		return rows.Err()
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(&r.a, &r.b); err != nil {
		return err
	}
	return rows.Close()
}

// scanFirst returns before closing when the first column is empty.
func scanFirst(rows *sql.Rows, r *record) error {
	if !rows.Next() {
		return sql.ErrNoRows
	}
	if err := rows.Scan(&r.a, &r.b); err != nil {
		return err
	}
	if r.a == "" {
		return sql.ErrNoRows
	}
	return rows.Close()
}

// The rows go to scanOne, which closes them however it returns.
func loadOne(ctx context.Context, db *sql.DB, r *record) error {
	rows, err := db.QueryContext(ctx, "select a, b from t")
	if err != nil {
		return err
	}
	return scanOne(rows, r)
}

// scanFirst leaves them open when it fails on an empty column.
func loadFirst(ctx context.Context, db *sql.DB, r *record) error {
	rows, err := db.QueryContext(ctx, "select a, b from t") // want `rows from db.QueryContext is not closed`
	if err != nil {
		return err
	}
	return scanFirst(rows, r)
}

// A check of Err before reading: where it is nil the rows are open and
// still owed.
func checkThenDrop(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "select a from t") // want `rows from db.QueryContext is not closed`
	if err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return nil
}
