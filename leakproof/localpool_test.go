package leakproof

import (
	"database/sql"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// ensureTableLeaky opens a pool of its own to create a table if it is
// missing and returns without closing it, on every path: the shape of a
// start-up helper that checks a database with a pool it then drops
// (sqlclose's testdata "localpools").
func ensureTableLeaky(path string) error {
	db, err := sql.Open("sqlite", path) //nolint:sqlclose // the leak this test measures
	if err != nil {
		return err
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'items'`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	_, err = db.Exec(`CREATE TABLE items (id INTEGER PRIMARY KEY)`)
	return err
}

// ensureTableFixed is the fix: the pool is closed on every return.
func ensureTableFixed(path string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'items'`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	_, err = db.Exec(`CREATE TABLE items (id INTEGER PRIMARY KEY)`)
	return err
}

// TestLocalPool: a dropped pool keeps its idle connection (an open
// descriptor on the database file) and its connection opener goroutine,
// which waits for Close and keeps the pool reachable, so no collection
// ever closes them; the fixed helper leaves neither.
func TestLocalPool(t *testing.T) {
	requireLinux(t)
	const calls = 5
	run := func(t *testing.T, ensure func(string) error) (fds int, leaked error) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "items.db")
		ignore := goleak.IgnoreCurrent()
		for i := 0; i < calls; i++ {
			if err := ensure(path); err != nil {
				t.Fatalf("call %d: %v", i+1, err)
			}
		}
		// Give the collector every chance: what stays is reachable.
		runtime.GC()
		runtime.GC()
		return descriptorsOn(t, path), goleak.Find(ignore)
	}
	t.Run("leaky", func(t *testing.T) {
		fds, err := run(t, ensureTableLeaky)
		if fds != calls {
			t.Errorf("%d descriptors open on the database after %d calls, want %d (one idle connection per dropped pool)", fds, calls, calls)
		}
		if err == nil {
			t.Fatal("goleak found no goroutine left behind")
		}
		if msg := err.Error(); !strings.Contains(msg, "database/sql.(*DB).connectionOpener") {
			t.Errorf("leaked goroutines are not the pools' openers:\n%s", firstLines(msg, 6))
		} else {
			t.Logf("goleak: %s", firstLines(msg, 4))
		}
	})
	t.Run("fixed", func(t *testing.T) {
		fds, err := run(t, ensureTableFixed)
		if fds != 0 {
			t.Errorf("%d descriptors open on the database after the fixed calls, want 0", fds)
		}
		if err != nil {
			t.Errorf("goroutines left after the fixed calls: %v", err)
		}
	})
}
