// Package sqlleak is a driver fixture for sqlclose: rows and a transaction
// that are not released on an error path.
package sqlleak

import (
	"context"
	"database/sql"
)

// Names leaks the rows when a Scan fails.
func Names(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	return names, rows.Err()
}

// Rename neither commits nor rolls back when the update fails.
func Rename(ctx context.Context, db *sql.DB, from, to string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = ? WHERE name = ?", to, from); err != nil {
		return err
	}
	return tx.Commit()
}

// Count never checks rows.Err, so an error that ends the loop early goes
// unnoticed (reported with -sqlclose.rowserr).
func Count(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, nil
}
