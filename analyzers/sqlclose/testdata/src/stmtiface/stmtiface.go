// Package stmtiface prepares statements through interfaces of its own.
// Where a transaction cannot satisfy the interface (it also asks for
// Begin or Ping, which *sql.Tx lacks), the statement comes from a
// database or a connection and must be closed; where a transaction can,
// it may close with the transaction.
package stmtiface

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// Database is what a *sql.DB offers and a *sql.Tx does not.
type Database interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
	PingContext(ctx context.Context) error
}

type store struct{ db Database }

func (s *store) stmtFromDatabaseInterfaceNeverClosed(ctx context.Context, id int64) error {
	stmt, err := s.db.PrepareContext(ctx, "DELETE FROM users WHERE id = ?") // want `statement from s.db.PrepareContext is not closed when returning at line 30`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, id)
	return err
}

func (s *store) stmtFromDatabaseInterfaceClosed(ctx context.Context, id int64) error {
	stmt, err := s.db.PrepareContext(ctx, "DELETE FROM users WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	_, err = stmt.ExecContext(ctx, id)
	return err
}

// Preparer is satisfied by a transaction too: its statements may close
// with the transaction.
type Preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func stmtFromPreparerMayBeTransactions(ctx context.Context, p Preparer, id int64) error {
	stmt, err := p.PrepareContext(ctx, "DELETE FROM users WHERE id = ?")
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx, id)
	return err
}

// XDatabase is a *sqlx.DB's: a *sqlx.Tx has no Beginx.
type XDatabase interface {
	Preparex(query string) (*sqlx.Stmt, error)
	Beginx() (*sqlx.Tx, error)
}

func sqlxStmtFromDatabaseInterfaceNeverClosed(db XDatabase, id int64) error {
	stmt, err := db.Preparex("DELETE FROM users WHERE id = ?") // want `statement from db.Preparex is not closed when returning at line 70`
	if err != nil {
		return err
	}
	_, err = stmt.Exec(id)
	return err
}

// XPreparer is satisfied by a *sqlx.Tx.
type XPreparer interface {
	Preparex(query string) (*sqlx.Stmt, error)
}

func sqlxStmtFromPreparerMayBeTransactions(db XPreparer, id int64) error {
	stmt, err := db.Preparex("DELETE FROM users WHERE id = ?")
	if err != nil {
		return err
	}
	_, err = stmt.Exec(id)
	return err
}
