// Package pgx stands in for github.com/jackc/pgx/v5 (v5.13) in tests. The
// signatures are pgx's; the bodies keep only what decides ownership: the
// Collect and ForEach helpers close the rows they are given, as pgx
// documents.
package pgx

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

var (
	ErrNoRows      = errors.New("no rows in result set")
	ErrTooManyRows = errors.New("too many rows in result set")
	ErrTxClosed    = errors.New("tx is closed")
)

type ConnConfig struct {
	pgconn.Config
}

type ParseConfigOptions struct{}

func ParseConfig(connString string) (*ConnConfig, error) {
	if connString == "" {
		return nil, errors.New("empty connection string")
	}
	return &ConnConfig{}, nil
}

type Conn struct {
	config *ConnConfig
	closed bool
}

func Connect(ctx context.Context, connString string) (*Conn, error) {
	config, err := ParseConfig(connString)
	if err != nil {
		return nil, err
	}
	return connect(ctx, config)
}

func ConnectWithOptions(ctx context.Context, connString string, options ParseConfigOptions) (*Conn, error) {
	return Connect(ctx, connString)
}

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) {
	return connect(ctx, connConfig)
}

func connect(ctx context.Context, config *ConnConfig) (*Conn, error) {
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return &Conn{config: config}, nil
}

func (c *Conn) Close(ctx context.Context) error {
	c.closed = true
	return nil
}

func (c *Conn) IsClosed() bool { return c.closed }

func (c *Conn) Ping(ctx context.Context) error { return ctx.Err() }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, ctx.Err()
}

func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	return &pgconn.StatementDescription{Name: name, SQL: sql}, nil
}

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) {
	if err := ctx.Err(); err != nil {
		return &baseRows{err: err, closed: true}, err
	}
	return &baseRows{conn: c}, nil
}

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row {
	rows, _ := c.Query(ctx, sql, args...)
	return (*connRow)(rows.(*baseRows))
}

func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults {
	return &batchResults{conn: c}
}

func (c *Conn) Begin(ctx context.Context) (Tx, error) {
	return c.BeginTx(ctx, TxOptions{})
}

func (c *Conn) BeginTx(ctx context.Context, txOptions TxOptions) (Tx, error) {
	if _, err := c.Exec(ctx, "begin"); err != nil {
		return nil, err
	}
	return &dbTx{conn: c}, nil
}

type Identifier []string

type CopyFromSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

type LargeObjects struct {
	tx Tx
}

type TxIsoLevel string
type TxAccessMode string
type TxDeferrableMode string

type TxOptions struct {
	IsoLevel       TxIsoLevel
	AccessMode     TxAccessMode
	DeferrableMode TxDeferrableMode
	BeginQuery     string
	CommitQuery    string
}

type Tx interface {
	Begin(ctx context.Context) (Tx, error)
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error)
	SendBatch(ctx context.Context, b *Batch) BatchResults
	LargeObjects() LargeObjects
	Prepare(ctx context.Context, name, sql string) (*pgconn.StatementDescription, error)
	Exec(ctx context.Context, sql string, arguments ...any) (commandTag pgconn.CommandTag, err error)
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
	Conn() *Conn
}

type dbTx struct {
	conn   *Conn
	closed bool
}

func (tx *dbTx) Begin(ctx context.Context) (Tx, error) {
	if tx.closed {
		return nil, ErrTxClosed
	}
	return &dbTx{conn: tx.conn}, nil
}

func (tx *dbTx) Commit(ctx context.Context) error {
	tx.closed = true
	return nil
}

func (tx *dbTx) Rollback(ctx context.Context) error {
	tx.closed = true
	return nil
}

func (tx *dbTx) CopyFrom(ctx context.Context, tableName Identifier, columnNames []string, rowSrc CopyFromSource) (int64, error) {
	return 0, nil
}

func (tx *dbTx) SendBatch(ctx context.Context, b *Batch) BatchResults {
	return tx.conn.SendBatch(ctx, b)
}
func (tx *dbTx) LargeObjects() LargeObjects { return LargeObjects{tx: tx} }
func (tx *dbTx) Prepare(ctx context.Context, name, sql string) (*pgconn.StatementDescription, error) {
	return tx.conn.Prepare(ctx, name, sql)
}
func (tx *dbTx) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return tx.conn.Exec(ctx, sql, arguments...)
}
func (tx *dbTx) Query(ctx context.Context, sql string, args ...any) (Rows, error) {
	return tx.conn.Query(ctx, sql, args...)
}
func (tx *dbTx) QueryRow(ctx context.Context, sql string, args ...any) Row {
	return tx.conn.QueryRow(ctx, sql, args...)
}
func (tx *dbTx) Conn() *Conn { return tx.conn }

type Rows interface {
	Close()
	Err() error
	CommandTag() pgconn.CommandTag
	FieldDescriptions() []pgconn.FieldDescription
	Next() bool
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
	Conn() *Conn
	TypeMap() *pgtype.Map
}

type Row interface {
	Scan(dest ...any) error
}

type baseRows struct {
	conn   *Conn
	err    error
	closed bool
}

func (rows *baseRows) Close()                                       { rows.closed = true }
func (rows *baseRows) Err() error                                   { return rows.err }
func (rows *baseRows) CommandTag() pgconn.CommandTag                { return pgconn.CommandTag{} }
func (rows *baseRows) FieldDescriptions() []pgconn.FieldDescription { return nil }
func (rows *baseRows) Next() bool                                   { return !rows.closed }
func (rows *baseRows) Scan(dest ...any) error                       { return rows.err }
func (rows *baseRows) Values() ([]any, error)                       { return nil, rows.err }
func (rows *baseRows) RawValues() [][]byte                          { return nil }
func (rows *baseRows) Conn() *Conn                                  { return rows.conn }
func (rows *baseRows) TypeMap() *pgtype.Map                         { return nil }

type connRow baseRows

func (r *connRow) Scan(dest ...any) error {
	rows := (*baseRows)(r)
	defer rows.Close()
	if !rows.Next() {
		if rows.Err() != nil {
			return rows.Err()
		}
		return ErrNoRows
	}
	return rows.Scan(dest...)
}

type QueuedQuery struct {
	SQL       string
	Arguments []any
}

type Batch struct {
	QueuedQueries []*QueuedQuery
}

func (b *Batch) Queue(query string, arguments ...any) *QueuedQuery {
	qq := &QueuedQuery{SQL: query, Arguments: arguments}
	b.QueuedQueries = append(b.QueuedQueries, qq)
	return qq
}

func (b *Batch) Len() int { return len(b.QueuedQueries) }

type BatchResults interface {
	Exec() (pgconn.CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	Close() error
	Tx() Tx
}

type batchResults struct {
	conn   *Conn
	closed bool
}

func (br *batchResults) Exec() (pgconn.CommandTag, error) { return pgconn.CommandTag{}, nil }
func (br *batchResults) Query() (Rows, error)             { return &baseRows{conn: br.conn}, nil }
func (br *batchResults) QueryRow() Row                    { return &connRow{conn: br.conn} }
func (br *batchResults) Close() error {
	br.closed = true
	return nil
}
func (br *batchResults) Tx() Tx { return nil }

type CollectableRow interface {
	FieldDescriptions() []pgconn.FieldDescription
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
}

type RowToFunc[T any] func(row CollectableRow) (T, error)

func ForEachRow(rows Rows, scans []any, fn func() error) (pgconn.CommandTag, error) {
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(scans...); err != nil {
			return pgconn.CommandTag{}, err
		}
		if err := fn(); err != nil {
			return pgconn.CommandTag{}, err
		}
	}
	if err := rows.Err(); err != nil {
		return pgconn.CommandTag{}, err
	}
	return rows.CommandTag(), nil
}

func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) {
	defer rows.Close()
	for rows.Next() {
		value, err := fn(rows)
		if err != nil {
			return nil, err
		}
		slice = append(slice, value)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return slice, nil
}

func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) {
	return AppendRows([]T{}, rows, fn)
}

func CollectOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) {
	defer rows.Close()
	var value T
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return value, err
		}
		return value, ErrNoRows
	}
	value, err := fn(rows)
	if err != nil {
		return value, err
	}
	rows.Close()
	return value, rows.Err()
}

func CollectExactlyOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) {
	defer rows.Close()
	var value T
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return value, err
		}
		return value, ErrNoRows
	}
	value, err := fn(rows)
	if err != nil {
		return value, err
	}
	if rows.Next() {
		var zero T
		return zero, ErrTooManyRows
	}
	return value, rows.Err()
}

func RowTo[T any](row CollectableRow) (T, error) {
	var value T
	err := row.Scan(&value)
	return value, err
}

func RowToStructByName[T any](row CollectableRow) (T, error) {
	var value T
	err := row.Scan(&value)
	return value, err
}

func RowToMap(row CollectableRow) (map[string]any, error) {
	values, err := row.Values()
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	for i, fd := range row.FieldDescriptions() {
		m[fd.Name] = values[i]
	}
	return m, nil
}

func BeginFunc(ctx context.Context, db interface {
	Begin(ctx context.Context) (Tx, error)
}, fn func(Tx) error) (err error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		rollbackErr := tx.Rollback(ctx)
		if rollbackErr != nil && !errors.Is(rollbackErr, ErrTxClosed) {
			err = rollbackErr
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
