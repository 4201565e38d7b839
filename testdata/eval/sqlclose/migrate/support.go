// Package migrate applies schema migrations under a Postgres advisory lock.
package migrate

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"log/slog"
)

// ErrLocked is returned when another instance holds the migration lock.
var ErrLocked = errors.New("migrate: another instance is migrating")

// lockID is the advisory lock key shared by every instance.
const lockID = 72_616_253

// Migration is one versioned schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Checksum identifies the migration's text.
func (m Migration) Checksum() string {
	sum := sha256.Sum256([]byte(m.SQL))
	return hex.EncodeToString(sum[:])
}

// Migrator applies migrations to db.
type Migrator struct {
	db    *sql.DB
	table string
	log   *slog.Logger
}

// New returns a Migrator that records versions in table.
func New(db *sql.DB, table string, log *slog.Logger) *Migrator {
	return &Migrator{db: db, table: table, log: log}
}

// Lock is a held advisory lock on its own connection.
type Lock struct {
	conn *sql.Conn
}

// Release unlocks and returns the connection to the pool.
func (l *Lock) Release(ctx context.Context) error {
	_, err := l.conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, lockID)
	if cerr := l.conn.Close(); err == nil {
		err = cerr
	}
	return err
}
