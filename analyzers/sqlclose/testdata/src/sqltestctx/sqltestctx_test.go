package sqltestctx

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"testctxhelp"
)

// The test's own context: database/sql closes the rows when it ends.
func TestFirstRow(t *testing.T) {
	var db *sql.DB
	rows, err := db.QueryContext(t.Context(), "SELECT n FROM numbers")
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("no row")
	}
}

// Through a helper of another package that wraps t.Context().
func TestHelperContext(t *testing.T) {
	var db *sql.DB
	ctx := testctxhelp.Context(t)
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers")
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
}

// A deadline derived from the test's context.
func TestBounded(t *testing.T) {
	var db *sql.DB
	tx, err := db.BeginTx(testctxhelp.Bounded(t, time.Second), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = tx.Exec("DELETE FROM t")
}

// A subtest that captures the parent test's context.
func TestCaptured(t *testing.T) {
	var db *sql.DB
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	t.Run("one", func(t *testing.T) {
		rows, err := db.QueryContext(ctx, "SELECT n FROM numbers")
		if err != nil {
			t.Fatal(err)
		}
		rows.Next()
	})
}

// A context that outlives the test keeps the rows open.
func TestDetached(t *testing.T) {
	var db *sql.DB
	rows, err := db.QueryContext(testctxhelp.Detached(t), "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 67`
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
}

func TestBackground(t *testing.T) {
	var db *sql.DB
	rows, err := db.QueryContext(testctxhelp.Background(t), "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 76`
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
}

func TestEither(t *testing.T) {
	var db *sql.DB
	rows, err := db.QueryContext(testctxhelp.Either(t, len(t.Name()) > 3), "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 85`
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
}

// A context replaced on one path: the rows may outlive the test.
func TestReplaced(t *testing.T) {
	var db *sql.DB
	ctx := t.Context()
	if testing.Short() {
		ctx = context.Background()
	}
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 99`
	if err != nil {
		t.Fatal(err)
	}
	rows.Next()
}

// A shared variable that the subtest replaces before its query.
func TestReplacedInSubtest(t *testing.T) {
	var db *sql.DB
	ctx := t.Context()
	t.Run("one", func(t *testing.T) {
		ctx = context.Background()
		rows, err := db.QueryContext(ctx, "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 112`
		if err != nil {
			t.Fatal(err)
		}
		rows.Next()
	})
	_ = ctx
}
