package orders

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"leakvet.test/eval/internal/dbx"
)

// Place inserts an order and its items and reserves stock.
func (r *Repo) Place(ctx context.Context, customerID int64, items []Item) (int64, error) {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx,
		`INSERT INTO orders (customer_id, status, created_at) VALUES ($1, 'pending', now()) RETURNING id`,
		customerID).Scan(&id); err != nil {
		return 0, err
	}
	for _, it := range items {
		res, err := tx.ExecContext(ctx, `UPDATE stock SET available = available - $1 WHERE sku = $2 AND available >= $1`, it.Quantity, it.SKU)
		if err != nil {
			return 0, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return 0, fmt.Errorf("%s: %w", it.SKU, ErrOutOfStock)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_items (order_id, sku, quantity, cents) VALUES ($1, $2, $3, $4)`,
			id, it.SKU, it.Quantity, it.Cents); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return id, nil
}

// Cancel cancels a pending order.
func (r *Repo) Cancel(ctx context.Context, id int64) error {
	tx, err := r.db.BeginTx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'pending'`, id)
	if err != nil {
		tx.Rollback()
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		tx.Rollback()
		return err
	}
	if n == 0 {
		return ErrConflict
	}
	if err := insertEvent(ctx, tx, id, "cancelled"); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// MarkPaid records a payment.
func (r *Repo) MarkPaid(ctx context.Context, id int64, paymentRef string) error {
	tx, err := r.db.BeginTx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'paid', payment_ref = $1 WHERE id = $2`, paymentRef, id); err != nil {
		return fmt.Errorf("mark paid %d: %w", id, err)
	}
	if err := insertEvent(ctx, tx, id, "paid"); err != nil {
		return fmt.Errorf("mark paid %d: %w", id, err)
	}
	return tx.Commit()
}

// Transfer moves an order to another customer, rolling back on every
// failure.
func (r *Repo) Transfer(ctx context.Context, id, toCustomer int64) error {
	tx, err := r.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return err
	}
	var status string
	if err := tx.QueryRowContext(ctx, `SELECT status FROM orders WHERE id = $1 FOR UPDATE`, id).Scan(&status); err != nil {
		tx.Rollback()
		return err
	}
	if status == "shipped" {
		tx.Rollback()
		return ErrConflict
	}
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET customer_id = $1 WHERE id = $2`, toCustomer, id); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Ship marks an order shipped through the shared transaction helper.
func (r *Repo) Ship(ctx context.Context, id int64, tracking string) error {
	return dbx.WithTx(ctx, r.db, nil, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'shipped', tracking = $1 WHERE id = $2`, tracking, id); err != nil {
			return err
		}
		return insertEvent(ctx, tx, id, "shipped")
	})
}

// Deliver marks an order delivered; the commit or rollback is decided by
// dbx.Finish.
func (r *Repo) Deliver(ctx context.Context, id int64) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE orders SET status = 'delivered' WHERE id = $1`, id)
	if err == nil {
		err = insertEvent(ctx, tx, id, "delivered")
	}
	return dbx.Finish(tx, err)
}

// Refund refunds an order; the deferred closure ends the transaction.
func (r *Repo) Refund(ctx context.Context, id int64, cents int64) (err error) {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	if _, err = tx.ExecContext(ctx, `INSERT INTO refunds (order_id, cents) VALUES ($1, $2)`, id, cents); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE orders SET status = 'refunded' WHERE id = $1`, id)
	return err
}

// Reserve locks the stock rows of the items and reserves them.
func (r *Repo) Reserve(ctx context.Context, items []Item) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	skus := make([]any, len(items))
	for i, it := range items {
		skus[i] = it.SKU
	}
	rows, err := tx.QueryContext(ctx, `SELECT sku, available FROM stock WHERE sku = ANY($1) FOR UPDATE`, skus)
	if err != nil {
		return err
	}
	available := map[string]int{}
	for rows.Next() {
		var sku string
		var n int
		if err := rows.Scan(&sku, &n); err != nil {
			rows.Close()
			return err
		}
		available[sku] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, it := range items {
		if available[it.SKU] < it.Quantity {
			return fmt.Errorf("%s: %w", it.SKU, ErrOutOfStock)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stock SET available = available - $1 WHERE sku = $2`, it.Quantity, it.SKU); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// AddItems appends items to a pending order with a statement prepared on
// the transaction, which closes with it.
func (r *Repo) AddItems(ctx context.Context, id int64, items []Item) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO order_items (order_id, sku, quantity, cents) VALUES ($1, $2, $3, $4)`)
	if err != nil {
		return err
	}
	for _, it := range items {
		if _, err := stmt.ExecContext(ctx, id, it.SKU, it.Quantity, it.Cents); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// begin starts a serializable transaction for the caller.
func (r *Repo) begin(ctx context.Context) (*sql.Tx, error) {
	return r.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
}

// Archive moves delivered orders older than a year to the archive table.
func (r *Repo) Archive(ctx context.Context) (int64, error) {
	tx, err := r.begin(ctx) // eval:leak sqlclose
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO orders_archive SELECT * FROM orders WHERE status = 'delivered' AND created_at < now() - interval '1 year'`); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM orders WHERE status = 'delivered' AND created_at < now() - interval '1 year'`)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return n, tx.Commit()
}

// Begin opens a unit of work for the caller.
func (r *Repo) Begin(ctx context.Context) (*UnitOfWork, error) {
	tx, err := r.begin(ctx)
	if err != nil {
		return nil, err
	}
	return &UnitOfWork{tx: tx}, nil
}

// PlaceIdempotent places an order once per idempotency key.
func (r *Repo) PlaceIdempotent(ctx context.Context, key string, customerID int64) (int64, error) {
	tx, err := r.db.BeginTx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return 0, err
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM idempotency_keys WHERE key = $1)`, key).Scan(&exists); err != nil {
		tx.Rollback()
		return 0, err
	}
	if exists {
		return 0, ErrDuplicate
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO orders (customer_id, status, created_at) VALUES ($1, 'pending', now()) RETURNING id`, customerID).Scan(&id); err != nil {
		tx.Rollback()
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO idempotency_keys (key, order_id) VALUES ($1, $2)`, key, id); err != nil {
		tx.Rollback()
		return 0, err
	}
	return id, tx.Commit()
}

// Recalculate recomputes the totals of an order; a panic inside the
// pricing code rolls the transaction back before it propagates.
func (r *Repo) Recalculate(ctx context.Context, id int64, price func(Item) int64) (err error) {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	rows, err := tx.QueryContext(ctx, `SELECT sku, quantity, cents FROM order_items WHERE order_id = $1`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	var total int64
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.SKU, &it.Quantity, &it.Cents); err != nil {
			return err
		}
		total += price(it) * int64(it.Quantity)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE orders SET total_cents = $1 WHERE id = $2`, total, id)
	return err
}

// Touch updates the order's modification time. The deferred Commit ends
// the transaction on every path; its error is not reported.
func (r *Repo) Touch(ctx context.Context, id int64) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Commit()
	_, err = tx.ExecContext(ctx, `UPDATE orders SET updated_at = now() WHERE id = $1`, id)
	return err
}

// StatusCounts returns how many orders are in each status.
func (r *Repo) StatusCounts(ctx context.Context) (map[string]int, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT status, count(*) FROM orders GROUP BY status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	if err := rows.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return nil, err
	}
	return out, nil
}
