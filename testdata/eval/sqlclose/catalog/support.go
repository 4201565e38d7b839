// Package catalog is the product catalog of the shop: products, prices,
// stock and search, on sqlx for the admin side and pgx for the storefront.
package catalog

import (
	"database/sql"
	"errors"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

// ErrNoProduct is returned when the SKU is unknown.
var ErrNoProduct = errors.New("catalog: no such product")

// Product is a row of the products table.
type Product struct {
	SKU   string `db:"sku"`
	Name  string `db:"name"`
	Cents int64  `db:"cents"`
	Stock int    `db:"stock"`
}

// Admin is the back-office side of the catalog.
type Admin struct {
	db  *sqlx.DB
	raw *sql.DB
	log *slog.Logger
}

// Storefront is the customer-facing side of the catalog.
type Storefront struct {
	pool *pgxpool.Pool
}

// Session is a dedicated connection with the catalog's session settings.
type Session struct {
	conn *sql.Conn
}

// Close returns the connection to the pool.
func (s *Session) Close() error { return s.conn.Close() }

// scanProducts reads every product of rows. It does not close rows: on a
// scan error the rest of the result is left unread.
func scanProducts(rows *sql.Rows) ([]Product, error) {
	var out []Product
	for rows.Next() {
		var p Product
		if err := rows.Scan(&p.SKU, &p.Name, &p.Cents, &p.Stock); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
