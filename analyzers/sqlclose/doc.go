// Package sqlclose defines an Analyzer that reports database rows,
// statements, connections and transactions that are not released on every
// path, for database/sql, github.com/jmoiron/sqlx and
// github.com/jackc/pgx/v5.
//
// # Analyzer sqlclose
//
// sqlclose: report database rows, statements, connections and transactions that are not released on some path
//
// It also reports loops over `rows.Next` whose iteration error is never
// checked.
//
// Every value below holds a pooled connection (a statement holds a prepared
// statement on the server) until it is released. Leaving one open on a single
// error path is enough: under load the pool runs dry, and every caller blocks in
// `Query`, `Begin` or `Acquire` until its context expires.
//
// | package | value (acquired by) | released by |
// |---|---|---|
// | database/sql | `*sql.Rows` (`Query`, `QueryContext` on `DB`, `Conn`, `Tx`, `Stmt`) | `Close` |
// | | `*sql.Stmt` (`Prepare`, `PrepareContext` on `DB`; `PrepareContext` on `Conn`) | `Close` |
// | | `*sql.Conn` (`DB.Conn`) | `Close` |
// | | `*sql.Tx` (`Begin`, `BeginTx` on `DB`; `BeginTx` on `Conn`) | `Commit` or `Rollback` |
// | github.com/jmoiron/sqlx | `*sqlx.Rows` (`Queryx`, `QueryxContext`, `NamedQuery`, `NamedQueryContext`, `Stmt.Queryx`, `NamedStmt.Queryx`...) | `Close` |
// | | `*sqlx.Stmt` (`Preparex`, `PreparexContext` on `DB` and `Conn`) | `Close` |
// | | `*sqlx.NamedStmt` (`PrepareNamed`, `PrepareNamedContext` on `DB`) | `Close` |
// | | `*sqlx.Conn` (`Connx`) | `Close` |
// | | `*sqlx.Tx` (`Beginx`, `BeginTxx`, `MustBegin`, `MustBeginTx`, `Conn.BeginTxx`) | `Commit` or `Rollback` |
// | github.com/jackc/pgx/v5 | `pgx.Rows` (`Query` on `*pgx.Conn`, `pgx.Tx`, `*pgxpool.Pool`, `*pgxpool.Conn`, `*pgxpool.Tx`) | `Close` |
// | | `pgx.Tx` (`Begin`, `BeginTx` on `*pgx.Conn`, `*pgxpool.Pool`, `*pgxpool.Conn`; `Tx.Begin` savepoints) | `Commit` or `Rollback` |
// | | `*pgx.Conn` (`pgx.Connect`, `ConnectConfig`, `ConnectWithOptions`, `pgxpool.Conn.Hijack`) | `Close` |
// | | `pgx.BatchResults` (`SendBatch`) | `Close` |
// | github.com/jackc/pgx/v5/pgxpool | `*pgxpool.Conn` (`Pool.Acquire`) | `Release` (or `Hijack`) |
// | github.com/jackc/pgx/v4, v4/pgxpool | the same values as v5, from the same calls | the same |
//
// The finding is reported at the call that acquired the value and names the
// first return on which it is still held; the return is attached as a related
// position.
//
// Categories (for `//nolint:sqlclose/CATEGORY` and for filtering output):
//
// | category | what |
// |---|---|
// | `leak` | a value above is not released on some path |
// | `deferinloop` | the release is deferred inside a loop: every iteration's value stays open until the function returns, while an enclosing loop goes on or the function waits after the loop (as closecheck) |
// | `strict` | the release is reached on every path but is not deferred (only with `-sqlclose.strict`) |
// | `rowserr` | off by default (`-sqlclose.rowserr`): a loop over `rows.Next` after which the function reports success without `rows.Err` |
//
// # database/sql
//
// # database/sql: rows
//
// Bad: a `Scan` error returns from inside the loop, and the `Close` after the
// loop never runs.
//
//	rows, err := db.QueryContext(ctx, `SELECT id, name FROM users`) // rows from db.QueryContext is not closed when returning at line 9
//	if err != nil {
//		return nil, err
//	}
//	var out []User
//	for rows.Next() {
//		var u User
//		if err := rows.Scan(&u.ID, &u.Name); err != nil {
//			return nil, err
//		}
//		out = append(out, u)
//	}
//	rows.Close()
//	return out, rows.Err()
//
// Good: defer the close right after the error check (the suggested fix does
// exactly this).
//
//	rows, err := db.QueryContext(ctx, `SELECT id, name FROM users`)
//	if err != nil {
//		return nil, err
//	}
//	defer rows.Close()
//	var out []User
//	for rows.Next() {
//		var u User
//		if err := rows.Scan(&u.ID, &u.Name); err != nil {
//			return nil, err
//		}
//		out = append(out, u)
//	}
//	return out, rows.Err()
//
// `QueryRow` and `QueryRowContext` need no close: `Row.Scan` closes the rows.
//
// `rows.Next` closes the rows when it returns false, so a loop that reads
// every row holds nothing afterwards, even without `Close`; a loop that
// leaves early (`break`, a `return` inside it, a failed database/sql
// `Scan`) still holds its connection, and that path is reported. pgx v5
// rows are also closed by a failed `Scan`. A test that asserts the end of
// the rows (`assert.False(t, rows.Next())`, `require.False`, gotest.tools'
// `assert.Assert(t, !rows.Next())`) passes only when that `Next` has closed
// them. `defer rows.Close()` remains the way to write it.
//
// # database/sql: statements
//
// Bad: the statement is never closed, so every call leaves a prepared statement
// behind on each connection it ran on.
//
//	stmt, err := db.PrepareContext(ctx, `INSERT INTO items (order_id, sku) VALUES (?, ?)`) // statement from db.PrepareContext is not closed when returning at line 7
//	if err != nil {
//		return err
//	}
//	for _, it := range items {
//		if _, err := stmt.ExecContext(ctx, orderID, it.SKU); err != nil {
//			return err
//		}
//	}
//	return nil
//
// Good:
//
//	stmt, err := db.PrepareContext(ctx, `INSERT INTO items (order_id, sku) VALUES (?, ?)`)
//	if err != nil {
//		return err
//	}
//	defer stmt.Close()
//
// Statements prepared on a transaction (`Tx.Prepare`, `Tx.PrepareContext`,
// `Tx.Stmt`, `Tx.StmtContext`) are not reported: database/sql closes them when
// the transaction commits or rolls back, and a transaction that never ends is
// reported on its own. Rows of a transaction (`Tx.Query`, `Tx.QueryContext`)
// close when it ends too: a return after which the function's deferred
// `Rollback` or `Commit` runs does not report them; where the transaction is
// left open, both are reported.
//
// # database/sql: connections
//
// Bad: the connection returns to the pool only on the success path.
//
//	conn, err := db.Conn(ctx) // connection from db.Conn is not closed when returning at line 6
//	if err != nil {
//		return err
//	}
//	if err := stage(ctx, conn, feed); err != nil {
//		return fmt.Errorf("stage: %w", err)
//	}
//	defer conn.Close()
//
// Good: `defer conn.Close()` directly after the error check of `db.Conn`.
//
// # database/sql: transactions
//
// Bad: when the first statement fails, the transaction is neither committed nor
// rolled back and keeps its connection (and its locks).
//
//	tx, err := db.BeginTx(ctx, nil) // transaction from db.BeginTx is neither committed nor rolled back when returning at line 6
//	if err != nil {
//		return err
//	}
//	if _, err := tx.ExecContext(ctx, `UPDATE orders SET status = ? WHERE id = ?`, status, id); err != nil {
//		return err
//	}
//	return tx.Commit()
//
// Good: defer `Rollback`; after a successful `Commit` it does nothing.
//
//	tx, err := db.BeginTx(ctx, nil)
//	if err != nil {
//		return err
//	}
//	defer tx.Rollback()
//	if _, err := tx.ExecContext(ctx, `UPDATE orders SET status = ? WHERE id = ?`, status, id); err != nil {
//		return err
//	}
//	return tx.Commit()
//
// Also fine: a deferred closure that commits or rolls back, a `Rollback` in
// every error branch, or handing the transaction to a function (in any package)
// that commits or rolls back it:
//
//	func finish(tx *sql.Tx, err error) error {
//		if err != nil {
//			tx.Rollback()
//			return err
//		}
//		return tx.Commit()
//	}
//
// # sqlx
//
// sqlx's types embed their database/sql counterparts, so the same rules apply
// and the promoted `Close`, `Commit` and `Rollback` release them.
//
// Bad:
//
//	rows, err := db.Queryx(`SELECT * FROM users`) // rows from db.Queryx is not closed when returning at line 9
//	if err != nil {
//		return nil, err
//	}
//	var out []User
//	for rows.Next() {
//		var u User
//		if err := rows.StructScan(&u); err != nil {
//			return nil, err
//		}
//		out = append(out, u)
//	}
//	return out, rows.Err()
//
// Good: `defer rows.Close()` after the error check, or `db.Select` /
// `db.Get`, which close their rows themselves. `sqlx.StructScan(rows, &out)`
// does not close the rows.
//
// Statements: `Preparex` and `PrepareNamed` (on a `*sqlx.DB` or `*sqlx.Conn`)
// need `defer stmt.Close()`; the same calls on a `*sqlx.Tx` are closed with the
// transaction and are not reported.
//
// Transactions: `Beginx`, `BeginTxx` and `MustBegin` need `Commit` or
// `Rollback` on every path:
//
//	tx := db.MustBegin()
//	defer tx.Rollback()
//	tx.MustExec(`DELETE FROM sessions WHERE user_id = ?`, id)
//	return tx.Commit()
//
// Connections: `Connx` needs `defer conn.Close()`.
//
// # pgx v5
//
// # pgx v5: rows
//
// Bad:
//
//	rows, err := pool.Query(ctx, `SELECT id FROM users`) // rows from pool.Query is not closed when returning at line 9
//	if err != nil {
//		return nil, err
//	}
//	var ids []int64
//	for rows.Next() {
//		var id int64
//		if err := rows.Scan(&id); err != nil {
//			return nil, err
//		}
//		ids = append(ids, id)
//	}
//	return ids, rows.Err()
//
// Good: `defer rows.Close()`, or let pgx collect and close them:
//
//	rows, _ := pool.Query(ctx, `SELECT id, name FROM users`)
//	return pgx.CollectRows(rows, pgx.RowToStructByName[User])
//
// `pgx.CollectRows`, `CollectOneRow`, `CollectExactlyOneRow`, `AppendRows` and
// `ForEachRow` close the rows they are given; `QueryRow` needs no close.
//
// # pgx v5: transactions
//
// Bad:
//
//	tx, err := pool.Begin(ctx) // transaction from pool.Begin is neither committed nor rolled back when returning at line 6
//	if err != nil {
//		return err
//	}
//	if _, err := tx.Exec(ctx, `UPDATE users SET active = false WHERE id = $1`, id); err != nil {
//		return err
//	}
//	return tx.Commit(ctx)
//
// Good:
//
//	tx, err := pool.Begin(ctx)
//	if err != nil {
//		return err
//	}
//	defer tx.Rollback(ctx)
//	...
//	return tx.Commit(ctx)
//
// `pgx.BeginFunc` manages the transaction itself. No fix is suggested for pgx
// transactions and connections: their release takes a context, and the check
// cannot know which one to pass.
//
// # pgx v5: pooled and dedicated connections, batches
//
// Bad / good:
//
//	conn, err := pool.Acquire(ctx) // connection from pool.Acquire is not released when returning at line 6
//	if err != nil {
//		return err
//	}
//	_, err = conn.Exec(ctx, `LISTEN jobs`)
//	return err
//
//	conn, err := pool.Acquire(ctx)
//	if err != nil {
//		return err
//	}
//	defer conn.Release()
//
// A dedicated connection:
//
//	conn, err := pgx.Connect(ctx, dsn) // connection from pgx.Connect is not closed when returning at line 5
//	if err != nil {
//		return err
//	}
//	return conn.Ping(ctx)
//
//	conn, err := pgx.Connect(ctx, dsn)
//	if err != nil {
//		return err
//	}
//	defer conn.Close(ctx)
//
// A batch:
//
//	br := pool.SendBatch(ctx, batch) // batch from pool.SendBatch is not closed when returning at line 3
//	_, err := br.Exec()
//	return err
//
//	br := pool.SendBatch(ctx, batch)
//	defer br.Close()
//
// `pgxpool.Conn.Hijack` takes the connection out of the pool: it releases the
// pooled connection, and the `*pgx.Conn` it returns must be closed.
//
// # Ownership moves
//
// No report is made when the value is returned to the caller, stored in a
// struct field, map, slice or global, sent on a channel, captured by a
// goroutine, passed to `t.Cleanup`, or passed to a function (in any package)
// whose summary says it releases or keeps the value. A value returned together
// with a non-nil error is nil and needs no release, and so is a value checked
// against nil. Mentioning a value (`fmt.Println(rows)`, `_ = rows`) releases
// nothing.
//
// database/sql closes rows and rolls a transaction back by itself once the
// query's context is done. Calling that context's cancel function (deferred,
// on the path, or from a goroutine started before the query) is a release,
// and a query made with a test's context (`t.Context()`, or a context
// derived from it here or by a helper of another package such as
// `testutil.Context(t)`) is released when the test ends:
//
//	func TestFirst(t *testing.T) {
//		rows, err := db.QueryContext(t.Context(), "SELECT n FROM numbers") // released with the test
//		if err != nil {
//			t.Fatal(err)
//		}
//		if !rows.Next() {
//			t.Fatal("no row")
//		}
//	}
//
// A context that outlives the test (`context.WithoutCancel(t.Context())`,
// `context.Background()`) releases nothing.
//
// # Unchecked iteration errors (category `rowserr`)
//
// `rows.Next` returns false both at the end of the rows and when reading them
// failed (a dropped connection, a cancelled context, a value the driver could
// not decode); only `rows.Err` tells the two apart. Without it, a truncated
// result is returned as if it were complete.
//
// Bad:
//
//	defer rows.Close()
//	for rows.Next() { // rows.Err is not checked after the rows.Next loop: an iteration error is silently lost
//		...
//	}
//	return users, nil
//
// Good:
//
//	defer rows.Close()
//	for rows.Next() {
//		...
//	}
//	return users, rows.Err()
//
// or `if err := rows.Err(); err != nil { return nil, err }` after the loop
// (`rows.Close()` before `rows.Err()` is fine, and is the pgx idiom).
//
// The finding is reported at the loop's `rows.Next()` call for database/sql,
// sqlx and pgx rows, when a path from the end of the loop reaches a return that
// reports success (a nil error, no error result, or an error whose nil-ness is
// unknown, such as `return out, rows.Close()`) without calling `rows.Err`. To
// stay precise it is not reported when:
//
//   - the rows come from a parameter or a field (the caller may check `Err`);
//   - the rows are returned, stored, sent, handed to a goroutine or a deferred
//     call, or captured by a closure that calls `Err` (a deferred
//     `err = rows.Err()`);
//   - a function that receives the rows is called after the loop (it may check
//     `Err`);
//   - the return after the loop already fails (`return nil, errNotFound`);
//   - the `Next` is not a loop (`if rows.Next()` for a single row).
//
// The category is off by default: an unchecked iteration error loses data,
// not a resource (Next returning false has closed the rows). Turn it on with
// `-sqlclose.rowserr` (golangci-lint: `rowserr: true` under the sqlclose
// settings), and suppress one finding with `//nolint:sqlclose/rowserr`.
//
// # Suppressing
//
// `//nolint:sqlclose` (or `//nolint:leakvet`) on the reported line, or alone on
// the line above it; `//nolint:sqlclose/rowserr` for one iteration-error finding.
//
// # Limits
//
//   - Only the APIs in the table are known. Wrappers of them are understood
//     through summaries (a function returning `*sql.Rows` hands its caller rows to
//     close; a helper that commits or rolls back ends the transaction), including
//     across packages. A method called through an interface of the program's own
//     (sqlc's `DBTX`, a repository's `Querier`) acquires when its name and result
//     match a table method: `QueryContext` returning `*sql.Rows`, `BeginTx`
//     returning `*sql.Tx`, pgx's `Query` returning `pgx.Rows` and so on.
//     `Prepare` and `PrepareContext` through an interface are not tracked: the
//     implementation may be a transaction.
//   - sqlx's package functions `Preparex` and `PreparexContext` are not listed:
//     they take any `Preparer`, and on a transaction the statement closes with it.
//   - `pgx.BatchResults.Query` rows are not tracked: the batch's `Close` reads
//     what is left.
//   - `sql.Open`, `sqlx.Connect` and `pgxpool.New` return pools that usually live
//     for the program; they are not reported once they leave the function that
//     opens them (returned, stored, passed to a call, captured by a closure).
//     A `database/sql` pool from `sql.Open` or `sql.OpenDB` that the function
//     only uses itself (method calls on it, and on the rows, statements and
//     transactions they return, which stay in the function the same way) is
//     tracked like any resource: a return that leaves it unclosed leaks its
//     connection opener goroutine and its idle connections
//     (`leakproof/localpool_test.go`).
//   - A deferred closure that releases on some of its paths only
//     (`if err != nil { tx.Rollback() }`) is trusted to release: its condition is
//     usually the function's own error, which the check does not relate to each
//     return.
//   - In `main`, values left open at return are released with the process and
//     are not reported (a loop that overwrites one still is).
package sqlclose
