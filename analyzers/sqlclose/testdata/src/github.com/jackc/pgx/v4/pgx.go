// Package pgx stands in for github.com/jackc/pgx/v4 (v4.18) in tests: the
// signatures that decide ownership, with bodies that hold nothing.
package pgx

import "context"

type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...interface{}) error
}

type Row interface {
	Scan(dest ...interface{}) error
}

type Tx interface {
	Begin(ctx context.Context) (Tx, error)
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Query(ctx context.Context, sql string, args ...interface{}) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...interface{}) Row
}

type Conn struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Close(ctx context.Context) error { return nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }

func (c *Conn) Begin(ctx context.Context) (Tx, error) { return nil, nil }
