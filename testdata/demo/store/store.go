// Package store keeps orders and the catalog in SQLite through database/sql.
// The caller opens the *sql.DB (and so picks the driver).
package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Schema creates the tables the store needs; Migrate runs it.
const Schema = `
CREATE TABLE IF NOT EXISTS orders (
	id          INTEGER PRIMARY KEY,
	customer_id TEXT    NOT NULL,
	status      TEXT    NOT NULL DEFAULT 'new'
	            CHECK (status IN ('new', 'paid', 'shipped', 'cancelled')),
	total_cents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS order_items (
	order_id    INTEGER NOT NULL REFERENCES orders (id),
	sku         TEXT    NOT NULL,
	quantity    INTEGER NOT NULL CHECK (quantity > 0),
	price_cents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS order_events (
	order_id INTEGER NOT NULL REFERENCES orders (id),
	status   TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS products (
	sku         TEXT    PRIMARY KEY,
	price_cents INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
	stock       INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)
);`

// Store is safe for concurrent use.
type Store struct {
	db *sql.DB
}

// New returns a store over db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Migrate creates missing tables.
func (s *Store) Migrate(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, Schema)
	return err
}

// Order is one row of the orders table.
type Order struct {
	ID         int64  `json:"id"`
	CustomerID string `json:"customer_id"`
	Status     string `json:"status"`
	TotalCents int64  `json:"total_cents"`
}

// Item is one line of an order.
type Item struct {
	SKU        string `json:"sku"`
	Quantity   int    `json:"quantity"`
	PriceCents int64  `json:"price_cents"`
}

const (
	qOrdersByCustomer = `SELECT id, customer_id, status, total_cents FROM orders WHERE customer_id = ? ORDER BY id`
	qOrdersByStatus   = `SELECT id, customer_id, status, total_cents FROM orders WHERE status = ? ORDER BY id`
	qInsertItem       = `INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES (?, ?, ?, ?)`
)

// OrdersByCustomer lists a customer's orders, oldest first.
func (s *Store) OrdersByCustomer(ctx context.Context, customerID string) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, qOrdersByCustomer, customerID) // leak: sqlclose: a Scan error returns from inside the loop and skips the Close after it, so the rows keep their connection
	if err != nil {
		return nil, err
	}
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.Status, &o.TotalCents); err != nil {
			return nil, fmt.Errorf("orders of %s: %w", customerID, err)
		}
		out = append(out, o)
	}
	rows.Close()
	return out, rows.Err()
}

// OrdersByStatus lists the orders in one state, oldest first.
func (s *Store) OrdersByStatus(ctx context.Context, status string) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, qOrdersByStatus, status)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.Status, &o.TotalCents); err != nil {
			return nil, fmt.Errorf("%s orders: %w", status, err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PlaceOrder stores a new order with its items and returns its ID. Either
// all of it is stored or none.
func (s *Store) PlaceOrder(ctx context.Context, customerID string, items []Item) (int64, error) {
	var total int64
	for _, it := range items {
		total += int64(it.Quantity) * it.PriceCents
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	// After Commit this is a no-op; on every early return it releases the
	// connection and the write lock.
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO orders (customer_id, total_cents) VALUES (?, ?)`, customerID, total)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, it := range items {
		if _, err := tx.ExecContext(ctx, qInsertItem, id, it.SKU, it.Quantity, it.PriceCents); err != nil {
			return 0, fmt.Errorf("item %s: %w", it.SKU, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_events (order_id, status) VALUES (?, 'new')`, id); err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// SetStatus moves an order to status and records the event.
func (s *Store) SetStatus(ctx context.Context, id int64, status string) error {
	tx, err := s.db.BeginTx(ctx, nil) // leak: sqlclose: when the UPDATE fails the transaction is neither committed nor rolled back and keeps its connection
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET status = ? WHERE id = ?`, status, id); err != nil {
		return fmt.Errorf("order %d to %s: %w", id, status, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_events (order_id, status) VALUES (?, ?)`, id, status); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// AddItems appends items to an existing order.
func (s *Store) AddItems(ctx context.Context, orderID int64, items []Item) error {
	stmt, err := s.db.PrepareContext(ctx, qInsertItem) // leak: sqlclose: the statement is never closed, so each call leaves a prepared statement behind
	if err != nil {
		return err
	}
	for _, it := range items {
		if _, err := stmt.ExecContext(ctx, orderID, it.SKU, it.Quantity, it.PriceCents); err != nil {
			return fmt.Errorf("item %s: %w", it.SKU, err)
		}
	}
	_, err = s.db.ExecContext(ctx, `UPDATE orders SET total_cents = (SELECT COALESCE(SUM(quantity * price_cents), 0) FROM order_items WHERE order_id = ?) WHERE id = ?`, orderID, orderID)
	return err
}
