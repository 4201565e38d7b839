// Package orders is the order repository: placing, paying, shipping,
// cancelling and refunding orders in transactions on database/sql.
package orders

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

var (
	// ErrConflict is returned when the order is not in the expected state.
	ErrConflict = errors.New("orders: state conflict")
	// ErrOutOfStock is returned when an item cannot be reserved.
	ErrOutOfStock = errors.New("orders: out of stock")
	// ErrDuplicate is returned for a repeated idempotency key.
	ErrDuplicate = errors.New("orders: duplicate request")
)

// Item is one line of an order.
type Item struct {
	SKU      string
	Quantity int
	Cents    int64
}

// Order is a placed order.
type Order struct {
	ID         int64
	CustomerID int64
	Status     string
	Items      []Item
	CreatedAt  time.Time
}

// Repo stores orders.
type Repo struct {
	db *sql.DB
}

// NewRepo returns a Repo on db.
func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

// UnitOfWork groups several repository calls in one transaction; the
// caller ends it with Commit or Rollback.
type UnitOfWork struct {
	tx *sql.Tx
}

// Commit commits the unit of work.
func (u *UnitOfWork) Commit() error { return u.tx.Commit() }

// Rollback abandons the unit of work.
func (u *UnitOfWork) Rollback() error { return u.tx.Rollback() }

// SetStatus changes the status of an order inside the unit of work.
func (u *UnitOfWork) SetStatus(ctx context.Context, id int64, status string) error {
	_, err := u.tx.ExecContext(ctx, `UPDATE orders SET status = $1 WHERE id = $2`, status, id)
	return err
}

func insertEvent(ctx context.Context, tx *sql.Tx, orderID int64, kind string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO order_events (order_id, kind, at) VALUES ($1, $2, now())`, orderID, kind)
	return err
}
