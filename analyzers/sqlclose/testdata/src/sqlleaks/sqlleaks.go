// Package sqlleaks holds database/sql code that leaks: every acquisition
// marked below must be reported.
package sqlleaks

import (
	"context"
	"database/sql"
	"dbhelpers"
	"errors"
	"fmt"
	"log"
)

type user struct {
	ID   int64
	Name string
}

func rowsNeverClosed(ctx context.Context, db *sql.DB) ([]user, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users") // want `rows from db.QueryContext is not closed when returning at line 28`
	if err != nil {
		return nil, err
	}
	var out []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func rowsOnlyPrinted(db *sql.DB) {
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line 44`
	if err != nil {
		log.Print(err)
		return
	}
	fmt.Println(rows)
	log.Printf("rows: %v", rows)
	_ = rows
}

func rowsInTwoBranches(ctx context.Context, db *sql.DB, active bool, limit int) (int, error) {
	var rows *sql.Rows
	var err error
	if active {
		rows, err = db.QueryContext(ctx, "SELECT id FROM users WHERE active") // want `rows from db.QueryContext is not closed when returning at line 64`
	} else {
		rows, err = db.QueryContext(ctx, "SELECT id FROM users") // want `rows from db.QueryContext is not closed when returning at line 64`
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n == limit {
			break // leaves the rows open
		}
	}
	return n, rows.Err()
}

func earlyReturnInLoop(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want `rows from db.QueryContext is not closed when returning at line 76`
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("scan: %w", err)
		}
		names = append(names, name)
	}
	rows.Close()
	return names, rows.Err()
}

func stmtNeverClosed(ctx context.Context, db *sql.DB, names []string) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)") // want `statement from db.PrepareContext is not closed when returning at line 91`
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

func stmtClosedOnlyOnSuccess(db *sql.DB, id int64) error {
	stmt, err := db.Prepare("DELETE FROM users WHERE id = ?") // want `statement from db.Prepare is not closed when returning at line 103`
	if err != nil {
		return err
	}
	if _, err := stmt.Exec(id); err != nil {
		return err
	}
	return stmt.Close()
}

func connNeverClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `connection from db.Conn is not closed when returning at line 114`
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "SET search_path TO app")
	return err
}

func connClosedAfterStep(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `connection from db.Conn is not closed when returning at line 123`
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "CREATE TEMP TABLE t (id INT)"); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "INSERT INTO users SELECT * FROM t")
	return err
}

func txNotEndedOnError(ctx context.Context, db *sql.DB, id int64) error {
	tx, err := db.BeginTx(ctx, nil) // want `transaction from db.BeginTx is neither committed nor rolled back when returning at line 136`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET active = false WHERE id = ?", id); err != nil {
		return err
	}
	return tx.Commit()
}

func txRolledBackOnOneErrorOnly(db *sql.DB, id int64) error {
	tx, err := db.Begin() // want `transaction from db.Begin is neither committed nor rolled back when returning at line 147`
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM sessions WHERE user_id = ?", id); err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM users WHERE id = ?", id); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func txOnConnNeverEnded(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // want `transaction from conn.BeginTx is neither committed nor rolled back when returning at line 162`
	if err != nil {
		return err
	}
	var n int
	return tx.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
}

func rowsFromTx(ctx context.Context, tx *sql.Tx) (int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM users FOR UPDATE") // want `rows from tx.QueryContext is not closed when returning at line 174`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err // database/sql's Scan leaves the rows open
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return n, nil
}

func rowsFromStmt(ctx context.Context, stmt *sql.Stmt) (bool, error) {
	rows, err := stmt.QueryContext(ctx, 1) // want `rows from stmt.QueryContext is not closed when returning at line 189`
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

func discardedRows(db *sql.DB) error {
	_, err := db.Query("SELECT pg_sleep(1)") // want `result of db.Query is discarded: its rows is never closed`
	return err
}

func discardedTx(db *sql.DB) {
	db.Begin() // want `result of db.Begin is discarded: its transaction is never released`
}

func rowsPerIteration(ctx context.Context, db *sql.DB, ids []int64) (int, error) {
	total := 0
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = ?", id) // want `rows from db.QueryContext is not closed before the next loop iteration acquires another`
		if err != nil {
			return 0, err
		}
		if rows.Next() { // one row is enough; the rest stay unread and open
			total++
		}
		if err := rows.Err(); err != nil {
			return 0, err
		}
	}
	return total, nil
}

func helperOnlyInspects(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := dbhelpers.QueryIDs(ctx, db) // want `rows from dbhelpers.QueryIDs is not closed when returning at line 223 \(dbhelpers.QueryIDs returns it unreleased at dbhelpers.go:77\)`
	if err != nil {
		return nil, err
	}
	return dbhelpers.Columns(rows), nil
}

func closeOnErrorOnly(ctx context.Context, db *sql.DB) (*user, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users LIMIT 1") // want `rows from db.QueryContext is not closed when returning at line 240`
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		rows.Close()
		return nil, errors.New("no user")
	}
	var u user
	if err := rows.Scan(&u.ID, &u.Name); err != nil {
		rows.Close()
		return nil, err
	}
	return &u, nil
}

// DBTX lets the same code run on a *sql.DB, *sql.Conn or *sql.Tx.
type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type queries struct{ db DBTX }

func (q *queries) rowsThroughInterface(ctx context.Context) ([]int64, error) {
	rows, err := q.db.QueryContext(ctx, "SELECT id FROM users") // want `rows from q.db.QueryContext is not closed when returning at line 261`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

type txBeginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

func txThroughInterface(ctx context.Context, db txBeginner) error {
	tx, err := db.BeginTx(ctx, nil) // want `transaction from db.BeginTx is neither committed nor rolled back when returning at line 278`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return tx.Commit()
}

// drainedToTheEnd reads every row: rows.Next closes the rows when it
// returns false, so nothing is held on any path.
func drainedToTheEnd(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// nextReturnedToCaller hands back Next's answer: when it was true, the
// rows are still open.
func nextReturnedToCaller(ctx context.Context, db *sql.DB) bool {
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed when returning at line \d+`
	if err != nil {
		return false
	}
	return rows.Next()
}

func scanAll(rows *sql.Rows) ([]int64, error) {
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// scanHelperFails hands on the helper's failure, on which the helper has
// left the rows open.
func scanHelperFails(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `rows from db.QueryContext is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	return scanAll(rows)
}

// guardedButNeverClosed checks the query's error through a joined error,
// and on the path where it is nil the rows are never closed.
func guardedButNeverClosed(ctx context.Context, db *sql.DB, limit int) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `rows from db.QueryContext is not closed when returning at line \d+`
	if err := errors.Join(err); err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n == limit {
			break
		}
	}
	return n, rows.Err()
}

// columnTypesFail returns on ColumnTypes' error, which it reports only for
// rows that are already closed: nothing is left open there.
func columnTypesFail(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := make([]string, len(types))
	for i, ct := range types {
		names[i] = ct.Name()
	}
	return names, nil
}

// columnTypesThenReturn returns without closing after ColumnTypes
// succeeded: the rows are open.
func columnTypesThenReturn(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users") // want `rows from db.QueryContext is not closed when returning at line \d+`
	if err != nil {
		return 0, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	return len(cols), nil
}
