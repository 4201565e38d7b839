// Package ormrows hands out rows the way ORMs do: a callback runs the
// query and leaves the rows in an untyped slot of the statement, and
// Rows takes them back out with a type assertion. The caller owns them.
package ormrows

import (
	"context"
	"database/sql"
)

type Statement struct {
	DB   *sql.DB
	SQL  string
	Dest interface{}
}

type Session struct {
	Statement *Statement
	Error     error
}

func (s *Session) runQuery(ctx context.Context) {
	rows, err := s.Statement.DB.QueryContext(ctx, s.Statement.SQL)
	if err != nil {
		s.Error = err
		return
	}
	s.Statement.Dest = rows
}

// Rows returns the rows the callback left in the destination: not
// reported here, the caller owns them.
func (s *Session) Rows(ctx context.Context) (*sql.Rows, error) {
	s.runQuery(ctx)
	return s.Statement.Dest.(*sql.Rows), s.Error
}

// Kind only inspects what it is given: no rows are taken over.
func Kind(v interface{}) string {
	if _, ok := v.(*sql.Rows); ok {
		return "rows"
	}
	return "other"
}

func columnTypesRowsNeverClosed(ctx context.Context, s *Session) ([]*sql.ColumnType, error) {
	rows, err := s.Rows(ctx) // want `rows from s.Rows is not closed when returning at line 51`
	if err != nil {
		return nil, err
	}
	return rows.ColumnTypes()
}

func columnTypesRowsClosed(ctx context.Context, s *Session) ([]*sql.ColumnType, error) {
	rows, err := s.Rows(ctx)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.ColumnTypes()
}
