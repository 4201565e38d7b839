package store

import (
	"context"
	"database/sql"
	"fmt"
)

// AdjustStock applies stock changes, keyed by SKU (negative for sales).
func (s *Store) AdjustStock(ctx context.Context, deltas map[string]int) error {
	stmt, err := s.db.PrepareContext(ctx, `UPDATE products SET stock = stock + ? WHERE sku = ?`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for sku, d := range deltas {
		if _, err := stmt.ExecContext(ctx, d, sku); err != nil {
			return fmt.Errorf("stock of %s: %w", sku, err)
		}
	}
	return nil
}

// A supplier feed is staged in a TEMP table before it is applied in one
// statement. TEMP tables exist only on the connection that created them,
// hence the dedicated *sql.Conn in the imports below.

// ImportPrices replaces catalog prices from a supplier feed.
func (s *Store) ImportPrices(ctx context.Context, prices map[string]int64) error {
	conn, err := s.db.Conn(ctx) // leak: sqlclose: when staging fails the connection is never closed and so never returns to the pool
	if err != nil {
		return err
	}
	if err := stage(ctx, conn, "price_feed", prices); err != nil {
		return fmt.Errorf("stage prices: %w", err)
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, `UPDATE products SET price_cents = f.value FROM temp.price_feed AS f WHERE products.sku = f.sku`)
	return err
}

// ImportStock replaces stock levels from a warehouse feed.
func (s *Store) ImportStock(ctx context.Context, levels map[string]int64) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := stage(ctx, conn, "stock_feed", levels); err != nil {
		return fmt.Errorf("stage stock: %w", err)
	}
	_, err = conn.ExecContext(ctx, `UPDATE products SET stock = f.value FROM temp.stock_feed AS f WHERE products.sku = f.sku`)
	return err
}

// stage loads feed into the TEMP table named table on conn. Negative values
// are rejected by the table itself. table is one of the constants above,
// never user input.
func stage(ctx context.Context, conn *sql.Conn, table string, feed map[string]int64) error {
	// A connection reused from the pool may still hold an earlier feed.
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS `+table+` (sku TEXT PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0))`); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM temp.`+table); err != nil {
		return err
	}
	for sku, v := range feed {
		if _, err := conn.ExecContext(ctx, `INSERT INTO temp.`+table+` (sku, value) VALUES (?, ?)`, sku, v); err != nil {
			return fmt.Errorf("%s: %w", sku, err)
		}
	}
	return nil
}
