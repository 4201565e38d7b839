package leakproof

import (
	"context"
	"database/sql"
	"testing"
)

// The shape of analyzers/sqlclose/testdata/src/rowsiface: a query method
// of an interface returns the rows as an interface of the program's own
// that *sql.Rows satisfies. Behind it are a prepared statement's rows,
// which hold a pool connection until closed, whatever the static type
// they are reached through.

type ifaceRows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

type ifaceQuerier interface {
	QueryContext(ctx context.Context, args ...any) (ifaceRows, error)
}

type stmtQuerier struct{ *sql.Stmt }

func (s stmtQuerier) QueryContext(ctx context.Context, args ...any) (ifaceRows, error) {
	return s.Stmt.QueryContext(ctx, args...)
}

// firstIDLeaky scans the first row and returns; a scan error leaves the
// rows, and the connection, checked out.
func firstIDLeaky(ctx context.Context, q ifaceQuerier) (int64, error) {
	rows, err := q.QueryContext(ctx) //nolint:sqlclose // the leak this test measures
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, rows.Err()
	}
	var id int64
	err = rows.Scan(&id)
	return id, err
}

func firstIDFixed(ctx context.Context, q ifaceQuerier) (int64, error) {
	rows, err := q.QueryContext(ctx)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		return 0, rows.Err()
	}
	var id int64
	err = rows.Scan(&id)
	return id, err
}

// prepareNames makes a table whose rows do not scan into an int64 and
// prepares a query of it on the pool.
func prepareNames(t *testing.T, db *sql.DB) ifaceQuerier {
	t.Helper()
	mustExec(t, db, `CREATE TABLE names (name TEXT NOT NULL)`)
	mustExec(t, db, `INSERT INTO names (name) VALUES ('alpha'), ('beta'), ('gamma')`)
	stmt, err := db.PrepareContext(context.Background(), `SELECT name FROM names`)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stmt.Close() })
	return stmtQuerier{stmt}
}

func TestRowsThroughInterfaceLeak(t *testing.T) {
	db, _ := openStore(t, poolSize)
	q := prepareNames(t, db)
	exhausts(t, db, func() error {
		_, err := firstIDLeaky(context.Background(), q)
		return err
	})
}

func TestRowsThroughInterfaceFixed(t *testing.T) {
	db, _ := openStore(t, poolSize)
	q := prepareNames(t, db)
	releases(t, db, fixedCalls, func() error {
		_, err := firstIDFixed(context.Background(), q)
		return err
	})
}
