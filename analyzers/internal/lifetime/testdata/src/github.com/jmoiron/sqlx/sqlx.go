// Package sqlx stands in for the part of github.com/jmoiron/sqlx that shows
// a table acquirer whose body wraps another resource.
package sqlx

import "database/sql"

type DB struct {
	*sql.DB
}

type Rows struct {
	*sql.Rows
}

func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) {
	r, err := db.DB.Query(query, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r}, err
}
