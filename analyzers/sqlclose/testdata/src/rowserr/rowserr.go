// Package rowserr holds loops over rows.Next: the marked ones end without
// rows.Err on a path that reports success.
package rowserr

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
)

var errNotFound = errors.New("not found")

// Reported.

func successWithoutErr(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop: an iteration error is silently lost`
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}

func noErrorResult(db *sql.DB) {
	users, err := db.Query("SELECT name FROM users")
	if err != nil {
		log.Print(err)
		return
	}
	defer users.Close()
	for users.Next() { // want `users.Err is not checked after the users.Next loop`
		var n string
		_ = users.Scan(&n)
		fmt.Println(n)
	}
}

func closeErrorInsteadOfErr(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
		n++
	}
	return n, rows.Close()
}

func negatedLoop(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for {
		if !rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
			break
		}
		n++
	}
	return n, nil
}

func errOnlyOnOnePath(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return ids, rows.Err()
}

func sqlxStructScanLoop(db *sqlx.DB) ([]map[string]any, error) {
	rows, err := db.Queryx("SELECT * FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []map[string]any
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
		m := map[string]any{}
		if err := rows.MapScan(m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

func pgxLoop(ctx context.Context, conn *pgx.Conn) ([]int64, error) {
	rows, err := conn.Query(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Not reported.

func returnsErr(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func checksErr(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("iterate: %w", err)
	}
	return n, nil
}

func closeThenErr(ctx context.Context, conn *pgx.Conn) (int, error) {
	rows, err := conn.Query(ctx, "SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	rows.Close()
	if rows.Err() != nil {
		return 0, rows.Err()
	}
	return n, nil
}

func deferredErrCheck(db *sql.DB) (n int, err error) {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	defer func() {
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
	}()
	for rows.Next() {
		n++
	}
	return n, nil
}

func finishRows(rows *sql.Rows) error {
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

func handedToFinisher(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, finishRows(rows)
}

func joinedErrors(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n, errors.Join(rows.Err(), rows.Close())
}

func failureNeedsNoErr(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, errNotFound
	}
	return ids, rows.Err()
}

func singleRow(db *sql.DB) (string, error) {
	rows, err := db.Query("SELECT name FROM users LIMIT 1")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var n string
	if rows.Next() {
		err = rows.Scan(&n)
	}
	return n, err
}

func iterateParam(rows *sql.Rows) []string {
	var names []string
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		names = append(names, n)
	}
	return names
}

func callerChecksErr(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := iterateParam(rows)
	return names, rows.Err()
}

func perIterationCheck(ctx context.Context, db *sql.DB, ids []int64) (int, error) {
	total := 0
	for _, id := range ids {
		rows, err := db.QueryContext(ctx, "SELECT 1 FROM orders WHERE user_id = ?", id)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			total++
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

func fatalAfterLoop(db *sql.DB) int {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	return n
}

func suppressedCategory(db *sql.DB) int {
	rows, err := db.Query("SELECT 1 FROM users")
	if err != nil {
		return 0
	}
	defer rows.Close()
	n := 0
	//nolint:sqlclose/rowserr // a best-effort count for a dashboard
	for rows.Next() {
		n++
	}
	return n
}
