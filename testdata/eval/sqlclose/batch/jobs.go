package batch

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// LoadInvoices inserts invoices in chunks, one transaction per chunk. A
// chunk that fails is logged and skipped.
func (r *Runner) LoadInvoices(ctx context.Context, invs []Invoice) (loaded int, err error) {
	for _, chunk := range chunks(invs, r.chunkSize) {
		tx, err := r.db.BeginTx(ctx, nil) // eval:leak sqlclose
		if err != nil {
			return loaded, err
		}
		failed := false
		for _, inv := range chunk {
			if _, err := tx.ExecContext(ctx, `INSERT INTO invoices (id, customer_id, cents, issued_at, status) VALUES ($1, $2, $3, $4, $5)`,
				inv.ID, inv.CustomerID, inv.Cents, inv.IssuedAt, inv.Status); err != nil {
				r.log.Warn("skipping chunk", "first", chunk[0].ID, "err", err)
				failed = true
				break
			}
		}
		if failed {
			continue
		}
		if err := tx.Commit(); err != nil {
			return loaded, err
		}
		loaded += len(chunk)
	}
	return loaded, nil
}

// loadChunk inserts one chunk in its own transaction.
func (r *Runner) loadChunk(ctx context.Context, chunk []Invoice) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO invoices (id, customer_id, cents, issued_at, status) VALUES ($1, $2, $3, $4, $5)`)
	if err != nil {
		return err
	}
	for _, inv := range chunk {
		if _, err := stmt.ExecContext(ctx, inv.ID, inv.CustomerID, inv.Cents, inv.IssuedAt, inv.Status); err != nil {
			return fmt.Errorf("invoice %d: %w", inv.ID, err)
		}
	}
	return tx.Commit()
}

// LoadInvoicesStrict loads chunk by chunk and stops at the first failure.
func (r *Runner) LoadInvoicesStrict(ctx context.Context, invs []Invoice) error {
	for _, chunk := range chunks(invs, r.chunkSize) {
		if err := r.loadChunk(ctx, chunk); err != nil {
			return err
		}
	}
	return nil
}

// Backfill sets the tax of every invoice with one statement prepared for
// the whole run.
func (r *Runner) Backfill(ctx context.Context, rates map[int64]float64) error {
	stmt, err := r.db.PrepareContext(ctx, `UPDATE invoices SET tax_cents = round(cents * $1) WHERE customer_id = $2 AND tax_cents IS NULL`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for customer, rate := range rates {
		if _, err := stmt.ExecContext(ctx, rate, customer); err != nil {
			return fmt.Errorf("customer %d: %w", customer, err)
		}
	}
	return nil
}

// CopyTables copies rows into per-tenant tables with one statement per
// table.
func (r *Runner) CopyTables(ctx context.Context, tenants []string, invs []Invoice) error {
	for _, tenant := range tenants {
		stmt, err := r.db.PrepareContext(ctx, fmt.Sprintf(`INSERT INTO %q.invoices (id, customer_id, cents) VALUES ($1, $2, $3)`, tenant)) // eval:leak sqlclose
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, inv := range invs {
			if _, err := stmt.ExecContext(ctx, inv.ID, inv.CustomerID, inv.Cents); err != nil {
				return err
			}
		}
	}
	return nil
}

// ScanAll visits every invoice in ID order with keyset pagination.
func (r *Runner) ScanAll(ctx context.Context, visit func(Invoice) error) error {
	var after int64
	for {
		rows, err := r.db.QueryContext(ctx, `SELECT id, customer_id, cents, issued_at, status FROM invoices WHERE id > $1 ORDER BY id LIMIT $2`, after, r.chunkSize)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			inv, err := scanInvoice(rows)
			if err == nil {
				err = visit(inv)
			}
			if err != nil {
				rows.Close()
				return err
			}
			after = inv.ID
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if n < r.chunkSize {
			return nil
		}
	}
}

// Overdue collects the overdue invoices with keyset pagination.
func (r *Runner) Overdue(ctx context.Context, now time.Time) ([]Invoice, error) {
	var out []Invoice
	var after int64
	for {
		rows, err := r.db.QueryContext(ctx, `SELECT id, customer_id, cents, issued_at, status FROM invoices WHERE id > $1 AND status = 'open' ORDER BY id LIMIT 1000`, after) // eval:leak sqlclose
		if err != nil {
			return nil, err
		}
		n := 0
		for rows.Next() {
			inv, err := scanInvoice(rows)
			if err != nil {
				return nil, err
			}
			if now.Sub(inv.IssuedAt) > 30*24*time.Hour {
				out = append(out, inv)
			}
			after = inv.ID
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if n == 0 {
			return out, nil
		}
	}
}

// Purge deletes cancelled invoices in batches to keep each statement short.
func (r *Runner) Purge(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for {
		res, err := r.db.ExecContext(ctx, `DELETE FROM invoices WHERE id IN (SELECT id FROM invoices WHERE status = 'cancelled' AND issued_at < $1 LIMIT 5000)`, before)
		if err != nil {
			return total, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += n
		if n == 0 {
			return total, nil
		}
	}
}

// Sample returns up to perCustomer invoices of each customer.
func (r *Runner) Sample(ctx context.Context, customers []int64, perCustomer int) (map[int64][]Invoice, error) {
	out := map[int64][]Invoice{}
	for _, c := range customers {
		rows, err := r.db.QueryContext(ctx, `SELECT id, customer_id, cents, issued_at, status FROM invoices WHERE customer_id = $1 ORDER BY issued_at DESC`, c) // eval:leak sqlclose
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			inv, err := scanInvoice(rows)
			if err != nil {
				return nil, err
			}
			out[c] = append(out[c], inv)
			if len(out[c]) == perCustomer {
				break
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Archive streams old invoices as JSON lines to w; a goroutine reads the
// rows and closes them, the caller's goroutine writes.
func (r *Runner) Archive(ctx context.Context, w io.Writer, before time.Time) error {
	rows, err := r.db.QueryContext(ctx, `SELECT id, customer_id, cents, issued_at, status FROM invoices WHERE issued_at < $1 ORDER BY id`, before)
	if err != nil {
		return err
	}
	invs := make(chan Invoice, 64)
	errc := make(chan error, 1)
	go func() {
		defer close(invs)
		defer rows.Close()
		for rows.Next() {
			inv, err := scanInvoice(rows)
			if err != nil {
				errc <- err
				return
			}
			invs <- inv
		}
		errc <- rows.Err()
	}()
	enc := json.NewEncoder(w)
	var werr error
	for inv := range invs {
		if werr == nil {
			werr = enc.Encode(inv)
		}
	}
	if err := <-errc; err != nil {
		return err
	}
	return werr
}

// openCursor starts the scan of a customer's invoices and hands the rows
// to the consumer over the channel; the consumer closes them.
func (r *Runner) openCursor(ctx context.Context, customer int64, out chan<- *sql.Rows) error {
	rows, err := r.db.QueryContext(ctx, `SELECT id, customer_id, cents, issued_at, status FROM invoices WHERE customer_id = $1`, customer)
	if err != nil {
		return err
	}
	out <- rows
	return nil
}

// Totals sums the invoices of a customer from a cursor opened by
// openCursor.
func (r *Runner) Totals(ctx context.Context, customer int64) (int64, error) {
	ch := make(chan *sql.Rows, 1)
	if err := r.openCursor(ctx, customer, ch); err != nil {
		return 0, err
	}
	rows := <-ch
	defer rows.Close()
	var total int64
	for rows.Next() {
		inv, err := scanInvoice(rows)
		if err != nil {
			return 0, err
		}
		total += inv.Cents
	}
	return total, rows.Err()
}

// Get returns the cached statement for query, preparing it on first use.
func (c *StmtCache) Get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.stmts[query]; ok {
		return s, nil
	}
	s, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = s
	return s, nil
}

// GetUnlocked is Get without holding the lock while preparing; when two
// callers race, the loser's statement is dropped.
func (c *StmtCache) GetUnlocked(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	s, ok := c.stmts[query]
	c.mu.Unlock()
	if ok {
		return s, nil
	}
	s, err := c.db.PrepareContext(ctx, query) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if existing, ok := c.stmts[query]; ok {
		return existing, nil
	}
	c.stmts[query] = s
	return s, nil
}

// CustomerIDs returns the IDs of customers with open invoices.
func (r *Runner) CustomerIDs(ctx context.Context) ([]int64, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT DISTINCT customer_id FROM invoices WHERE status = 'open'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() { // eval:leak rowserr
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Reconcile compares the invoice totals with the ledger on one connection
// so both reads see the same session settings.
func (r *Runner) Reconcile(ctx context.Context, day time.Time) (diff int64, err error) {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := conn.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	var invoiced, booked int64
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(sum(cents), 0) FROM invoices WHERE issued_at::date = $1`, day).Scan(&invoiced); err != nil {
		return 0, err
	}
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(sum(cents), 0) FROM ledger WHERE booked_on = $1`, day).Scan(&booked); err != nil {
		return 0, err
	}
	return invoiced - booked, nil
}
