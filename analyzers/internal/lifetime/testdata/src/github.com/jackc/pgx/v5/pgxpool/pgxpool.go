// Package pgxpool stands in for the part of github.com/jackc/pgx/v5/pgxpool
// where the resource's own package hands a pooled connection on through an
// unexported method of the connection.
package pgxpool

import "context"

type Pool struct{ idle []*Conn }

type Conn struct{ p *Pool }

type poolRows struct{ c *Conn }

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Conn{p: p}, nil
}

func (c *Conn) Release() { c.p.idle = append(c.p.idle, c) } // want Release:`lifetime\(keeps param 0 always\)`

// getPoolRows gives the connection to the rows, which release it on Close.
func (c *Conn) getPoolRows() *poolRows { // want getPoolRows:`lifetime\(keeps param 0 always\)`
	return &poolRows{c: c}
}

func (r *poolRows) Close() { r.c.Release() } // want Close:`lifetime\(releases param 0 always\)`

// rowsFor hands c on through its unexported method: trusted, it keeps c.
func rowsFor(c *Conn) *poolRows { // want rowsFor:`lifetime\(keeps param 0 always\)`
	return c.getPoolRows()
}
