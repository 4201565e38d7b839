// Package dbx holds the database/sql helpers that the repositories share.
package dbx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// CloseRows closes rows and reports the iteration or close error through
// *errp when no earlier error is recorded there. Meant to be deferred.
func CloseRows(rows *sql.Rows, errp *error) {
	if err := rows.Err(); err != nil && *errp == nil {
		*errp = err
	}
	if err := rows.Close(); err != nil && *errp == nil {
		*errp = err
	}
}

// Finish commits tx when err is nil and rolls it back otherwise, returning
// the error the caller should report.
func Finish(tx *sql.Tx, err error) error {
	if err != nil {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
			return fmt.Errorf("%w (rollback: %v)", err, rbErr)
		}
		return err
	}
	return tx.Commit()
}

// WithTx runs fn inside a transaction that is committed when fn returns nil
// and rolled back otherwise, including when fn panics.
func WithTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, fn func(*sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Rollback rolls tx back and ignores sql.ErrTxDone, so that it can be
// deferred in front of a Commit.
func Rollback(tx *sql.Tx) {
	_ = tx.Rollback()
}
