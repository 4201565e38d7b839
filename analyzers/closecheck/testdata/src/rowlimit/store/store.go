// Package store keeps a query's rows in memory, or spills them to a
// temporary file when the caller's context carries a row limit.
package store

import (
	"context"
	"os"
)

// Limited is a context that bounds the rows kept in memory.
type Limited interface {
	context.Context
	RowLimit() int
}

type limited struct {
	context.Context
	n int
}

func (l limited) RowLimit() int { return l.n }

// WithLimit returns a context that keeps at most n rows in memory.
func WithLimit(ctx context.Context, n int) Limited { return limited{ctx, n} }

// Rows holds its spill file, if it made one.
type Rows struct {
	spill *os.File
	mem   [][]byte
}

// Close closes the spill file, if there is one.
func (r *Rows) Close() error {
	if r.spill != nil {
		return r.spill.Close()
	}
	return nil
}

// Len is the number of rows kept in memory.
func (r *Rows) Len() int { return len(r.mem) }

// New spills to a file only under a Limited context with a limit.
func New(ctx context.Context) *Rows {
	limit := 0
	if lc, ok := ctx.(Limited); ok {
		limit = lc.RowLimit()
	}
	r := &Rows{}
	if limit != 0 {
		f, err := os.CreateTemp("", "rows")
		if err == nil {
			r.spill = f
		}
	}
	return r
}

// Empty makes rows under the background context: memory only.
func Empty() *Rows { return New(context.Background()) }

// Query hands its caller's context on: the same condition.
func Query(ctx context.Context) (*Rows, error) {
	if ctx.Err() != nil {
		return Empty(), ctx.Err()
	}
	return New(ctx), nil
}

// NewSwitch chooses by a type switch: only a Limited context spills.
func NewSwitch(ctx context.Context) *Rows {
	r := &Rows{}
	switch c := ctx.(type) {
	case Limited:
		f, err := os.CreateTemp("", "rows")
		if err == nil && c.RowLimit() > 0 {
			r.spill = f
		}
	}
	return r
}

// NewSpill spills whatever the context.
func NewSpill(ctx context.Context) *Rows {
	r := &Rows{}
	if f, err := os.CreateTemp("", "rows"); err == nil {
		r.spill = f
	}
	return r
}
