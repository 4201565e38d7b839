// Package pgxdouble is a test double for pgx connections: NewConn's
// connection answers each query with the next row set a test scripted,
// kept in memory, and checks the calls against a script. NewRealConn
// returns the same interface over a server connection.
package pgxdouble

import (
	"context"
	"errors"
	"net"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// Conn is what both constructors return.
type Conn interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
	Close(ctx context.Context) error
}

// Matcher decides whether a query matches a scripted one.
type Matcher interface {
	Match(want, got string) error
}

// script is the state every value of the double shares.
type script struct {
	matcher Matcher
	sets    [][][]any
	closed  int
}

func (s *script) next(sql string) ([][]any, error) {
	if len(s.sets) == 0 {
		return nil, errors.New("no scripted rows for " + sql)
	}
	set := s.sets[0]
	s.sets = s.sets[1:]
	return set, nil
}

func (s *script) noteClosed() { s.closed++ }

// core is embedded by the connection types, whose methods it declares.
type core struct {
	s *script
}

func (c *core) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	set, err := c.s.next(sql)
	if err != nil {
		return nil, err
	}
	return &memRows{s: c.s, set: set, i: -1}, nil
}

func (c *core) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	return &memBatch{c: c, b: b}
}

func (c *core) Close(ctx context.Context) error {
	c.s.noteClosed()
	return nil
}

type mockConn struct {
	core
}

// NewConn returns a connection whose answers are kept in memory.
func NewConn(m Matcher, sets ...[][]any) (Conn, error) {
	c := &mockConn{core{&script{matcher: m, sets: sets}}}
	if m == nil {
		return c, errors.New("no matcher")
	}
	return c, nil
}

type memRows struct {
	s   *script
	set [][]any
	i   int
}

func (r *memRows) Close()                                       { r.s.noteClosed() }
func (r *memRows) Err() error                                   { return nil }
func (r *memRows) CommandTag() pgconn.CommandTag                { return pgconn.CommandTag{} }
func (r *memRows) FieldDescriptions() []pgconn.FieldDescription { return nil }
func (r *memRows) Next() bool                                   { r.i++; return r.i < len(r.set) }
func (r *memRows) Scan(dest ...any) error                       { return nil }
func (r *memRows) Values() ([]any, error)                       { return r.set[r.i], nil }
func (r *memRows) RawValues() [][]byte                          { return nil }
func (r *memRows) Conn() *pgx.Conn                              { return nil }
func (r *memRows) TypeMap() *pgtype.Map                         { return nil }

type memBatch struct {
	c *core
	b *pgx.Batch
	n int
}

func (b *memBatch) Exec() (pgconn.CommandTag, error) { return pgconn.CommandTag{}, nil }

func (b *memBatch) Query() (pgx.Rows, error) {
	if b.n >= b.b.Len() {
		return nil, errors.New("no more queries")
	}
	q := b.b.QueuedQueries[b.n]
	b.n++
	return b.c.Query(context.Background(), q.SQL, q.Arguments...)
}

func (b *memBatch) QueryRow() pgx.Row { return nil }
func (b *memBatch) Close() error      { b.c.s.noteClosed(); return nil }
func (b *memBatch) Tx() pgx.Tx        { return nil }

// realConn holds a server connection.
type realConn struct {
	conn *pgx.Conn
}

func (c *realConn) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return c.conn.Query(ctx, sql, args...)
}

func (c *realConn) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	return c.conn.SendBatch(ctx, b)
}

func (c *realConn) Close(ctx context.Context) error { return c.conn.Close(ctx) }

// NewRealConn returns a connection to the server at url.
func NewRealConn(ctx context.Context, url string) (Conn, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	return &realConn{conn}, nil
}

// Open returns the double for an empty url and a server connection
// otherwise: which one a call runs is not known.
func Open(ctx context.Context, url string) (Conn, error) {
	if url == "" {
		return NewConn(exact{})
	}
	return NewRealConn(ctx, url)
}

type exact struct{}

func (exact) Match(want, got string) error {
	if want != got {
		return errors.New("query " + got + " does not match " + want)
	}
	return nil
}

// Calls in the double's own package: the constructor is in sight.

func firstValue(ctx context.Context) (any, error) {
	c, err := NewConn(exact{}, [][]any{{1}})
	if err != nil {
		return nil, err
	}
	rows, err := c.Query(ctx, "SELECT 1") // rows of the double: memory
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		return nil, errors.New("no row")
	}
	return rows.Values()
}

// wireConn speaks the protocol over a connection it dialled: its rows are
// built when a query is sent, acquiring nothing then, but read the
// connection until they are closed.
type wireConn struct {
	nc net.Conn
}

func (c *wireConn) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if _, err := c.nc.Write([]byte(sql)); err != nil {
		return nil, err
	}
	return &wireRows{c: c}, nil
}

func (c *wireConn) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults { return nil }

func (c *wireConn) Close(ctx context.Context) error { return c.nc.Close() }

type wireRows struct {
	c *wireConn
}

func (r *wireRows) Close()                                       {}
func (r *wireRows) Err() error                                   { return nil }
func (r *wireRows) CommandTag() pgconn.CommandTag                { return pgconn.CommandTag{} }
func (r *wireRows) FieldDescriptions() []pgconn.FieldDescription { return nil }
func (r *wireRows) Next() bool                                   { return false }
func (r *wireRows) Scan(dest ...any) error                       { return nil }
func (r *wireRows) Values() ([]any, error)                       { return nil, nil }
func (r *wireRows) RawValues() [][]byte                          { return nil }
func (r *wireRows) Conn() *pgx.Conn                              { return nil }
func (r *wireRows) TypeMap() *pgtype.Map                         { return nil }

// NewWireConn dials the server at addr.
func NewWireConn(addr string) (Conn, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &wireConn{nc}, nil
}
