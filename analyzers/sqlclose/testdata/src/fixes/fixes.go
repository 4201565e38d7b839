// Package fixes checks the suggested fixes: a deferred release right after
// the error check.
package fixes

import (
	"context"
	"database/sql"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

func rows(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1 FROM users") // want `rows from db.QueryContext is not closed`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n == 10 {
			break
		}
	}
	return n, rows.Err()
}

func tx(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil) // want `transaction from db.BeginTx is neither committed nor rolled back`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return tx.Commit()
}

func sqlxStmt(db *sqlx.DB) error {
	stmt, err := db.Preparex("DELETE FROM sessions WHERE id = ?") // want `statement from db.Preparex is not closed`
	if err != nil {
		return err
	}
	_, err = stmt.Exec(1)
	return err
}

func pooled(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) // want `connection from pool.Acquire is not released`
	if err != nil {
		return err
	}
	return conn.Ping(ctx)
}

// A pgx transaction's release needs a context: no fix is offered.
func pgxTx(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx) // want `transaction from conn.Begin is neither committed nor rolled back`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// The error check ends the process through a helper of the package: the
// release is deferred right after it, as after a return.
func fatal(err error) {
	log.Fatal(err)
}

func rowsOrDie(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1 FROM users") // want `rows from db.QueryContext is not closed`
	if err != nil {
		fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
		if n == 10 {
			break
		}
	}
	return n, rows.Err()
}

// The scan error leaks the rows. The deferred close replaces the explicit
// one right before the last return, so the fixed code closes once.
func ids(ctx context.Context, db *sql.DB) ([]int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `rows from db.QueryContext is not closed when returning at line 102`
	if err != nil {
		return nil, err
	}
	var out []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	rows.Close()
	return out, nil
}

// Work follows the explicit close (another statement on the same
// database): it stays where it is, and the defer is added alone.
func idsThenUpdate(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `rows from db.QueryContext is not closed when returning at line 120`
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return err
		}
	}
	rows.Close()
	_, err = db.ExecContext(ctx, "UPDATE users SET seen = true")
	return err
}
