package rowserr

import (
	"database/sql"
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
