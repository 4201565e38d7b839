// Package sqlclose defines an Analyzer that reports database rows,
// statements, connections and transactions that are not released on every
// path, for database/sql, github.com/jmoiron/sqlx and
// github.com/jackc/pgx/v5.
//
// # Analyzer sqlclose
//
// sqlclose: report database rows, statements, connections and transactions that are not released on some path
//
// Each of these values holds a pooled connection (a statement holds a
// prepared statement on the server) until it is released. One left open
// on an error path is enough: under load the pool runs dry and every
// caller blocks in Query or Begin.
//
//	database/sql  *sql.Rows, *sql.Stmt, *sql.Conn   Close
//	              *sql.Tx                           Commit or Rollback
//	sqlx          *sqlx.Rows, *sqlx.Stmt,
//	              *sqlx.NamedStmt, *sqlx.Conn       Close
//	              *sqlx.Tx (Beginx, MustBegin...)   Commit or Rollback
//	pgx v5        pgx.Rows, pgx.BatchResults        Close
//	              *pgx.Conn (Connect)               Close
//	              pgx.Tx                            Commit or Rollback
//	pgxpool       *pgxpool.Conn (Acquire)           Release
//
// The check reports at the call that acquired the value and names the
// return on which it leaks:
//
//	rows, err := db.QueryContext(ctx, q)
//	if err != nil {
//		return nil, err
//	}
//	for rows.Next() {
//		if err := rows.Scan(&id); err != nil {
//			return nil, err // rows leak here
//		}
//	}
//	rows.Close()
//
// Fix it by deferring the release right after the error check; for a
// transaction, defer Rollback (a no-op once Commit has succeeded):
//
//	tx, err := db.BeginTx(ctx, nil)
//	if err != nil {
//		return err
//	}
//	defer tx.Rollback()
//	...
//	return tx.Commit()
//
// No report is made when ownership moves on: the value is returned,
// stored in a field, map, slice or global, sent on a channel, captured by
// a goroutine, or passed to a function (in any package) that releases or
// keeps it, such as pgx.CollectRows or a helper that commits or rolls back.
// The same calls made through an interface of the program's own (sqlc's
// DBTX) are tracked too. A value returned with a non-nil error needs no
// release. QueryRow needs none either. Statements prepared on a transaction (Tx.Prepare, Tx.Stmt
// and their sqlx forms) are not reported: database/sql closes them when
// the transaction ends.
//
// # Unchecked iteration errors
//
// rows.Next returns false both at the end of the rows and when reading
// them failed; only rows.Err tells the two apart. The check also reports,
// in the separate category rowserr, a loop over rows.Next (database/sql,
// sqlx or pgx rows acquired in the function) after which the function
// reports success without calling rows.Err:
//
//	for rows.Next() { // rows.Err is not checked after the rows.Next loop
//		...
//	}
//	return users, nil
//
// Fix it with `return users, rows.Err()` or an `if err := rows.Err()`
// check after the loop. Rows handed to another function after the loop,
// or that leave the function, are not reported.
//
// Suppress a finding with //nolint:sqlclose (or //nolint:leakvet) on the
// reported line or alone on the line above it; //nolint:sqlclose/rowserr
// suppresses only an iteration-error finding, and -sqlclose.rowserr=false
// turns that category off.
package sqlclose
