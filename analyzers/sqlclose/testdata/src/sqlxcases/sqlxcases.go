// Package sqlxcases holds sqlx code: the functions marked want leak, the
// others release what they acquire or hand it on.
package sqlxcases

import (
	"context"
	"database/sql"
	"dbhelpers"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type user struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// Leaks.

func queryxNeverClosed(db *sqlx.DB) ([]user, error) {
	rows, err := db.Queryx("SELECT id, name FROM users") // want `rows from db.Queryx is not closed when returning at line 30`
	if err != nil {
		return nil, err
	}
	var out []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func earlyReturnBeforeClose(ctx context.Context, db *sqlx.DB) ([]user, error) {
	rows, err := db.QueryxContext(ctx, "SELECT id, name FROM users") // want `rows from db.QueryxContext is not closed when returning at line 46`
	if err != nil {
		return nil, err
	}
	var out []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, fmt.Errorf("scan user: %w", err)
		}
		out = append(out, u)
	}
	rows.Close()
	return out, rows.Err()
}

func structScanDoesNotClose(db *sqlx.DB) ([]user, error) {
	rows, err := db.NamedQuery("SELECT id, name FROM users WHERE name = :name", map[string]any{"name": "ann"}) // want `rows from db.NamedQuery is not closed when returning at line 61`
	if err != nil {
		return nil, err
	}
	var out []user
	err = sqlx.StructScan(rows, &out)
	return out, err
}

func preparexNeverClosed(db *sqlx.DB, ids []int64) error {
	stmt, err := db.Preparex("DELETE FROM users WHERE id = ?") // want `statement from db.Preparex is not closed when returning at line 71`
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

func namedStmtNeverClosed(ctx context.Context, db *sqlx.DB, u user) error {
	stmt, err := db.PrepareNamedContext(ctx, "INSERT INTO users (id, name) VALUES (:id, :name)") // want `statement from db.PrepareNamedContext is not closed when returning at line 83`
	if err != nil {
		return err
	}
	_, err = stmt.Stmt.ExecContext(ctx, u.ID, u.Name)
	return err
}

func beginxNotEndedOnError(db *sqlx.DB, u user) error {
	tx, err := db.Beginx() // want `transaction from db.Beginx is neither committed nor rolled back when returning at line 92`
	if err != nil {
		return err
	}
	if _, err := tx.NamedExec("UPDATE users SET name = :name WHERE id = :id", u); err != nil {
		return err
	}
	return tx.Commit()
}

func mustBeginNotEndedOnError(db *sqlx.DB, ids []int64) error {
	tx := db.MustBegin() // want `transaction from db.MustBegin is neither committed nor rolled back when returning at line 101`
	for _, id := range ids {
		if _, err := tx.Exec("DELETE FROM users WHERE id = ?", id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func connxNeverClosed(ctx context.Context, db *sqlx.DB) (int, error) {
	conn, err := db.Connx(ctx) // want `connection from db.Connx is not closed when returning at line 114`
	if err != nil {
		return 0, err
	}
	var n int
	err = conn.QueryRowxContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

func txQueryxNeverClosed(tx *sqlx.Tx) (bool, error) {
	rows, err := tx.Queryx("SELECT 1 FROM locks FOR UPDATE") // want `rows from tx.Queryx is not closed when returning at line 122`
	if err != nil {
		return false, err
	}
	return rows.Next(), rows.Err()
}

// Not leaks.

func queryxDeferClose(db *sqlx.DB) ([]user, error) {
	rows, err := db.Queryx("SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func queryxContextDeferClose(ctx context.Context, db *sqlx.DB) ([]map[string]any, error) {
	rows, err := db.QueryxContext(ctx, "SELECT * FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		m := map[string]any{}
		if err := rows.MapScan(m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func selectAndGetNeedNoClose(ctx context.Context, db *sqlx.DB) ([]user, user, error) {
	var all []user
	if err := db.SelectContext(ctx, &all, "SELECT id, name FROM users"); err != nil {
		return nil, user{}, err
	}
	var one user
	err := db.GetContext(ctx, &one, "SELECT id, name FROM users LIMIT 1")
	return all, one, err
}

func queryRowxNeedsNoClose(db *sqlx.DB, id int64) (user, error) {
	var u user
	err := db.QueryRowx("SELECT id, name FROM users WHERE id = ?", id).StructScan(&u)
	return u, err
}

func beginxDeferRollback(db *sqlx.DB, users []user) error {
	tx, err := db.Beginx()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, u := range users {
		if _, err := tx.NamedExec("INSERT INTO users (id, name) VALUES (:id, :name)", u); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func beginTxxHandedToFinisher(ctx context.Context, db *sqlx.DB) error {
	tx, err := db.BeginTxx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE counters SET n = n + 1")
	return dbhelpers.FinishSqlx(tx, err)
}

func preparexDeferClose(db *sqlx.DB, ids []int64) error {
	stmt, err := db.Preparex("DELETE FROM users WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

func prepareNamedDeferClose(db *sqlx.DB, users []user) error {
	stmt, err := db.PrepareNamed("INSERT INTO users (id, name) VALUES (:id, :name)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, u := range users {
		if _, err := stmt.Exec(u); err != nil {
			return err
		}
	}
	return nil
}

func preparedOnTxClosedWithIt(tx *sqlx.Tx, users []user) error {
	stmt, err := tx.PrepareNamed("INSERT INTO users (id, name) VALUES (:id, :name)")
	if err != nil {
		return err
	}
	for _, u := range users {
		if _, err := stmt.Exec(u); err != nil {
			return err
		}
	}
	return nil
}

func connxDeferClose(ctx context.Context, db *sqlx.DB) ([]user, error) {
	conn, err := db.Connx(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var out []user
	err = sqlx.SelectContext(ctx, conn, &out, "SELECT id, name FROM users")
	return out, err
}

func returnsRows(ctx context.Context, db *sqlx.DB) (*sqlx.Rows, error) {
	return db.QueryxContext(ctx, "SELECT id, name FROM users")
}

func callerOfReturnsRows(ctx context.Context, db *sqlx.DB) (int, error) {
	rows, err := returnsRows(ctx, db)
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

func namedStmtQueryx(stmt *sqlx.NamedStmt, arg user) ([]user, error) {
	rows, err := stmt.Queryx(arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []user
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func underlyingRowsClosed(db *sqlx.DB) (int, error) {
	rows, err := db.Queryx("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	return dbhelpers.Count(rows.Rows)
}

// More leaks.

func rowsOnlyPrinted(db *sqlx.DB) {
	rows, err := db.Queryx("SELECT * FROM users") // want `rows from db.Queryx is not closed when returning at line 306`
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v\n", rows)
}

func rowsInTwoBranches(ctx context.Context, db *sqlx.DB, tx *sqlx.Tx) (int, error) {
	var rows *sqlx.Rows
	var err error
	if tx != nil {
		rows, err = tx.QueryxContext(ctx, "SELECT id FROM users") // want `rows from tx.QueryxContext is not closed when returning at line 323`
	} else {
		rows, err = db.QueryxContext(ctx, "SELECT id FROM users") // want `rows from db.QueryxContext is not closed when returning at line 323`
	}
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
	return n, rows.Err()
}

// More that do not leak.

func deferredClosure(db *sqlx.DB) (n int, err error) {
	rows, err := db.Queryx("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
	}()
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func deferredHelperOtherPackage(db *sqlx.DB) (int, error) {
	rows, err := db.Queryx("SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer dbhelpers.CloseQuietly(rows)
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

type userCursor struct {
	rows *sqlx.Rows
}

func (c *userCursor) Close() error { return c.rows.Close() }

func storedInStruct(ctx context.Context, db *sqlx.DB) (*userCursor, error) {
	rows, err := db.QueryxContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return &userCursor{rows: rows}, nil
}

// SliceScan and MapScan fail only on rows already closed: a return on
// their error leaves nothing open, and a loop that reads the rows to the
// end holds nothing.
func sliceScanToEnd(db *sqlx.DB) (map[string][]any, error) {
	rows, err := db.Queryx("SELECT user_id, group_id FROM memberships")
	if err != nil {
		return nil, err
	}
	out := map[string][]any{}
	for rows.Next() {
		row, err := rows.SliceScan()
		if err != nil {
			return nil, err
		}
		key := fmt.Sprint(row[0])
		out[key] = append(out[key], row[1])
	}
	return out, rows.Err()
}

func mapScanToEnd(db *sqlx.DB) ([]map[string]any, error) {
	rows, err := db.Queryx("SELECT * FROM users")
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rows.Next() {
		m := map[string]any{}
		if err := rows.MapScan(m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// A loop left early after a successful scan still holds the rows.
func sliceScanFirstOnly(db *sqlx.DB) ([]any, error) {
	rows, err := db.Queryx("SELECT * FROM users") // want `rows from db.Queryx is not closed when returning at line 422`
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		row, err := rows.SliceScan()
		if err != nil {
			return nil, err
		}
		return row, nil
	}
	return nil, rows.Err()
}

// StructScan can fail on open rows (a column without a field).
func structScanError(db *sqlx.DB) (int, error) {
	rows, err := db.Queryx("SELECT id, name FROM users") // want `rows from db.Queryx is not closed when returning at line 437`
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		var u user
		if err := rows.StructScan(&u); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}
