package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// Acquire takes the migration lock without waiting.
func (m *Migrator) Acquire(ctx context.Context) (*Lock, error) {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, lockID).Scan(&ok); err != nil {
		conn.Close()
		return nil, err
	}
	if !ok {
		conn.Close()
		return nil, ErrLocked
	}
	return &Lock{conn: conn}, nil
}

// TryAcquire takes the migration lock, waiting at most wait.
func (m *Migrator) TryAcquire(ctx context.Context, wait time.Duration) (*Lock, error) {
	conn, err := m.db.Conn(ctx) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		var ok bool
		if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, lockID).Scan(&ok); err != nil {
			conn.Close()
			return nil, err
		}
		if ok {
			return &Lock{conn: conn}, nil
		}
		if time.Now().After(deadline) {
			return nil, ErrLocked
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// Applied returns the applied versions and their checksums.
func (m *Migrator) Applied(ctx context.Context) (map[int]string, error) {
	rows, err := m.db.QueryContext(ctx, fmt.Sprintf(`SELECT version, checksum FROM %s ORDER BY version`, m.table))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	applied := map[int]string{}
	for rows.Next() {
		var v int
		var sum string
		if err := rows.Scan(&v, &sum); err != nil {
			return nil, err
		}
		applied[v] = sum
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return applied, nil
}

// CurrentVersion returns the highest applied version, 0 for none.
func (m *Migrator) CurrentVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := m.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT max(version) FROM %s`, m.table)).Scan(&v)
	return int(v.Int64), err
}

// applyOne applies a migration and records it in one transaction.
func (m *Migrator) applyOne(ctx context.Context, mig Migration) error {
	tx, err := m.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, mig.SQL); err != nil {
		return fmt.Errorf("migration %d %s: %w", mig.Version, mig.Name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %s (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())`, m.table),
		mig.Version, mig.Name, mig.Checksum()); err != nil {
		return err
	}
	return tx.Commit()
}

// Up applies every pending migration in version order.
func (m *Migrator) Up(ctx context.Context, migs []Migration) error {
	applied, err := m.Applied(ctx)
	if err != nil {
		return err
	}
	slices.SortFunc(migs, func(a, b Migration) int { return a.Version - b.Version })
	for _, mig := range migs {
		if _, ok := applied[mig.Version]; ok {
			continue
		}
		m.log.Info("applying migration", "version", mig.Version, "name", mig.Name)
		if err := m.applyOne(ctx, mig); err != nil {
			return err
		}
	}
	return nil
}

// UpInline is Up with the transaction handled in the loop itself: every
// iteration ends in Commit or returns, so each deferred Rollback is a
// no-op by the time it runs.
func (m *Migrator) UpInline(ctx context.Context, migs []Migration, applied map[int]string) error {
	for _, mig := range migs {
		if _, ok := applied[mig.Version]; ok {
			continue
		}
		tx, err := m.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, mig.SQL); err != nil {
			return fmt.Errorf("migration %d: %w", mig.Version, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %s (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())`, m.table),
			mig.Version, mig.Name, mig.Checksum()); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Verify checks that the applied migrations have not been edited since.
func (m *Migrator) Verify(ctx context.Context, migs []Migration) error {
	byVersion := map[int]Migration{}
	for _, mig := range migs {
		byVersion[mig.Version] = mig
	}
	rows, err := m.db.QueryContext(ctx, fmt.Sprintf(`SELECT version, checksum FROM %s`, m.table)) // eval:leak sqlclose
	if err != nil {
		return err
	}
	for rows.Next() {
		var v int
		var sum string
		if err := rows.Scan(&v, &sum); err != nil {
			rows.Close()
			return err
		}
		mig, ok := byVersion[v]
		if !ok {
			return fmt.Errorf("applied migration %d is unknown to this build", v)
		}
		if mig.Checksum() != sum {
			return fmt.Errorf("migration %d %s was edited after it was applied", v, mig.Name)
		}
	}
	rows.Close()
	return rows.Err()
}

// DryRun applies the migrations in a transaction that is always rolled
// back, to check that they apply.
func (m *Migrator) DryRun(ctx context.Context, migs []Migration) error {
	tx, err := m.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, mig := range migs {
		if _, err := tx.ExecContext(ctx, mig.SQL); err != nil {
			return fmt.Errorf("migration %d %s: %w", mig.Version, mig.Name, err)
		}
	}
	return nil
}

// UpLocked applies migrations on the locked connection itself, so the
// advisory lock and the changes share a session.
func (m *Migrator) UpLocked(ctx context.Context, migs []Migration) error {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockID); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockID)
	for _, mig := range migs {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, mig.SQL); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Baseline marks every migration up to version as applied without running
// it, on the locked session.
func (m *Migrator) Baseline(ctx context.Context, l *Lock, migs []Migration, version int) error {
	tx, err := l.conn.BeginTx(ctx, nil) // eval:leak sqlclose
	if err != nil {
		return err
	}
	for _, mig := range migs {
		if mig.Version > version {
			break
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %s (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())`, m.table),
			mig.Version, mig.Name, mig.Checksum()); err != nil {
			return fmt.Errorf("baseline %d: %w", mig.Version, err)
		}
	}
	return tx.Commit()
}

// RecordAll records the migrations with a statement prepared on the locked
// connection.
func (m *Migrator) RecordAll(ctx context.Context, l *Lock, migs []Migration) error {
	stmt, err := l.conn.PrepareContext(ctx, fmt.Sprintf(`INSERT INTO %s (version, name, checksum, applied_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING`, m.table)) // eval:leak sqlclose
	if err != nil {
		return err
	}
	for _, mig := range migs {
		if _, err := stmt.ExecContext(ctx, mig.Version, mig.Name, mig.Checksum()); err != nil {
			return err
		}
	}
	return nil
}

// History returns the names of the applied migrations, newest first.
func (m *Migrator) History(ctx context.Context, limit int) ([]string, error) {
	rows, err := m.db.QueryContext(ctx, fmt.Sprintf(`SELECT name FROM %s ORDER BY version DESC LIMIT $1`, m.table), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() { // eval:leak rowserr
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}
