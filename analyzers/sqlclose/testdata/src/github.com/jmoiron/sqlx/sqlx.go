// Package sqlx stands in for github.com/jmoiron/sqlx v1.4.0 in tests. The
// signatures are sqlx's; the bodies keep only what decides ownership: the
// wrappers embed the database/sql values exactly as sqlx does, Select and
// Row.Scan close their rows, StructScan does not.
package sqlx

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx/reflectx"
)

type ColScanner interface {
	Columns() ([]string, error)
	Scan(dest ...interface{}) error
	Err() error
}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type Ext interface {
	binder
	Queryer
	Execer
}

type binder interface {
	DriverName() string
	Rebind(string) string
	BindNamed(string, interface{}) (string, []interface{}, error)
}

type Preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
}

type ExtContext interface {
	binder
	QueryerContext
	ExecerContext
}

type PreparerContext interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

type rowsi interface {
	Close() error
	Columns() ([]string, error)
	Err() error
	Next() bool
	Scan(...interface{}) error
}

type DB struct {
	*sql.DB
	driverName string
	unsafe     bool
	Mapper     *reflectx.Mapper
}

type Conn struct {
	*sql.Conn
	driverName string
	unsafe     bool
	Mapper     *reflectx.Mapper
}

type Tx struct {
	*sql.Tx
	driverName string
	unsafe     bool
	Mapper     *reflectx.Mapper
}

type Stmt struct {
	*sql.Stmt
	unsafe bool
	Mapper *reflectx.Mapper
}

type NamedStmt struct {
	Params      []string
	QueryString string
	Stmt        *Stmt
}

type Rows struct {
	*sql.Rows
	unsafe bool
	Mapper *reflectx.Mapper
}

type Row struct {
	err    error
	unsafe bool
	rows   *sql.Rows
	Mapper *reflectx.Mapper
}

func Open(driverName, dataSourceName string) (*DB, error) {
	db, err := sql.Open(driverName, dataSourceName)
	if err != nil {
		return nil, err
	}
	return &DB{DB: db, driverName: driverName}, err
}

func Connect(driverName, dataSourceName string) (*DB, error) {
	db, err := Open(driverName, dataSourceName)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func NewDb(db *sql.DB, driverName string) *DB { return &DB{DB: db, driverName: driverName} }

func (db *DB) DriverName() string         { return db.driverName }
func (db *DB) Rebind(query string) string { return query }
func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return query, []interface{}{arg}, nil
}

func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error) {
	r, err := db.DB.Query(query, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: db.unsafe, Mapper: db.Mapper}, err
}

func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	r, err := db.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: db.unsafe, Mapper: db.Mapper}, err
}

func (db *DB) QueryRowx(query string, args ...interface{}) *Row {
	rows, err := db.DB.Query(query, args...)
	return &Row{rows: rows, err: err, unsafe: db.unsafe, Mapper: db.Mapper}
}

func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	rows, err := db.DB.QueryContext(ctx, query, args...)
	return &Row{rows: rows, err: err, unsafe: db.unsafe, Mapper: db.Mapper}
}

func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error) {
	return NamedQuery(db, query, arg)
}

func (db *DB) NamedQueryContext(ctx context.Context, query string, arg interface{}) (*Rows, error) {
	return NamedQueryContext(ctx, db, query, arg)
}

func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) {
	return db.Exec(query, arg)
}

func (db *DB) Select(dest interface{}, query string, args ...interface{}) error {
	return Select(db, dest, query, args...)
}

func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return SelectContext(ctx, db, dest, query, args...)
}

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error {
	return db.QueryRowx(query, args...).scanAny(dest, false)
}

func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return db.QueryRowxContext(ctx, query, args...).scanAny(dest, false)
}

func (db *DB) MustExec(query string, args ...interface{}) sql.Result {
	res, err := db.Exec(query, args...)
	if err != nil {
		panic(err)
	}
	return res
}

func (db *DB) Beginx() (*Tx, error) {
	tx, err := db.DB.Begin()
	if err != nil {
		return nil, err
	}
	return &Tx{Tx: tx, driverName: db.driverName, unsafe: db.unsafe, Mapper: db.Mapper}, err
}

func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	tx, err := db.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{Tx: tx, driverName: db.driverName, unsafe: db.unsafe, Mapper: db.Mapper}, err
}

func (db *DB) MustBegin() *Tx {
	tx, err := db.Beginx()
	if err != nil {
		panic(err)
	}
	return tx
}

func (db *DB) MustBeginTx(ctx context.Context, opts *sql.TxOptions) *Tx {
	tx, err := db.BeginTxx(ctx, opts)
	if err != nil {
		panic(err)
	}
	return tx
}

func (db *DB) Preparex(query string) (*Stmt, error) {
	return Preparex(db, query)
}

func (db *DB) PreparexContext(ctx context.Context, query string) (*Stmt, error) {
	return PreparexContext(ctx, db, query)
}

func (db *DB) PrepareNamed(query string) (*NamedStmt, error) {
	return prepareNamed(db, query)
}

func (db *DB) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	stmt, err := PreparexContext(ctx, db, query)
	if err != nil {
		return nil, err
	}
	return &NamedStmt{QueryString: query, Stmt: stmt}, nil
}

func (db *DB) Connx(ctx context.Context) (*Conn, error) {
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Conn{Conn: conn, driverName: db.driverName, unsafe: db.unsafe, Mapper: db.Mapper}, nil
}

func (c *Conn) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{Tx: tx, driverName: c.driverName, unsafe: c.unsafe, Mapper: c.Mapper}, err
}

func (c *Conn) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	r, err := c.Conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: c.unsafe, Mapper: c.Mapper}, err
}

func (c *Conn) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	rows, err := c.Conn.QueryContext(ctx, query, args...)
	return &Row{rows: rows, err: err, unsafe: c.unsafe, Mapper: c.Mapper}
}

func (c *Conn) PreparexContext(ctx context.Context, query string) (*Stmt, error) {
	return PreparexContext(ctx, c, query)
}

func (tx *Tx) DriverName() string         { return tx.driverName }
func (tx *Tx) Rebind(query string) string { return query }
func (tx *Tx) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return query, []interface{}{arg}, nil
}

func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error) {
	r, err := tx.Tx.Query(query, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: tx.unsafe, Mapper: tx.Mapper}, err
}

func (tx *Tx) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	r, err := tx.Tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: tx.unsafe, Mapper: tx.Mapper}, err
}

func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row {
	rows, err := tx.Tx.Query(query, args...)
	return &Row{rows: rows, err: err, unsafe: tx.unsafe, Mapper: tx.Mapper}
}

func (tx *Tx) NamedQuery(query string, arg interface{}) (*Rows, error) {
	return NamedQuery(tx, query, arg)
}

func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error) {
	return tx.Exec(query, arg)
}

func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error {
	return Select(tx, dest, query, args...)
}

func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error {
	return tx.QueryRowx(query, args...).scanAny(dest, false)
}

func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result {
	res, err := tx.Exec(query, args...)
	if err != nil {
		panic(err)
	}
	return res
}

func (tx *Tx) Preparex(query string) (*Stmt, error) {
	return Preparex(tx, query)
}

func (tx *Tx) PreparexContext(ctx context.Context, query string) (*Stmt, error) {
	return PreparexContext(ctx, tx, query)
}

func (tx *Tx) PrepareNamed(query string) (*NamedStmt, error) {
	return prepareNamed(tx, query)
}

func (tx *Tx) Stmtx(stmt interface{}) *Stmt {
	var s *sql.Stmt
	switch v := stmt.(type) {
	case Stmt:
		s = v.Stmt
	case *Stmt:
		s = v.Stmt
	case *sql.Stmt:
		s = v
	default:
		panic("non-statement type passed to Stmtx")
	}
	return &Stmt{Stmt: tx.Stmt(s), Mapper: tx.Mapper}
}

func (tx *Tx) NamedStmt(stmt *NamedStmt) *NamedStmt {
	return &NamedStmt{QueryString: stmt.QueryString, Params: stmt.Params, Stmt: tx.Stmtx(stmt.Stmt)}
}

func (s *Stmt) Queryx(args ...interface{}) (*Rows, error) {
	r, err := s.Stmt.Query(args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: s.unsafe, Mapper: s.Mapper}, err
}

func (s *Stmt) QueryxContext(ctx context.Context, args ...interface{}) (*Rows, error) {
	r, err := s.Stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, unsafe: s.unsafe, Mapper: s.Mapper}, err
}

func (s *Stmt) QueryRowx(args ...interface{}) *Row {
	rows, err := s.Stmt.Query(args...)
	return &Row{rows: rows, err: err, unsafe: s.unsafe, Mapper: s.Mapper}
}

func (s *Stmt) Select(dest interface{}, args ...interface{}) error {
	rows, err := s.Queryx(args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanAll(rows, dest, false)
}

func (s *Stmt) Get(dest interface{}, args ...interface{}) error {
	return s.QueryRowx(args...).scanAny(dest, false)
}

func (n *NamedStmt) Close() error {
	return n.Stmt.Close()
}

func (n *NamedStmt) Exec(arg interface{}) (sql.Result, error) {
	return n.Stmt.Exec(arg)
}

func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error) {
	return n.Stmt.Query(arg)
}

func (n *NamedStmt) QueryContext(ctx context.Context, arg interface{}) (*sql.Rows, error) {
	return n.Stmt.QueryContext(ctx, arg)
}

func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error) {
	r, err := n.Query(arg)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, Mapper: n.Stmt.Mapper}, err
}

func (n *NamedStmt) QueryxContext(ctx context.Context, arg interface{}) (*Rows, error) {
	r, err := n.QueryContext(ctx, arg)
	if err != nil {
		return nil, err
	}
	return &Rows{Rows: r, Mapper: n.Stmt.Mapper}, err
}

func (n *NamedStmt) Select(dest interface{}, arg interface{}) error {
	rows, err := n.Queryx(arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanAll(rows, dest, false)
}

func (n *NamedStmt) Get(dest interface{}, arg interface{}) error {
	r, err := n.Query(arg)
	return (&Row{rows: r, err: err, Mapper: n.Stmt.Mapper}).scanAny(dest, false)
}

func (r *Rows) SliceScan() ([]interface{}, error) {
	cols, err := r.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]interface{}, len(cols))
	return vals, r.Scan(vals...)
}

func (r *Rows) MapScan(dest map[string]interface{}) error {
	vals, err := r.SliceScan()
	if err != nil {
		return err
	}
	cols, _ := r.Columns()
	for i, c := range cols {
		dest[c] = vals[i]
	}
	return nil
}

func (r *Rows) StructScan(dest interface{}) error {
	return r.Scan(dest)
}

func (r *Row) Scan(dest ...interface{}) error {
	if r.err != nil {
		return r.err
	}
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	return r.rows.Close()
}

func (r *Row) StructScan(dest interface{}) error { return r.scanAny(dest, true) }

func (r *Row) scanAny(dest interface{}, structOnly bool) error { return r.Scan(dest) }

func (r *Row) Err() error { return r.err }

func NamedQuery(e Ext, query string, arg interface{}) (*Rows, error) {
	q, args, err := e.BindNamed(query, arg)
	if err != nil {
		return nil, err
	}
	return e.Queryx(q, args...)
}

func NamedQueryContext(ctx context.Context, e ExtContext, query string, arg interface{}) (*Rows, error) {
	q, args, err := e.BindNamed(query, arg)
	if err != nil {
		return nil, err
	}
	return e.QueryxContext(ctx, q, args...)
}

func Preparex(p Preparer, query string) (*Stmt, error) {
	s, err := p.Prepare(query)
	if err != nil {
		return nil, err
	}
	return &Stmt{Stmt: s}, err
}

func PreparexContext(ctx context.Context, p PreparerContext, query string) (*Stmt, error) {
	s, err := p.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &Stmt{Stmt: s}, err
}

type namedPreparer interface {
	Preparer
	binder
}

func prepareNamed(p namedPreparer, query string) (*NamedStmt, error) {
	stmt, err := Preparex(p, query)
	if err != nil {
		return nil, err
	}
	return &NamedStmt{QueryString: query, Stmt: stmt}, nil
}

func Select(q Queryer, dest interface{}, query string, args ...interface{}) error {
	rows, err := q.Queryx(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanAll(rows, dest, false)
}

func SelectContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	rows, err := q.QueryxContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanAll(rows, dest, false)
}

func Get(q Queryer, dest interface{}, query string, args ...interface{}) error {
	return q.QueryRowx(query, args...).scanAny(dest, false)
}

func StructScan(rows rowsi, dest interface{}) error {
	return scanAll(rows, dest, true)
}

func scanAll(rows rowsi, dest interface{}, structOnly bool) error {
	if dest == nil {
		return errors.New("nil pointer passed to StructScan destination")
	}
	for rows.Next() {
		if err := rows.Scan(dest); err != nil {
			return err
		}
	}
	return rows.Err()
}

func In(query string, args ...interface{}) (string, []interface{}, error) {
	return query, args, nil
}

func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	res, err := db.ExecContext(ctx, query, args...)
	if err != nil {
		panic(err)
	}
	return res
}

func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return db.ExecContext(ctx, query, arg)
}

func (tx *Tx) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	rows, err := tx.Tx.QueryContext(ctx, query, args...)
	return &Row{rows: rows, err: err, unsafe: tx.unsafe, Mapper: tx.Mapper}
}

func (tx *Tx) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return SelectContext(ctx, tx, dest, query, args...)
}

func (tx *Tx) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return tx.QueryRowxContext(ctx, query, args...).scanAny(dest, false)
}

func (tx *Tx) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		panic(err)
	}
	return res
}

func (tx *Tx) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return tx.ExecContext(ctx, query, arg)
}

func (s *Stmt) MustExec(args ...interface{}) sql.Result {
	res, err := s.Exec(args...)
	if err != nil {
		panic(err)
	}
	return res
}

func (s *Stmt) MustExecContext(ctx context.Context, args ...interface{}) sql.Result {
	res, err := s.ExecContext(ctx, args...)
	if err != nil {
		panic(err)
	}
	return res
}

func (s *Stmt) QueryRowxContext(ctx context.Context, args ...interface{}) *Row {
	rows, err := s.Stmt.QueryContext(ctx, args...)
	return &Row{rows: rows, err: err, unsafe: s.unsafe, Mapper: s.Mapper}
}

func (s *Stmt) SelectContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	rows, err := s.QueryxContext(ctx, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanAll(rows, dest, false)
}

func (s *Stmt) GetContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	return s.QueryRowxContext(ctx, args...).scanAny(dest, false)
}

func (n *NamedStmt) ExecContext(ctx context.Context, arg interface{}) (sql.Result, error) {
	return n.Stmt.ExecContext(ctx, arg)
}

func (n *NamedStmt) MustExec(arg interface{}) sql.Result {
	res, err := n.Exec(arg)
	if err != nil {
		panic(err)
	}
	return res
}

func (n *NamedStmt) QueryRowx(arg interface{}) *Row {
	r, err := n.Query(arg)
	return &Row{rows: r, err: err, Mapper: n.Stmt.Mapper}
}

func (n *NamedStmt) QueryRowxContext(ctx context.Context, arg interface{}) *Row {
	r, err := n.QueryContext(ctx, arg)
	return &Row{rows: r, err: err, Mapper: n.Stmt.Mapper}
}

func (n *NamedStmt) SelectContext(ctx context.Context, dest interface{}, arg interface{}) error {
	rows, err := n.QueryxContext(ctx, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	return scanAll(rows, dest, false)
}

func (n *NamedStmt) GetContext(ctx context.Context, dest interface{}, arg interface{}) error {
	return n.QueryRowxContext(ctx, arg).scanAny(dest, false)
}
