// Package pgxv4cases holds code on pgx v4 and its pgxpool, the older
// major version: the same contracts as v5 under other import paths.
package pgxv4cases

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v4/pgxpool"
)

func rowsLeftOpenOnScanCheck(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM users") // want `rows from pool.Query is not closed when returning at line 22`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, errors.New("no user") // Next returning false closed the rows
	}
	var id int64
	return id, nil
}

func rowsClosed(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var id int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
	}
	return id, rows.Err()
}

func txNotEndedOnError(ctx context.Context, conn *pgx.Conn) error {
	tx, err := conn.Begin(ctx) // want `transaction from conn.Begin is neither committed nor rolled back when returning at line 46`
	if err != nil {
		return err
	}
	if err := tx.QueryRow(ctx, "SELECT pg_advisory_xact_lock(1)").Scan(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func txRolledBack(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	return tx.Commit(ctx)
}

func acquiredNotReleased(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx) // want `connection from pool.Acquire is not released when returning at line 67`
	if err != nil {
		return err
	}
	rows, err := c.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	rows.Close()
	c.Release()
	return nil
}

func acquiredAndReleased(ctx context.Context, pool *pgxpool.Pool) error {
	c, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	rows, err := c.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

func connectedNeverClosed(ctx context.Context, url string) error {
	conn, err := pgx.Connect(ctx, url) // want `connection from pgx.Connect is not closed when returning at line 93`
	if err != nil {
		return err
	}
	return conn.QueryRow(ctx, "SELECT 1").Scan(new(int))
}
