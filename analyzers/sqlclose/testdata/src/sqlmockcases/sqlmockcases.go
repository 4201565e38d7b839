// Package sqlmockcases: rows, statements and transactions of a go-sqlmock
// database hold nothing outside memory unless a cancellable context makes
// database/sql start its watcher goroutine; those of a real database do.
package sqlmockcases

import (
	"context"
	"database/sql"

	"github.com/DATA-DOG/go-sqlmock"
)

func MockRows() error {
	db, _, err := sqlmock.New()
	if err != nil {
		return err
	}
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	useRows(rows)
	return nil
}

func MockTx() error {
	db, mock, err := sqlmock.New()
	if err != nil {
		return err
	}
	mock.ExpectBegin()
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	rows, err := tx.Query("SELECT 1")
	if err != nil {
		return err
	}
	useRows(rows)
	return nil
}

// The caller's context may be cancellable: database/sql then waits for it
// in a goroutine of the transaction's own.
func MockTxContext(ctx context.Context) error {
	db, _, err := sqlmock.New()
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil) // want `transaction from db.BeginTx is neither committed nor rolled back when returning at line 56`
	if err != nil {
		return err
	}
	useTx(tx)
	return nil
}

// useTx and useRows only look at what they are given.
func useTx(tx *sql.Tx) {}

func useRows(rows *sql.Rows) {}

// A real database's rows hold a connection.
func RealRows(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	rows, err := db.Query("SELECT 1") // want `rows from db.Query is not closed when returning at line 75`
	if err != nil {
		return err
	}
	useRows(rows)
	return nil
}
