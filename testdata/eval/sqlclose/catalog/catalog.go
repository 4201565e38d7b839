package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Reprice changes every price by pct percent.
func (a *Admin) Reprice(ctx context.Context, pct int) error {
	tx, err := a.db.BeginTxx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, `UPDATE products SET cents = cents * (100 + $1) / 100`, pct); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO price_changes (pct, at) VALUES ($1, now())`, pct); err != nil {
		return err
	}
	return tx.Commit()
}

// RepriceCategory is Reprice for one category, with the error the
// deferred closure inspects really being the function's result.
func (a *Admin) RepriceCategory(ctx context.Context, category string, pct int) (err error) {
	tx, err := a.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, `UPDATE products SET cents = cents * (100 + $1) / 100 WHERE category = $2`, pct, category); err != nil {
		return err
	}
	return tx.Commit()
}

// Cheapest returns the n cheapest products of a category.
func (a *Admin) Cheapest(ctx context.Context, category string, n int) ([]Product, error) {
	rows, err := a.raw.QueryContext(ctx, `SELECT sku, name, cents, stock FROM products WHERE category = $1 ORDER BY cents`, category) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	var out []Product
	for rows.Next() {
		var p Product
		if err := rows.Scan(&p.SKU, &p.Name, &p.Cents, &p.Stock); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
		if len(out) == n {
			break
		}
	}
	return out, rows.Err()
}

// Price returns the price of a SKU through a one-off statement.
func (a *Admin) Price(ctx context.Context, sku string) (int64, error) {
	stmt, err := a.raw.PrepareContext(ctx, `SELECT cents FROM products WHERE sku = $1`) // eval:leak sqlclose
	if err != nil {
		return 0, err
	}
	var cents int64
	err = stmt.QueryRowContext(ctx, sku).Scan(&cents)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNoProduct
	}
	return cents, err
}

// InStock reports whether any product of the category is in stock.
func (s *Storefront) InStock(ctx context.Context, category string) (bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT 1 FROM products WHERE category = $1 AND stock > 0`, category) // eval:leak sqlclose
	if err != nil {
		return false, err
	}
	return rows.Next(), rows.Err()
}

// Warm runs the storefront's hot queries once on each of n pooled
// connections, skipping connections that fail.
func (s *Storefront) Warm(ctx context.Context, n int) int {
	warmed := 0
	for range n {
		conn, err := s.pool.Acquire(ctx) // eval:leak sqlclose
		if err != nil {
			continue
		}
		if _, err := conn.Exec(ctx, `SELECT sku, cents FROM products WHERE featured LIMIT 20`); err != nil {
			continue
		}
		conn.Release()
		warmed++
	}
	return warmed
}

// SetFeatured marks the product featured; nothing is written when it
// already is.
func (a *Admin) SetFeatured(ctx context.Context, sku string) error {
	tx, err := a.db.BeginTxx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return err
	}
	var featured bool
	if err := tx.GetContext(ctx, &featured, `SELECT featured FROM products WHERE sku = $1 FOR UPDATE`, sku); err != nil {
		tx.Rollback()
		return err
	}
	if !featured {
		if _, err := tx.ExecContext(ctx, `UPDATE products SET featured = true WHERE sku = $1`, sku); err != nil {
			tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	return nil
}

// OpenSession returns a connection with the catalog's session settings.
func (a *Admin) OpenSession(ctx context.Context) (*Session, error) {
	conn, err := a.raw.Conn(ctx) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SET search_path = catalog, public`); err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	return &Session{conn: conn}, nil
}

// Discontinued returns the discontinued products.
func (a *Admin) Discontinued(ctx context.Context) ([]Product, error) {
	rows, err := a.raw.QueryContext(ctx, `SELECT sku, name, cents, stock FROM products WHERE discontinued`) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	return scanProducts(rows)
}

// LowStock returns the products about to run out.
func (a *Admin) LowStock(ctx context.Context, below int) ([]Product, error) {
	rows, err := a.raw.QueryContext(ctx, `SELECT sku, name, cents, stock FROM products WHERE stock < $1`, below)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanProducts(rows)
}

// Restock adds stock under a short lock timeout.
func (s *Storefront) Restock(ctx context.Context, sku string, n int) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}) // eval:leak sqlclose
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `SET LOCAL lock_timeout = '2s'`); err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `UPDATE products SET stock = stock + $1 WHERE sku = $2`, n, sku); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Create inserts a product and returns its generated ID.
func (a *Admin) Create(ctx context.Context, p Product) (int64, error) {
	rows, err := a.db.NamedQueryContext(ctx, `INSERT INTO products (sku, name, cents, stock) VALUES (:sku, :name, :cents, :stock) RETURNING id`, p) // eval:leak sqlclose
	if err != nil {
		return 0, err
	}
	var id int64
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// CreateClosed is Create with the rows closed.
func (a *Admin) CreateClosed(ctx context.Context, p Product) (int64, error) {
	rows, err := a.db.NamedQueryContext(ctx, `INSERT INTO products (sku, name, cents, stock) VALUES (:sku, :name, :cents, :stock) RETURNING id`, p)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, errors.New("catalog: insert returned no id")
	}
	var id int64
	err = rows.Scan(&id)
	return id, err
}

// ImportAsync imports products in the background, one transaction per
// batch, logging failures.
func (a *Admin) ImportAsync(batches [][]Product) {
	for _, batch := range batches {
		go func() {
			tx, err := a.db.Beginx() // eval:leak sqlclose
			if err != nil {
				a.log.Error("import: begin", "err", err)
				return
			}
			for _, p := range batch {
				if _, err := tx.NamedExec(`INSERT INTO products (sku, name, cents, stock) VALUES (:sku, :name, :cents, :stock)`, p); err != nil {
					a.log.Error("import: insert", "sku", p.SKU, "err", err)
					return
				}
			}
			if err := tx.Commit(); err != nil {
				a.log.Error("import: commit", "err", err)
			}
		}()
	}
}

// Names returns the names of the given SKUs with a statement prepared per
// call.
func (a *Admin) Names(ctx context.Context, skus []string) (map[string]string, error) {
	stmt, err := a.db.PreparexContext(ctx, `SELECT name FROM products WHERE sku = $1`) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(skus))
	for _, sku := range skus {
		var name string
		if err := stmt.GetContext(ctx, &name, sku); err != nil {
			return nil, fmt.Errorf("%s: %w", sku, err)
		}
		out[sku] = name
	}
	return out, nil
}

// Product returns one product for the storefront.
func (s *Storefront) Product(ctx context.Context, sku string) (Product, error) {
	var p Product
	err := s.pool.QueryRow(ctx, `SELECT sku, name, cents, stock FROM products WHERE sku = $1`, sku).Scan(&p.SKU, &p.Name, &p.Cents, &p.Stock)
	if errors.Is(err, pgx.ErrNoRows) {
		return Product{}, ErrNoProduct
	}
	return p, err
}
