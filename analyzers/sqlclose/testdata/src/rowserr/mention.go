package rowserr

import (
	"database/sql"
	"fmt"
	"reflect"
)

// Reported: reading the rows' type only mentions them, it checks nothing.
func typeMentioned(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	_ = reflect.TypeOf(rows)
	n := 0
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
		n++
	}
	return n, nil
}

type iterator interface{ Next() bool }

// Reported: the rows unboxed with a comma-ok assertion are the same rows.
func assertedBack(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var it iterator = rows
	r, ok := it.(*sql.Rows)
	if !ok {
		return 0, nil
	}
	n := 0
	for r.Next() { // want `r.Err is not checked after the r.Next loop`
		n++
	}
	return n, nil
}

// Not reported: the unboxed rows' Err is checked.
func assertedBackChecked(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var it iterator = rows
	r, ok := it.(*sql.Rows)
	if !ok {
		return 0, nil
	}
	n := 0
	for r.Next() {
		n++
	}
	return n, r.Err()
}

func notFound(what string) error {
	return fmt.Errorf("%s: not found", what)
}

// Not reported: the early return fails through a helper of the package
// that always returns an error; the other checks Err.
func failsThroughHelper(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
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
	if len(names) == 0 {
		return nil, notFound("users")
	}
	return names, rows.Err()
}

func maybeNotFound(what string, n int) error {
	if n > 0 {
		return nil
	}
	return fmt.Errorf("%s: not found", what)
}

// Reported: the helper may return nil.
func mayFailThroughHelper(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() { // want `rows.Err is not checked after the rows.Next loop`
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		return nil, maybeNotFound("users", len(names))
	}
	return names, rows.Err()
}
