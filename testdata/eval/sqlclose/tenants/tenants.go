package tenants

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Rollup sums yesterday's usage of every tenant into the usage table; a
// tenant with a negative total is skipped and reported.
func (m *Maintainer) Rollup(ctx context.Context, tenants []Tenant, day time.Time) error {
tenantLoop:
	for _, t := range tenants {
		rows, err := m.pool.Query(ctx, fmt.Sprintf(`SELECT metric, sum(amount) FROM %q.events WHERE at::date = $1 GROUP BY metric`, t.Schema), day) // eval:leak sqlclose
		if err != nil {
			return err
		}
		totals := map[string]int64{}
		for rows.Next() {
			var metric string
			var amount int64
			if err := rows.Scan(&metric, &amount); err != nil {
				return err
			}
			if amount < 0 {
				m.log.Warn("rollup: negative usage, skipping tenant", "tenant", t.ID, "metric", metric)
				continue tenantLoop
			}
			totals[metric] = amount
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for metric, amount := range totals {
			if _, err := m.pool.Exec(ctx, `INSERT INTO usage (tenant_id, day, metric, amount) VALUES ($1, $2, $3, $4)`, t.ID, day, metric, amount); err != nil {
				return err
			}
		}
	}
	return nil
}

// Refresh refreshes a tenant's materialised views through a stored
// procedure.
func (m *Maintainer) Refresh(t Tenant) error {
	_, err := m.dbx.Queryx(`SELECT refresh_tenant_views($1)`, t.Schema) // eval:leak sqlclose
	return err
}

// RefreshAll refreshes every tenant's views with Exec, which holds no
// rows.
func (m *Maintainer) RefreshAll(ctx context.Context, tenants []Tenant) error {
	for _, t := range tenants {
		if _, err := m.dbx.ExecContext(ctx, `SELECT refresh_tenant_views($1)`, t.Schema); err != nil {
			return fmt.Errorf("tenant %d: %w", t.ID, err)
		}
	}
	return nil
}

// VacuumAll vacuums every tenant's events table concurrently, each on its
// own pooled connection.
func (m *Maintainer) VacuumAll(ctx context.Context, tenants []Tenant) {
	for _, t := range tenants {
		go func() {
			conn, err := m.pool.Acquire(ctx) // eval:leak sqlclose
			if err != nil {
				m.log.Error("vacuum: acquire", "err", err)
				return
			}
			if _, err := conn.Exec(ctx, fmt.Sprintf(`VACUUM ANALYZE %q.events`, t.Schema)); err != nil {
				m.log.Error("vacuum", "tenant", t.ID, "err", err)
				return
			}
			conn.Release()
		}()
	}
}

// ConnectAdmin opens the admin connection, retrying until the database
// answers.
func ConnectAdmin(ctx context.Context, dsn string, attempts int) (*pgx.Conn, error) {
	var lastErr error
	for range attempts {
		conn, err := pgx.Connect(ctx, dsn) // eval:leak sqlclose
		if err != nil {
			lastErr = err
			time.Sleep(time.Second)
			continue
		}
		if err := conn.Ping(ctx); err != nil {
			lastErr = err
			time.Sleep(time.Second)
			continue
		}
		return conn, nil
	}
	return nil, fmt.Errorf("admin connection: %w", lastErr)
}

// Migrate runs a statement in every tenant schema on a dedicated
// connection per tenant; a tenant whose schema cannot be selected is
// skipped.
func (m *Maintainer) Migrate(ctx context.Context, tenants []Tenant, stmt string) error {
	for _, t := range tenants {
		conn, err := m.db.Conn(ctx) // eval:leak sqlclose
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `SELECT set_config('search_path', $1, false)`, t.Schema); err != nil {
			m.log.Warn("migrate: skipping tenant", "tenant", t.ID, "err", err)
			continue
		}
		_, err = conn.ExecContext(ctx, stmt)
		conn.ExecContext(ctx, `RESET search_path`)
		conn.Close()
		if err != nil {
			return fmt.Errorf("tenant %d: %w", t.ID, err)
		}
	}
	return nil
}

// ChangePlan moves a tenant to another plan in a serializable transaction,
// retrying serialization conflicts.
func (m *Maintainer) ChangePlan(ctx context.Context, id int64, plan string) error {
	return retry(3, func() error {
		tx, err := m.dbx.BeginTxx(ctx, nil) // eval:leak sqlclose
		if err != nil {
			return err
		}
		var current string
		if err := tx.GetContext(ctx, &current, `SELECT plan FROM tenants WHERE id = $1 FOR UPDATE`, id); err != nil {
			tx.Rollback()
			return err
		}
		if current == plan {
			tx.Rollback()
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tenants SET plan = $1 WHERE id = $2`, plan, id); err != nil {
			return errSerialization
		}
		return tx.Commit()
	})
}

// Suspend suspends a tenant, retrying serialization conflicts; each
// attempt's transaction is rolled back unless it commits.
func (m *Maintainer) Suspend(ctx context.Context, id int64, reason string) error {
	return retry(3, func() error {
		tx, err := m.dbx.BeginTxx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, `UPDATE tenants SET suspended = true, reason = $1 WHERE id = $2`, reason, id); err != nil {
			return errSerialization
		}
		return tx.Commit()
	})
}

// List returns every tenant.
func (m *Maintainer) List(ctx context.Context) ([]Tenant, error) {
	var out []Tenant
	err := m.dbx.SelectContext(ctx, &out, `SELECT id, schema_name, plan FROM tenants ORDER BY id`)
	return out, err
}
