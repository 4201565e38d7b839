// Package txscoped reads rows and prepares statements inside a
// transaction: ending the transaction (Commit or Rollback) closes them,
// so a function that ends it on every path leaves nothing open, and one
// that does not still owes them.
package txscoped

import (
	"context"
	"database/sql"
)

// The rollback is deferred: the scan error's return ends the
// transaction, and with it the rows.
func countDeferredRollback(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT n FROM t")
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return total, tx.Commit()
}

// A statement of the transaction, never closed, ends with it.
func insertDeferredRollback(db *sql.DB, names []string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare("INSERT INTO t(name) VALUES (?)")
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.Exec(n); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// The transaction is left open on the scan error's return: the rows,
// and the connection, stay.
func countNoRollback(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil) // want `transaction from db.BeginTx is neither committed nor rolled back when returning at line \d+`
	if err != nil {
		return 0, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT n FROM t") // want `rows from tx.QueryContext is not closed when returning at line \d+`
	if err != nil {
		return 0, err
	}
	var n int
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, tx.Commit()
}
