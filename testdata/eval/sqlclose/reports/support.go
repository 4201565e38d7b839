// Package reports runs the analytics queries of the back office on sqlx.
package reports

import (
	"time"

	"github.com/jmoiron/sqlx"
)

// Reports runs report queries.
type Reports struct {
	db        *sqlx.DB
	topByCity *sqlx.Stmt
}

// Close releases the prepared statement.
func (r *Reports) Close() error { return r.topByCity.Close() }

// MonthRevenue is one month of revenue.
type MonthRevenue struct {
	Month time.Time `db:"month"`
	Cents int64     `db:"cents"`
	Count int       `db:"orders"`
}

// Customer is a customer with spending totals.
type Customer struct {
	ID    int64  `db:"id"`
	Name  string `db:"name"`
	City  string `db:"city"`
	Cents int64  `db:"cents"`
}

// Filter selects customers for a segment.
type Filter struct {
	City     string    `db:"city"`
	MinCents int64     `db:"min_cents"`
	Since    time.Time `db:"since"`
}

// CustomerIter walks a result set of customers; Close must be called.
type CustomerIter struct {
	rows *sqlx.Rows
}

// Next scans the next customer into c.
func (it *CustomerIter) Next(c *Customer) bool {
	return it.rows.Next() && it.rows.StructScan(c) == nil
}

// Err returns the iteration error.
func (it *CustomerIter) Err() error { return it.rows.Err() }

// Close releases the result set.
func (it *CustomerIter) Close() error { return it.rows.Close() }
