// Package flagrows: helpers of another package whose release of the rows
// hangs on a flag they pass as a constant.
package flagrows

import (
	"database/sql"

	"flagrows/scan"
)

func Select(db *sql.DB, dst *[]int, q string) error {
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	if err := scan.ScanAll(dst, rows); err != nil {
		return err
	}
	return nil
}

func Get(db *sql.DB, dst *[]int, q string) error {
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	if err := scan.ScanOne(dst, rows); err != nil {
		return err
	}
	return nil
}

// ScanPart does not close the rows when it fails.
func SelectPart(db *sql.DB, dst *[]int, q string) error {
	rows, err := db.Query(q) // want `rows from db.Query is not closed when returning at line 40`
	if err != nil {
		return err
	}
	if err := scan.ScanPart(dst, rows); err != nil {
		return err
	}
	return rows.Close()
}
