// Package pgxcases holds pgx v5 code: the functions marked want leak, the
// others release what they acquire or hand it on.
package pgxcases

import (
	"context"
	"dbhelpers"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type user struct {
	ID   int64
	Name string
}

// Leaks.

func rowsNeverClosed(ctx context.Context, conn *pgx.Conn) ([]user, error) {
	rows, err := conn.Query(ctx, "SELECT id, name FROM users") // want `rows from conn.Query is not closed when returning at line 33`
	if err != nil {
		return nil, err
	}
	var out []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err // a failed Scan closes pgx rows
		}
		if u.Name == "" {
			return nil, fmt.Errorf("user %d has no name", u.ID) // Next was true: the rows are open
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func poolRowsEarlyReturn(ctx context.Context, pool *pgxpool.Pool) ([]int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM users") // want `rows from pool.Query is not closed when returning at line 52`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scan: %w", err)
		}
		if id < 0 {
			return nil, fmt.Errorf("bad id %d", id)
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, rows.Err()
}

func txCommittedOnSuccessOnly(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	tx, err := pool.Begin(ctx) // want `transaction from pool.Begin is neither committed nor rolled back when returning at line 66`
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE users SET active = false WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func txOnConnNeverEnded(ctx context.Context, conn *pgx.Conn) (int64, error) {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: "read only"}) // want `transaction from conn.BeginTx is neither committed nor rolled back when returning at line 78`
	if err != nil {
		return 0, err
	}
	var n int64
	err = tx.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

func savepointNotEnded(ctx context.Context, tx pgx.Tx) error {
	sp, err := tx.Begin(ctx) // want `transaction from tx.Begin is neither committed nor rolled back when returning at line 87`
	if err != nil {
		return err
	}
	_, err = sp.Exec(ctx, "DELETE FROM audit")
	return err
}

func acquiredNeverReleased(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx) // want `connection from pool.Acquire is not released when returning at line 96`
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "LISTEN jobs")
	return err
}

func connectNeverClosed(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn) // want `connection from pgx.Connect is not closed when returning at line 104`
	if err != nil {
		return err
	}
	return conn.Ping(ctx)
}

func batchNeverClosed(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("DELETE FROM users WHERE id = $1", id)
	}
	br := pool.SendBatch(ctx, b) // want `batch from pool.SendBatch is not closed when returning at line 114`
	_, err := br.Exec()
	return err
}

func txRowsNotClosed(ctx context.Context, tx pgx.Tx) (bool, error) {
	rows, _ := tx.Query(ctx, "SELECT 1 FROM locks") // want `rows from tx.Query is not closed when returning at line 119`
	return rows.Next(), nil
}

// Not leaks.

func deferClose(ctx context.Context, conn *pgx.Conn) ([]user, error) {
	rows, err := conn.Query(ctx, "SELECT id, name FROM users")
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

func collectRowsCloses(ctx context.Context, pool *pgxpool.Pool) ([]user, error) {
	rows, _ := pool.Query(ctx, "SELECT id, name FROM users")
	return pgx.CollectRows(rows, pgx.RowToStructByName[user])
}

func collectOneRowCloses(ctx context.Context, pool *pgxpool.Pool, id int64) (user, error) {
	rows, err := pool.Query(ctx, "SELECT id, name FROM users WHERE id = $1", id)
	if err != nil {
		return user{}, err
	}
	return pgx.CollectOneRow(rows, pgx.RowToStructByName[user])
}

func forEachRowCloses(ctx context.Context, conn *pgx.Conn) (int64, error) {
	rows, _ := conn.Query(ctx, "SELECT id FROM users")
	var id, sum int64
	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
		sum += id
		return nil
	})
	return sum, err
}

func queryRowNeedsNoClose(ctx context.Context, pool *pgxpool.Pool, id int64) (string, error) {
	var name string
	err := pool.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

func deferRollbackThenCommit(ctx context.Context, pool *pgxpool.Pool, id int64) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "UPDATE users SET active = false WHERE id = $1", id); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func deferredRollbackClosure(ctx context.Context, conn *pgx.Conn) (err error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if _, err = tx.Exec(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func txHandedToFinisher(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE counters SET n = n + 1")
	return dbhelpers.FinishPgx(ctx, tx, err)
}

func beginFuncManagesTx(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, "DELETE FROM sessions")
		return err
	})
}

func acquireDeferRelease(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	_, err = conn.Exec(ctx, "SELECT 1")
	return err
}

func hijackTakesOverFromPool(ctx context.Context, pool *pgxpool.Pool) (*pgx.Conn, error) {
	pc, err := pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return pc.Hijack(), nil
}

func connectDeferClose(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.Ping(ctx)
}

func batchClosed(ctx context.Context, conn *pgx.Conn, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("DELETE FROM users WHERE id = $1", id)
	}
	return conn.SendBatch(ctx, b).Close()
}

func batchDeferClose(ctx context.Context, tx pgx.Tx, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("DELETE FROM users WHERE id = $1", id)
	}
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

func rowsReturned(ctx context.Context, pool *pgxpool.Pool) (pgx.Rows, error) {
	return pool.Query(ctx, "SELECT id FROM users")
}

type store struct {
	pool *pgxpool.Pool
}

func (s *store) begin(ctx context.Context) (pgx.Tx, error) {
	return s.pool.Begin(ctx)
}

func (s *store) callerOfWrapper(ctx context.Context) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "DELETE FROM sessions"); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// More leaks.

func rowsOnlyPrinted(ctx context.Context, pool *pgxpool.Pool) {
	rows, err := pool.Query(ctx, "SELECT * FROM users") // want `rows from pool.Query is not closed when returning at line 296`
	if err != nil {
		return
	}
	fmt.Println("rows:", rows)
}

func rowsInTwoBranches(ctx context.Context, pool *pgxpool.Pool, tx pgx.Tx) (int, error) {
	var rows pgx.Rows
	var err error
	if tx != nil {
		rows, err = tx.Query(ctx, "SELECT id FROM users") // want `rows from tx.Query is not closed when returning at line 316`
	} else {
		rows, err = pool.Query(ctx, "SELECT id FROM users") // want `rows from pool.Query is not closed when returning at line 316`
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n == 1000 {
			break // leaves the rows open
		}
	}
	return n, rows.Err()
}

// More that do not leak.

func deferredClosure(ctx context.Context, conn *pgx.Conn) (int, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer func() { rows.Close() }()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func closeRows(rows pgx.Rows) {
	rows.Close()
}

func deferredHelperSamePackage(ctx context.Context, conn *pgx.Conn) (int, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM users")
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

type cursor struct {
	rows pgx.Rows
}

func (c *cursor) Close() { c.rows.Close() }

func storedInStruct(ctx context.Context, pool *pgxpool.Pool) (*cursor, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	return &cursor{rows: rows}, nil
}

// DBTX is what sqlc generates for pgx: a *pgx.Conn, a pool or a pgx.Tx.
type DBTX interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

type queries struct{ db DBTX }

func (q *queries) rowsThroughInterface(ctx context.Context) ([]int64, error) {
	rows, err := q.db.Query(ctx, "SELECT id FROM users") // want `rows from q.db.Query is not closed when returning at line 385`
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if id == 0 {
			return ids, nil // stops at the first gap: the rows stay open
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (q *queries) rowsThroughInterfaceClosed(ctx context.Context) ([]int64, error) {
	rows, err := q.db.Query(ctx, "SELECT id FROM users")
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
	return ids, rows.Err()
}

func (q *queries) collectThroughInterface(ctx context.Context) ([]int64, error) {
	rows, _ := q.db.Query(ctx, "SELECT id FROM users")
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// scanFailureCloses: pgx closes the rows when Scan fails, and Next closes
// them when it returns false, so this holds nothing on any path.
func scanFailureCloses(ctx context.Context, conn *pgx.Conn) ([]int64, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM users")
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
