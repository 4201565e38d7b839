// Package pgxdoubleuse calls the connections of pgxdouble through the
// interface its constructors name: the double's rows and batches, made in
// memory, need no Close; a server connection's do, and so do those of a
// connection whose dynamic type is not known here.
package pgxdoubleuse

import (
	"context"
	"errors"
	"pgxdouble"

	"github.com/jackc/pgx/v5"
)

type matchAll struct{}

func (matchAll) Match(want, got string) error { return nil }

// Quiet: the double's answers hold memory alone.

func countFromDouble(ctx context.Context) (int, error) {
	c, err := pgxdouble.NewConn(matchAll{}, [][]any{{1}, {2}})
	if err != nil {
		return 0, err
	}
	rows, err := c.Query(ctx, "SELECT n FROM t")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n > 1 {
			return n, nil // rows left open: the double's, in memory
		}
	}
	return n, nil
}

func batchFromDouble(ctx context.Context) error {
	c, _ := pgxdouble.NewConn(matchAll{})
	b := &pgx.Batch{}
	b.Queue("SELECT 1")
	br := c.SendBatch(ctx, b) // the double's batch, in memory
	_, err := br.Exec()
	return err
}

// Reported: a server connection, or one that may be.

func countFromServer(ctx context.Context, url string) (int, error) {
	c, err := pgxdouble.NewRealConn(ctx, url)
	if err != nil {
		return 0, err
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, "SELECT n FROM t") // want `rows from c.Query is not closed when returning at line 64`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, errors.New("empty")
	}
	return 1, nil
}

func batchFromServer(ctx context.Context, url string) error {
	c, err := pgxdouble.NewRealConn(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	b := &pgx.Batch{}
	b.Queue("SELECT 1")
	br := c.SendBatch(ctx, b) // want `batch from c.SendBatch is not closed when returning at line 77`
	_, err = br.Exec()
	return err
}

func countFromEither(ctx context.Context, url string) (int, error) {
	c, err := pgxdouble.Open(ctx, url)
	if err != nil {
		return 0, err
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, "SELECT n FROM t") // want `rows from c.Query is not closed when returning at line 93`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, errors.New("empty")
	}
	return 1, nil
}

func countFromGiven(ctx context.Context, c pgxdouble.Conn) (int, error) {
	rows, err := c.Query(ctx, "SELECT n FROM t") // want `rows from c.Query is not closed when returning at line 104`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, errors.New("empty")
	}
	return 1, nil
}

func countFromWire(ctx context.Context, addr string) (int, error) {
	c, err := pgxdouble.NewWireConn(addr)
	if err != nil {
		return 0, err
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, "SELECT n FROM t") // want `rows from c.Query is not closed when returning at line 120`
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, errors.New("empty")
	}
	return 1, nil
}
