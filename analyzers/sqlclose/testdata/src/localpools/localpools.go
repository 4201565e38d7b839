// Package localpools holds database/sql pools that a function opens for
// itself. One that never leaves the function and is not closed is lost on
// return; one kept anywhere else is the program's, and is not reported.
package localpools

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// ensureDatabase opens a pool to check that a database exists, creates
// it, and returns without closing the pool: its opener goroutine and its
// idle connection stay behind.
func ensureDatabase(dsn, name string) error {
	db, err := sql.Open("postgres", dsn) // want `database pool from sql.Open is not closed when returning at line 23`
	if err != nil {
		return err
	}
	var exists bool
	if err := db.QueryRow("SELECT true FROM pg_database WHERE datname = $1", name).Scan(&exists); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if exists {
		return nil
	}
	_, err = db.Exec(fmt.Sprintf("CREATE DATABASE %s", name))
	return err
}

// reopen drops the first pool when it opens a second one on another
// DSN, and closes only the second.
func reopen(dsn, fallback string) error {
	db, err := sql.Open("postgres", dsn) // want `database pool from sql.Open is not closed when returning at line 40`
	if err != nil {
		return err
	}
	if err := db.Ping(); err == nil {
		return nil
	}
	db2, err := sql.Open("postgres", fallback)
	if err != nil {
		return err
	}
	defer db2.Close()
	return db2.Ping()
}

// countRows closes the pool on success only.
func countRows(dsn string) (int, error) {
	db, err := sql.Open("postgres", dsn) // want `database pool from sql.Open is not closed when returning at line 58`
	if err != nil {
		return 0, err
	}
	rows, err := db.Query("SELECT count(*) FROM t")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	db.Close()
	return n, nil
}

// Good: closed on every path.
func closedByDefer(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("SELECT 1")
	return err
}

// Good: a deferred closure closes it.
func closedByClosure(dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	_, err = db.Exec("SELECT 1")
	return err
}

// Good: the pool is the caller's.
func open(dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	if err := db.Ping(); err != nil {
		return nil, err
	}
	return db, nil
}

// Good: a caller of open keeps what it returns; pools are not tracked
// across functions.
func useOpen(dsn string) error {
	db, err := open(dsn)
	if err != nil {
		return err
	}
	return db.Ping()
}

type store struct{ db *sql.DB }

// Good: kept in a value that outlives the call.
func newStore(dsn string) (*store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}

var (
	shared     *sql.DB
	sharedOnce sync.Once
)

// Good: kept in a package variable for the program's lifetime.
func sharedDB(dsn string) *sql.DB {
	sharedOnce.Do(func() {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			panic(err)
		}
		shared = db
	})
	return shared
}

// Good: handed to a helper that may keep it.
func migrateWith(dsn string, migrate func(*sql.DB) error) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	return migrate(db)
}

// Good: a transaction taken from the pool goes back to the caller, and
// with it the pool.
func beginOn(dsn string) (*sql.Tx, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return db.Begin()
}

// Good: captured by a goroutine that serves with it.
func serve(dsn string, reqs <-chan string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	go func() {
		for q := range reqs {
			db.Exec(q)
		}
	}()
	return nil
}
