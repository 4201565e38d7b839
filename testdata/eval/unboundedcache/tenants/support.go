// Package tenants resolves the per-tenant configuration of the
// multi-tenant API and meters each tenant's usage.
package tenants

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// ErrUnknownTenant is returned for a tenant ID with no configuration.
var ErrUnknownTenant = errors.New("tenants: unknown tenant")

var mu sync.RWMutex

// Config is one tenant's settings.
type Config struct {
	ID       string
	Plan     string
	Region   string
	MaxSeats int
}

// Usage is one tenant's metered usage for one day.
type Usage struct {
	Requests int64
	Bytes    int64
}

const regionsJSON = `{"acme":"eu-west-1","globex":"us-east-1","initech":"us-west-2"}`

func loadConfig(ctx context.Context, db *sql.DB, id string) (*Config, error) {
	c := &Config{ID: id}
	err := db.QueryRowContext(ctx,
		`SELECT plan, region, max_seats FROM tenants WHERE id = $1`, id).
		Scan(&c.Plan, &c.Region, &c.MaxSeats)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrUnknownTenant
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}
