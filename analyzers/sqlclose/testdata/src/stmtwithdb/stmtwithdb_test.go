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
