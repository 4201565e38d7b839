// Package tenants runs per-tenant maintenance of the multi-tenant
// database: schema-per-tenant housekeeping on database/sql and sqlx, and
// usage rollups on pgx.
package tenants

import (
	"database/sql"
	"errors"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
)

// errSerialization is returned by an attempt that lost a serialization
// conflict and may be retried.
var errSerialization = errors.New("tenants: serialization failure")

// Maintainer runs maintenance for every tenant.
type Maintainer struct {
	db   *sql.DB
	dbx  *sqlx.DB
	pool *pgxpool.Pool
	log  *slog.Logger
}

// Tenant is a row of the tenants table.
type Tenant struct {
	ID     int64  `db:"id"`
	Schema string `db:"schema_name"`
	Plan   string `db:"plan"`
}

// retry runs fn up to attempts times while it fails with
// errSerialization.
func retry(attempts int, fn func() error) error {
	var err error
	for range attempts {
		if err = fn(); !errors.Is(err, errSerialization) {
			return err
		}
	}
	return err
}
