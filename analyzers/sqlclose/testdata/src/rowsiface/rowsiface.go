// Package rowsiface reaches the database through interfaces whose query
// methods return the rows as an interface of their own, one that
// *sql.Rows satisfies and that offers Close: the value behind it is the
// query's rows, and the caller must close them all the same.
package rowsiface

import (
	"context"
	"database/sql"
	"errors"
)

// Rows is what a scanning helper needs of a query's result.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Columns() ([]string, error)
	Err() error
	Close() error
}

// Querier abstracts a database or a prepared statement.
type Querier interface {
	QueryContext(ctx context.Context, args ...any) (Rows, error)
}

// Stmt wraps a *sql.Stmt as a Querier.
type Stmt struct{ *sql.Stmt }

func (s Stmt) QueryContext(ctx context.Context, args ...any) (Rows, error) {
	return s.Stmt.QueryContext(ctx, args...)
}

type Query struct{ q Querier }

func scanOne(rows Rows) (int64, error) {
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, errors.New("no rows")
	}
	var id int64
	err := rows.Scan(&id)
	return id, err
}

func (q Query) oneNeverClosed(ctx context.Context) (int64, error) {
	rows, err := q.q.QueryContext(ctx) // want `rows from q.q.QueryContext is not closed when returning at line 53`
	if err != nil {
		return 0, err
	}
	return scanOne(rows)
}

func (q Query) oneClosed(ctx context.Context) (int64, error) {
	rows, err := q.q.QueryContext(ctx)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return scanOne(rows)
}

func (q Query) columnsClosedOnError(ctx context.Context) ([]string, error) {
	rows, err := q.q.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	return cols, rows.Close()
}

// Returned, the rows are the caller's to close.
func (q Query) handedToCaller(ctx context.Context) (Rows, error) {
	return q.q.QueryContext(ctx)
}

// Results is satisfied by *sql.Rows but offers no release method: nothing
// is taken as acquired through it.
type Results interface {
	Next() bool
	Scan(dest ...any) error
}

type Reader interface {
	QueryContext(ctx context.Context, args ...any) (Results, error)
}

func firstWithoutCloser(ctx context.Context, r Reader) (int64, error) {
	res, err := r.QueryContext(ctx)
	if err != nil {
		return 0, err
	}
	var id int64
	if res.Next() {
		err = res.Scan(&id)
	}
	return id, err
}

// Cursor offers Close, but *sql.Rows does not satisfy it: its values are
// something else.
type Cursor interface {
	Fetch(n int) ([]any, error)
	Close() error
}

type CursorSource interface {
	QueryContext(ctx context.Context, args ...any) (Cursor, error)
}

func fetchWithoutClose(ctx context.Context, s CursorSource) ([]any, error) {
	c, err := s.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	return c.Fetch(10)
}
