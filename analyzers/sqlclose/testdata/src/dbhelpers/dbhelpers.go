// Package dbhelpers holds release helpers that callers in other packages
// use; their summaries reach the callers as facts.
package dbhelpers

import (
	"context"
	"database/sql"
	"io"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
)

// Finish commits when err is nil and rolls back otherwise: either way the
// transaction ends.
func Finish(tx *sql.Tx, err error) error {
	if err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			log.Printf("rollback: %v", rerr)
		}
		return err
	}
	return tx.Commit()
}

// FinishPgx is Finish for pgx.
func FinishPgx(ctx context.Context, tx pgx.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

// FinishSqlx is Finish for sqlx.
func FinishSqlx(tx *sqlx.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// CloseRows closes rows and logs a failure.
func CloseRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Printf("close rows: %v", err)
	}
}

// CloseQuietly closes any closer.
func CloseQuietly(c io.Closer) {
	if c != nil {
		_ = c.Close()
	}
}

// Count reads the rows to the end and closes them.
func Count(rows *sql.Rows) (int, error) {
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// Columns only looks at the rows.
func Columns(rows *sql.Rows) []string {
	cols, _ := rows.Columns()
	return cols
}

// QueryIDs returns open rows; the caller closes them.
func QueryIDs(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT id FROM items")
}
