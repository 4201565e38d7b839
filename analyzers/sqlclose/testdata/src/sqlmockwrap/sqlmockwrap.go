// Package sqlmockwrap: transactions and rows taken through a wrapper from
// a go-sqlmock database hold nothing outside memory, as those taken from
// it directly; through the same wrapper from a real database, under a
// context that can be cancelled, or from a wrapper that may hold another
// database, they hold a connection.
package sqlmockwrap

import (
	"context"
	"database/sql"

	"github.com/DATA-DOG/go-sqlmock"

	"sqlmockwrap/builder"
)

// mockBegin: the wrapper begins on the mock database it was made with.
func mockBegin() error {
	mDB, mock, err := sqlmock.New()
	if err != nil {
		return err
	}
	mock.ExpectBegin()
	db := builder.New("mock", mDB)
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	_ = tx
	return nil
}

// mockBeginBackground: BeginTx under the background context.
func mockBeginBackground() error {
	mDB, _, err := sqlmock.New()
	if err != nil {
		return err
	}
	db := builder.New("mock", mDB)
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	_ = tx
	return nil
}

// mockQuery: rows of the mock database.
func mockQuery() error {
	mDB, _, err := sqlmock.New()
	if err != nil {
		return err
	}
	rows, err := builder.New("mock", mDB).Query("SELECT 1")
	if err != nil {
		return err
	}
	_ = rows.Next()
	return nil
}

// mockBeginContext: the caller's context may be cancellable, and
// database/sql then watches it in a goroutine of the transaction.
func mockBeginContext(ctx context.Context) error {
	mDB, _, err := sqlmock.New()
	if err != nil {
		return err
	}
	db := builder.New("mock", mDB)
	tx, err := db.BeginTx(ctx, nil) // want `result of db.BeginTx is discarded: its transaction is never released \(db.BeginTx returns it unreleased at builder.go:49\)`
	if err != nil {
		return err
	}
	_ = tx
	return nil
}

// realBegin: the wrapper holds a real database.
func realBegin() error {
	sqlDB, err := sql.Open("postgres", "")
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	db := builder.New("postgres", sqlDB)
	tx, err := db.Begin() // want `result of db.Begin is discarded: its transaction is never released \(db.Begin returns it unreleased at builder.go:44\)`
	if err != nil {
		return err
	}
	_ = tx
	return nil
}

// callerBegin: the wrapper is the caller's.
func callerBegin(db *builder.Database) error {
	tx, err := db.Begin() // want `result of db.Begin is discarded: its transaction is never released \(db.Begin returns it unreleased at builder.go:44\)`
	if err != nil {
		return err
	}
	_ = tx
	return nil
}

// orOpenBegin: NewOrOpen holds the mock only on some returns.
func orOpenBegin() error {
	mDB, _, err := sqlmock.New()
	if err != nil {
		return err
	}
	db, err := builder.NewOrOpen("mock", mDB)
	if err != nil {
		return err
	}
	tx, err := db.Begin() // want `result of db.Begin is discarded: its transaction is never released \(db.Begin returns it unreleased at builder.go:44\)`
	if err != nil {
		return err
	}
	_ = tx
	return nil
}
