// Package batch holds the nightly batch jobs of the billing database:
// bulk loads, backfills, keyset scans, purges and archiving, on
// database/sql.
package batch

import (
	"database/sql"
	"log/slog"
	"sync"
	"time"
)

// Invoice is a row of the invoices table.
type Invoice struct {
	ID         int64
	CustomerID int64
	Cents      int64
	IssuedAt   time.Time
	Status     string
}

// Runner runs batch jobs on db.
type Runner struct {
	db        *sql.DB
	log       *slog.Logger
	chunkSize int
}

// NewRunner returns a Runner.
func NewRunner(db *sql.DB, log *slog.Logger) *Runner {
	return &Runner{db: db, log: log, chunkSize: 500}
}

// StmtCache keeps prepared statements by query text for the life of the
// process.
type StmtCache struct {
	db    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// NewStmtCache returns an empty cache.
func NewStmtCache(db *sql.DB) *StmtCache {
	return &StmtCache{db: db, stmts: map[string]*sql.Stmt{}}
}

// Close closes every cached statement.
func (c *StmtCache) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.stmts {
		s.Close()
		delete(c.stmts, q)
	}
}

func chunks[T any](xs []T, n int) [][]T {
	var out [][]T
	for len(xs) > n {
		out = append(out, xs[:n])
		xs = xs[n:]
	}
	if len(xs) > 0 {
		out = append(out, xs)
	}
	return out
}

func scanInvoice(rows *sql.Rows) (Invoice, error) {
	var inv Invoice
	err := rows.Scan(&inv.ID, &inv.CustomerID, &inv.Cents, &inv.IssuedAt, &inv.Status)
	return inv, err
}
