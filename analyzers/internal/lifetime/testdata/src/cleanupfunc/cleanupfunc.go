// Package cleanupfunc checks that a resource returned together with the
// function that releases it is not an owned result: the caller's duty is
// to call the function.
package cleanupfunc

import (
	"context"
	"database/sql"
)

// Conn returns a dedicated connection and the cleanup that returns it to
// the pool.
func Conn(ctx context.Context, db *sql.DB) (*sql.Conn, func() error, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() error { return conn.Close() }
	return conn, cleanup, nil
}

// Plain returns the connection alone: the caller closes it.
func Plain(ctx context.Context, db *sql.DB) (*sql.Conn, error) { // want Plain:`lifetime\(returns owned sql.Conn in result 0\)`
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return conn, nil
}
