// Package viainterface checks that a table method reached through an
// interface of the program's own acquires the same resource.
package viainterface

import (
	"context"
	"database/sql"
)

// DBTX is what sqlc generates: *sql.DB, *sql.Conn and *sql.Tx satisfy it.
type DBTX interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func List(ctx context.Context, db DBTX) (*sql.Rows, error) { // want List:`lifetime\(returns owned sql.Rows in result 0\)`
	return db.QueryContext(ctx, "SELECT id FROM users")
}

// Prepare's statement needs no Close when db is a transaction: no entry
// for PrepareContext reaches through interfaces.
func Prepare(ctx context.Context, db DBTX) (*sql.Stmt, error) {
	return db.PrepareContext(ctx, "SELECT id FROM users")
}
