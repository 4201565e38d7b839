package leakproof

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"modernc.org/sqlite"

	"github.com/leakvet/leakvet/testdata/demo/store"
)

// poolSize is small so that a handful of leaks exhausts the pool.
const poolSize = 2

// The leaky calls below use context.Background on purpose. database/sql
// closes a *sql.Rows and rolls back a *sql.Tx when the context they were
// opened with ends, so under a per-request context those two leaks last until
// the request ends (the "until cancel" cases show it); under a background
// job's or any long-lived context, and always for a *sql.Conn or *sql.Stmt,
// they last for the life of the *sql.DB.

// openStore opens a fresh SQLite database file (a file, not :memory:, so
// that every pooled connection sees the same database) with the demo schema.
func openStore(t *testing.T, maxOpen int) (*sql.DB, *store.Store) {
	t.Helper()
	return openStoreDSN(t, maxOpen, "")
}

// openStoreDSN is openStore with DSN parameters (such as "?_pragma=...").
func openStoreDSN(t *testing.T, maxOpen int, params string) (*sql.DB, *store.Store) {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "orders.db")+params)
	if err != nil {
		t.Fatal(err)
	}
	// Close does not wait for leaked connections; it only drops the idle
	// ones and stops the pool.
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(maxOpen)
	st := store.New(db)
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db, st
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// probe runs a trivial query that needs a connection, giving up after a
// short wait; the wait only bounds the test, nothing is timed.
func probe(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
	defer cancel()
	var one int
	return db.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// exhausts calls leak until it has been called poolSize times, checking
// after each call that one more connection is checked out, then shows that
// the pool is exhausted.
func exhausts(t *testing.T, db *sql.DB, leak func() error) {
	t.Helper()
	for i := 1; i <= poolSize; i++ {
		err := leak()
		if err == nil {
			t.Fatalf("call %d succeeded, want the error path", i)
		}
		t.Logf("call %d: %v", i, err)
		if got := db.Stats().InUse; got != i {
			t.Fatalf("after %d leaking calls InUse = %d, want %d", i, got, i)
		}
	}
	err := probe(db)
	st := db.Stats()
	t.Logf("after %d calls: InUse=%d Idle=%d WaitCount=%d; next query: %v", poolSize, st.InUse, st.Idle, st.WaitCount, err)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("query on an exhausted pool: got %v, want context.DeadlineExceeded", err)
	}
}

// releases calls fixed n times on its error path and checks that no
// connection stays checked out and the pool still serves queries.
func releases(t *testing.T, db *sql.DB, n int, fixed func() error) {
	t.Helper()
	for i := 1; i <= n; i++ {
		if err := fixed(); err == nil {
			t.Fatalf("call %d succeeded, want the error path", i)
		}
		if got := db.Stats().InUse; got != 0 {
			t.Fatalf("after %d calls InUse = %d, want 0", i, got)
		}
	}
	if err := probe(db); err != nil {
		t.Fatalf("query after %d calls: %v", n, err)
	}
	t.Logf("after %d calls: InUse=%d Idle=%d", n, db.Stats().InUse, db.Stats().Idle)
}

const fixedCalls = 10

// heldUntilCancel runs leak under a cancelable context, as a request
// handler would, and shows that the connection stays checked out after the
// function returned and is released only when the context ends.
func heldUntilCancel(t *testing.T, db *sql.DB, leak func(ctx context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := leak(ctx); err == nil {
		t.Fatal("call succeeded, want the error path")
	}
	held := db.Stats().InUse
	cancel()
	released := eventually(t, 5*time.Second, func() bool { return db.Stats().InUse == 0 })
	t.Logf("InUse after the call returned: %d; after its context ended: %d", held, db.Stats().InUse)
	if held != 1 {
		t.Errorf("InUse after the call = %d, want 1", held)
	}
	if !released {
		t.Errorf("InUse = %d after the context ended, want 0", db.Stats().InUse)
	}
}

// TestSQLRows: a Scan error inside the loop returns past rows.Close, and the
// open result set keeps its connection.
func TestSQLRows(t *testing.T) {
	ctx := context.Background()
	// A row an older importer wrote with a text total: scanning it into an
	// int64 fails, which is the error path of both functions.
	const badRow = `INSERT INTO orders (customer_id, status, total_cents) VALUES ('c-1', 'paid', 'n/a')`

	t.Run("leaky OrdersByCustomer", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		mustExec(t, db, badRow)
		exhausts(t, db, func() error {
			_, err := st.OrdersByCustomer(ctx, "c-1")
			return err
		})
	})
	t.Run("leaky OrdersByCustomer until cancel", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		mustExec(t, db, badRow)
		heldUntilCancel(t, db, func(ctx context.Context) error {
			_, err := st.OrdersByCustomer(ctx, "c-1")
			return err
		})
	})
	t.Run("fixed OrdersByStatus", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		mustExec(t, db, badRow)
		releases(t, db, fixedCalls, func() error {
			_, err := st.OrdersByStatus(ctx, "paid")
			return err
		})
	})
}

// TestSQLTx: a failed Exec returns without Rollback, and the open
// transaction keeps its connection and, in SQLite, the write lock its UPDATE
// took: the second leaky call already fails with SQLITE_BUSY ("database is
// locked") rather than on the constraint, and leaks its transaction too.
func TestSQLTx(t *testing.T) {
	ctx := context.Background()

	t.Run("leaky SetStatus", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		mustExec(t, db, `INSERT INTO orders (customer_id) VALUES ('c-1')`)
		// "lost" breaks the status CHECK constraint, so the UPDATE fails.
		exhausts(t, db, func() error { return st.SetStatus(ctx, 1, "lost") })
	})
	t.Run("leaky SetStatus until cancel", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		mustExec(t, db, `INSERT INTO orders (customer_id) VALUES ('c-1')`)
		heldUntilCancel(t, db, func(ctx context.Context) error { return st.SetStatus(ctx, 1, "lost") })
	})
	t.Run("fixed PlaceOrder", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		bad := []store.Item{{SKU: "sku-1", Quantity: 1, PriceCents: 500}, {SKU: "sku-2", Quantity: 0, PriceCents: 100}}
		// A zero quantity breaks the item CHECK constraint after the
		// order row is written; the deferred Rollback undoes it.
		releases(t, db, fixedCalls, func() error {
			_, err := st.PlaceOrder(ctx, "c-1", bad)
			return err
		})
		// No write lock is left behind either: a write succeeds, and none
		// of the failed orders was kept.
		if _, err := st.PlaceOrder(ctx, "c-1", bad[:1]); err != nil {
			t.Fatalf("write after the failed calls: %v", err)
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM orders`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("orders stored: %d (%v), want 1", n, err)
		}
	})
}

// TestSQLConn: a failed staging step returns without Conn.Close, and the
// dedicated connection never goes back to the pool.
func TestSQLConn(t *testing.T) {
	ctx := context.Background()
	// A negative value breaks the staging table's CHECK constraint.
	t.Run("leaky ImportPrices", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		exhausts(t, db, func() error { return st.ImportPrices(ctx, map[string]int64{"sku-1": -100}) })
	})
	t.Run("fixed ImportStock", func(t *testing.T) {
		db, st := openStore(t, poolSize)
		releases(t, db, fixedCalls, func() error { return st.ImportStock(ctx, map[string]int64{"sku-1": -1}) })
	})
}

// stmtBytes reads SQLITE_DBSTATUS_STMT_USED of the pool's only connection:
// the memory SQLite holds for prepared statements on it.
func stmtBytes(t *testing.T, db *sql.DB) int {
	t.Helper()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var cur int
	err = conn.Raw(func(dc any) error {
		var err error
		cur, _, err = dc.(sqlite.DBStatus).Status(sqlite.DBStatusStmtUsed, false)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return cur
}

// TestSQLStmt: an unclosed *sql.Stmt does not pin a connection (database/sql
// returns the connection after each Exec), so it cannot exhaust the pool.
// What it leaks is the prepared statement itself: database/sql keeps the
// *sql.Stmt registered with the *sql.DB, and the driver statement it
// prepared (a compiled SQLite program) stays allocated on the connection
// until the connection closes. The test measures the latter with SQLite's
// own per-connection counter. The pool has a single connection here so that
// every statement lands where the counter is read.
func TestSQLStmt(t *testing.T) {
	ctx := context.Background()
	const calls = 50

	t.Run("leaky AddItems", func(t *testing.T) {
		db, st := openStore(t, 1)
		mustExec(t, db, `INSERT INTO orders (customer_id) VALUES ('c-1')`)
		before := stmtBytes(t, db)
		for i := range calls {
			if err := st.AddItems(ctx, 1, []store.Item{{SKU: "sku-1", Quantity: 1, PriceCents: 250}}); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		after := stmtBytes(t, db)
		t.Logf("prepared-statement memory: %d bytes before, %d after %d calls (%d per call); InUse=%d",
			before, after, calls, (after-before)/calls, db.Stats().InUse)
		if got := db.Stats().InUse; got != 0 {
			t.Errorf("InUse = %d, want 0: a leaked statement does not hold its connection", got)
		}
		// A compiled INSERT of this size takes about 2 KiB in SQLite; 1000
		// bytes per call is a floor that leaves room for other versions.
		if after-before < calls*1000 {
			t.Errorf("prepared-statement memory grew by %d bytes over %d calls, want >= %d", after-before, calls, calls*1000)
		}
	})
	t.Run("fixed AdjustStock", func(t *testing.T) {
		db, st := openStore(t, 1)
		mustExec(t, db, `INSERT INTO products (sku, stock) VALUES ('sku-1', 1000)`)
		before := stmtBytes(t, db)
		for i := range calls {
			if err := st.AdjustStock(ctx, map[string]int{"sku-1": -1}); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		after := stmtBytes(t, db)
		t.Logf("prepared-statement memory: %d bytes before, %d after %d calls", before, after, calls)
		if after != before {
			t.Errorf("prepared-statement memory went from %d to %d bytes, want no change", before, after)
		}
	})
}

// TestSQLRowsReadToTheEnd: rows.Next closes the rows when it returns false,
// so a loop that reads every row holds no connection afterwards even
// without rows.Close (sqlclose does not report it), while a loop that
// leaves early keeps its connection checked out (sqlclose reports it).
func TestSQLRowsReadToTheEnd(t *testing.T) {
	ctx := context.Background()
	countAll := func(db *sql.DB, stopAfter int) (int, error) {
		rows, err := db.QueryContext(ctx, `SELECT id FROM orders`) //nolint:sqlclose // the early exit this test measures
		if err != nil {
			return 0, err
		}
		n := 0
		for rows.Next() {
			n++
			if n == stopAfter {
				break
			}
		}
		return n, rows.Err()
	}
	seed := func(t *testing.T, db *sql.DB) {
		for i := 0; i < 3; i++ {
			mustExec(t, db, `INSERT INTO orders (customer_id, status, total_cents) VALUES ('c-1', 'paid', 100)`)
		}
	}

	t.Run("read to the end", func(t *testing.T) {
		db, _ := openStore(t, 1)
		seed(t, db)
		for i := 0; i < 3; i++ {
			if n, err := countAll(db, -1); err != nil || n != 3 {
				t.Fatalf("countAll = %d, %v; want 3, nil", n, err)
			}
			if got := db.Stats().InUse; got != 0 {
				t.Fatalf("after reading every row InUse = %d, want 0", got)
			}
		}
		if err := probe(db); err != nil {
			t.Fatalf("query after three drained reads: %v", err)
		}
	})

	t.Run("left early", func(t *testing.T) {
		db, _ := openStore(t, 1)
		seed(t, db)
		if n, err := countAll(db, 1); err != nil || n != 1 {
			t.Fatalf("countAll = %d, %v; want 1, nil", n, err)
		}
		if got := db.Stats().InUse; got != 1 {
			t.Fatalf("after leaving the loop early InUse = %d, want 1", got)
		}
		if err := probe(db); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("query on the pool of one: got %v, want context.DeadlineExceeded", err)
		}
	})
}
