// Package sqlowned holds database/sql code that releases what it acquires
// or hands it to an owner: none of it may be reported.
package sqlowned

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

func deferClose(ctx context.Context, db *sql.DB) ([]user, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
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

func deferredClosure(ctx context.Context, db *sql.DB) (n int, err error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Print(err)
	}
}

func deferredHelperSamePackage(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer closeRows(rows)
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func deferredHelperOtherPackage(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer dbhelpers.CloseRows(rows)
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func deferredInterfaceHelper(ctx context.Context, db *sql.DB) error {
	stmt, err := db.PrepareContext(ctx, "UPDATE users SET seen = now() WHERE id = ?")
	if err != nil {
		return err
	}
	defer dbhelpers.CloseQuietly(stmt)
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

func handedToReader(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	return dbhelpers.Count(rows)
}

func returnedToCaller(ctx context.Context, db *sql.DB, name string) (*sql.Rows, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users WHERE name = ?", name)
	if err != nil {
		return nil, fmt.Errorf("users named %s: %w", name, err)
	}
	return rows, nil
}

func callerOfReturned(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := returnedToCaller(ctx, db, "ann")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// userIter owns its rows: Close releases them.
type userIter struct {
	rows *sql.Rows
	err  error
}

func (it *userIter) Next() bool { return it.rows.Next() }
func (it *userIter) Close() error {
	return it.rows.Close()
}

func storedInStruct(ctx context.Context, db *sql.DB) (*userIter, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return &userIter{rows: rows}, nil
}

type repo struct {
	db      *sql.DB
	byName  *sql.Stmt
	current *sql.Rows
}

func (r *repo) prepare(ctx context.Context) error {
	stmt, err := r.db.PrepareContext(ctx, "SELECT id FROM users WHERE name = ?")
	if err != nil {
		return err
	}
	r.byName = stmt
	return nil
}

func (r *repo) Close() error { return r.byName.Close() }

func (r *repo) open(ctx context.Context) error {
	rows, err := r.byName.QueryContext(ctx, "ann")
	if err != nil {
		return err
	}
	r.current = rows
	return nil
}

func queryRowNeedsNoClose(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	return name, err
}

func queryRowOnTx(tx *sql.Tx) (int, error) {
	var n int
	row := tx.QueryRow("SELECT count(*) FROM users")
	if err := row.Scan(&n); err != nil {
		return 0, err
	}
	return n, nil
}

func deferRollbackThenCommit(ctx context.Context, db *sql.DB, id int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET active = false WHERE id = ?", id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ?", id); err != nil {
		return err
	}
	return tx.Commit()
}

func deferredRollbackClosure(db *sql.DB) (err error) {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			if rerr := tx.Rollback(); rerr != nil {
				log.Print(rerr)
			}
			return
		}
		err = tx.Commit()
	}()
	_, err = tx.Exec("DELETE FROM sessions")
	return err
}

func rollbackOnEveryError(db *sql.DB, id int64) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM sessions WHERE user_id = ?", id); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.Exec("DELETE FROM users WHERE id = ?", id); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func finish(tx *sql.Tx, err error) error {
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func txHandedToFinisherSamePackage(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE counters SET n = n + 1")
	return finish(tx, err)
}

func txHandedToFinisherOtherPackage(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE counters SET n = n + 1")
	return dbhelpers.Finish(tx, err)
}

func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	return tx.Commit()
}

func stmtPreparedOnTx(ctx context.Context, tx *sql.Tx, names []string) error {
	// Closed by database/sql when the transaction ends.
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO users (name) VALUES (?)")
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

func txStmt(ctx context.Context, tx *sql.Tx, shared *sql.Stmt) error {
	_, err := tx.StmtContext(ctx, shared).ExecContext(ctx, 1)
	return err
}

func connDeferClose(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "SELECT 1")
	return err
}

func connTxAndRows(ctx context.Context, db *sql.DB) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT id FROM jobs FOR UPDATE SKIP LOCKED")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE jobs SET taken = true WHERE id = ?", id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func closeInEveryBranch(db *sql.DB) (bool, error) {
	rows, err := db.Query("SELECT 1 FROM users LIMIT 1")
	if err != nil {
		return false, err
	}
	if !rows.Next() {
		rows.Close()
		return false, rows.Err()
	}
	rows.Close()
	return true, nil
}

func loopWithClose(ctx context.Context, db *sql.DB, ids []int64) (int, error) {
	total := 0
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = ?", id)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			total++
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

func sentOnChannel(ctx context.Context, db *sql.DB, out chan<- *sql.Rows) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return err
	}
	out <- rows
	return nil
}

func closedInGoroutine(ctx context.Context, db *sql.DB, done chan<- int) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return err
	}
	go func() {
		defer rows.Close()
		n := 0
		for rows.Next() {
			n++
		}
		done <- n
	}()
	return nil
}

func nilCheckInsteadOfErr(db *sql.DB) int {
	rows, _ := db.Query("SELECT id FROM users")
	if rows == nil {
		return 0
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if rows.Err() != nil {
		return 0
	}
	return n
}

func suppressed(db *sql.DB) {
	rows, _ := db.Query("SELECT 1") //nolint:sqlclose // the test database is dropped after the run
	_ = rows
}

// DBTX lets the same code run on a *sql.DB, *sql.Conn or *sql.Tx.
type DBTX interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

type queries struct{ db DBTX }

func (q *queries) rowsThroughInterface(ctx context.Context) ([]int64, error) {
	rows, err := q.db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return ids, nil
}

func (q *queries) prepareThroughInterface(ctx context.Context) error {
	// q.db may be a transaction, whose statements close with it.
	stmt, err := q.db.PrepareContext(ctx, "DELETE FROM sessions WHERE id = ?")
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, 1)
	return err
}

// session records the first error of a chain of calls, as ORMs do.
type session struct{ err error }

func (s *session) AddError(err error) error {
	if err != nil && s.err == nil {
		s.err = err
	}
	return s.err
}

// releaseGuardedByErrorSink closes the rows only where the session's
// error, which took the query's error, is nil: where it is not, the query
// may have failed and nothing proves the rows exist.
func releaseGuardedByErrorSink(ctx context.Context, db *sql.DB, s *session) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if s.AddError(err) == nil {
		defer rows.Close()
	} else {
		return 0, s.err
	}
	n := 0
	for rows.Next() {
		n++
		if n > 100 {
			break
		}
	}
	return n, rows.Err()
}
