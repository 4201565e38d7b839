package stmtwithdb

import (
	"context"
	"testing"
)

// A cleanup registered with the test closes the database.
func TestStmtCleanupDBClose(t *testing.T) {
	db := open()
	t.Cleanup(func() { db.Close() })
	stmt, err := db.PrepareContext(context.Background(), "SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		t.Fatal(err)
	}
}

// A cleanup registered with the test closes nothing.
func TestStmtCleanupKeepsDB(t *testing.T) {
	db := open()
	t.Cleanup(func() { logOnly(db) })
	stmt, err := db.PrepareContext(context.Background(), "SELECT 1") // want `statement from db.PrepareContext is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		t.Fatal(err)
	}
}

// The test closes the database by a plain call at its end; the returns
// before it follow a failed test.
func TestStmtPlainDBClose(t *testing.T) {
	db := open()
	stmt, err := db.Prepare("SELECT 1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		t.Fatalf("exec: %v", err)
	}
	stmt, err = db.Prepare("SELECT 2")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = stmt.Exec()
	db.Close()
}

// The test returns early, on a path it passes, before the close.
func TestStmtPlainDBCloseSkipped(t *testing.T) {
	db := open()
	stmt, err := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stmt.Exec(); err != nil {
		return
	}
	db.Close()
}
