// Package scan reads rows into values. processRows closes the rows only
// when its closeRows flag is set; ScanAll and ScanOne set it with a
// constant, so for their callers they close the rows on every return.
package scan

import (
	"database/sql"
	"errors"
)

type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

func processRows(dst *[]int, rows Rows, multiple, closeRows bool) error {
	if closeRows {
		defer rows.Close()
	}
	n := 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return err
		}
		*dst = append(*dst, v)
		n++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if closeRows {
		if err := rows.Close(); err != nil {
			return err
		}
	}
	if !multiple && n != 1 {
		return errors.New("want one row")
	}
	return nil
}

// ScanAll closes the rows on every return.
func ScanAll(dst *[]int, rows Rows) error { return processRows(dst, rows, true, true) }

// ScanOne closes the rows on every return.
func ScanOne(dst *[]int, rows Rows) error { return processRows(dst, rows, false, true) }

// ScanPart leaves the rows open (the caller reads the next result set):
// on a failing scan they are still the caller's.
func ScanPart(dst *[]int, rows Rows) error { return processRows(dst, rows, true, false) }

// Select in the same package as processRows.
func Select(db *sql.DB, dst *[]int, q string) error {
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	return processRows(dst, rows, true, true)
}

// SelectPart passes false: the failing scan leaves the rows open.
func SelectPart(db *sql.DB, dst *[]int, q string) error {
	rows, err := db.Query(q) // want `rows from db.Query is not closed when returning at line 71`
	if err != nil {
		return err
	}
	if err := processRows(dst, rows, true, false); err != nil {
		return err
	}
	return rows.Close()
}
