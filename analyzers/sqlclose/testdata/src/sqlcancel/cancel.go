package sqlcancel

import (
	"context"
	"database/sql"
)

// firstFew: database/sql closes rows whose context is done, and the
// deferred cancel runs at every return.
func firstFew(db *sql.DB, limit int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers")
	if err != nil {
		return err
	}
	if limit == 0 {
		return nil
	}
	defer rows.Close()
	return rows.Err()
}

// firstFewNoCancel: the same without a cancel leaves the rows open.
func firstFewNoCancel(db *sql.DB, limit int) error {
	ctx := context.Background()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 32`
	if err != nil {
		return err
	}
	if limit == 0 {
		return nil
	}
	defer rows.Close()
	return rows.Err()
}

// txCancelled: cancelling the context rolls the transaction back.
func txCancelled(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		cancel()
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		cancel()
		return err
	}
	defer cancel()
	return tx.Commit()
}

// txNotCancelled: one error path forgets both the rollback and the cancel.
func txNotCancelled(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := db.BeginTx(ctx, nil) // want `transaction from db.BeginTx is neither committed nor rolled back when returning at line 63`
	if err != nil {
		cancel()
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err
	}
	defer cancel()
	return tx.Commit()
}

// preparedNoCancel: a statement is not closed by a context's end.
func preparedNoCancel(db *sql.DB) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := db.PrepareContext(ctx, "SELECT 1") // want `result of db.PrepareContext is discarded: its statement is never closed`
	if err != nil {
		return err
	}
	return err
}
