// Package builder wraps a database its user gives it, as query builders
// do, and takes transactions and rows from it.
package builder

import (
	"context"
	"database/sql"
)

// SQLDatabase is what the builder needs of a database.
type SQLDatabase interface {
	Begin() (*sql.Tx, error)
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Database keeps the database it was made with.
type Database struct {
	dialect string
	Db      SQLDatabase
}

func newDatabase(dialect string, db SQLDatabase) *Database {
	return &Database{dialect: dialect, Db: db}
}

// New wraps db.
func New(dialect string, db SQLDatabase) *Database { return newDatabase(dialect, db) }

// NewOrOpen wraps db, or a database it opens itself when given none.
func NewOrOpen(dialect string, db SQLDatabase) (*Database, error) {
	if db == nil {
		opened, err := sql.Open(dialect, "")
		if err != nil {
			return nil, err
		}
		return &Database{dialect: dialect, Db: opened}, nil
	}
	return &Database{dialect: dialect, Db: db}, nil
}

// Begin starts a transaction on the wrapped database.
func (d *Database) Begin() (*sql.Tx, error) {
	return d.Db.Begin()
}

// BeginTx starts a transaction under the caller's context.
func (d *Database) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	return d.Db.BeginTx(ctx, opts)
}

// Query runs a query under the background context.
func (d *Database) Query(q string) (*sql.Rows, error) {
	return d.Db.QueryContext(context.Background(), q)
}
