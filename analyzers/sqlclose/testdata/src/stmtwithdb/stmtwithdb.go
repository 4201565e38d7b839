// Package stmtwithdb holds statements prepared on a *sql.DB that the
// function closes when it ends: closing the database closes the
// connections the statements were prepared on, and with them the
// statements; rows and transactions hold a connection the close does not
// end.
package stmtwithdb

import (
	"context"
	"database/sql"
)

func open() *sql.DB {
	db, _ := sql.Open("driver", "dsn")
	return db
}

// closeDB closes the database it is given.
func closeDB(db *sql.DB) {
	if err := db.Close(); err != nil {
		panic(err)
	}
}

// logOnly takes the database and closes nothing.
func logOnly(db *sql.DB) { _ = db.Stats() }

func errored() error { return nil }

// The database is closed by a defer run before the statement is prepared.
func stmtDeferredDBClose(ctx context.Context) error {
	db := open()
	defer db.Close()
	stmt, err := db.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	if err := errored(); err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The database is never closed: the statement is owed.
func stmtDBLeftOpen(ctx context.Context) error {
	db := open()
	stmt, err := db.PrepareContext(ctx, "SELECT 1") // want `statement from db.PrepareContext is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// A helper of the package, deferred, closes the database.
func stmtDeferredHelperClose(ctx context.Context) error {
	db := open()
	defer closeDB(db)
	stmt, err := db.Prepare("SELECT 1")
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The deferred helper does not close the database.
func stmtDeferredHelperKeeps(ctx context.Context) error {
	db := open()
	defer logOnly(db)
	stmt, err := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The defer closes another database than the statement's.
func stmtOtherDBClosed(ctx context.Context, other *sql.DB) error {
	db := open()
	defer other.Close()
	stmt, err := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The defer comes after the statement: a return before it leaves the
// statement with an open database.
func stmtDeferAfter(ctx context.Context) error {
	db := open()
	stmt, err := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	if err := errored(); err != nil {
		return err
	}
	defer db.Close()
	_, err = stmt.ExecContext(ctx)
	return err
}

// Rows hold a connection that closing the database does not end.
func rowsDeferredDBClose(ctx context.Context) error {
	db := open()
	defer db.Close()
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_ = rows.Next()
	return nil
}

// A statement per iteration piles up until the function returns.
func stmtInLoopDeferredDBClose(ctx context.Context, qs []string) error {
	db := open()
	defer db.Close()
	for _, q := range qs {
		stmt, err := db.PrepareContext(ctx, q) // want `statement from db.PrepareContext is not closed before the next loop iteration acquires another`
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			return err
		}
	}
	return nil
}

// The database is closed by a plain call before the function returns.
func stmtPlainDBClose(ctx context.Context) error {
	db := open()
	stmt, err := db.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		db.Close()
		return err
	}
	_, err = stmt.ExecContext(ctx)
	db.Close()
	return err
}

// The close's error is returned; both returns follow it.
func stmtPlainCheckedClose(ctx context.Context) error {
	db := open()
	stmt, _ := db.PrepareContext(ctx, "SELECT 1")
	_, _ = stmt.ExecContext(ctx)
	if err := db.Close(); err != nil {
		return err
	}
	return nil
}

// A helper of the package closes the database, not deferred.
func stmtPlainHelperClose(ctx context.Context) {
	db := open()
	stmt, _ := db.Prepare("SELECT 1")
	_, _ = stmt.ExecContext(ctx)
	closeDB(db)
}

// The database is closed on one branch only.
func stmtPlainCloseOnOneBranch(ctx context.Context, done bool) {
	db := open()
	stmt, _ := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	_, _ = stmt.ExecContext(ctx)
	if done {
		db.Close()
	}
}

// The early return comes before the close: it leaves the statement with
// an open database.
func stmtPlainCloseAfterEarlyReturn(ctx context.Context) error {
	db := open()
	stmt, err := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line 187`
	if err != nil {
		return err
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return err
	}
	return db.Close()
}

// Another database than the statement's is closed.
func stmtPlainOtherDBClosed(ctx context.Context, other *sql.DB) {
	db := open()
	stmt, _ := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	_, _ = stmt.ExecContext(ctx)
	other.Close()
}

// A statement per iteration piles up until the database is closed after
// the loop.
func stmtInLoopPlainDBClose(ctx context.Context, qs []string) {
	db := open()
	for _, q := range qs {
		stmt, _ := db.PrepareContext(ctx, q) // want `statement from db.PrepareContext is not closed before the next loop iteration acquires another`
		_, _ = stmt.ExecContext(ctx)
	}
	db.Close()
}

// Rows hold a connection that a plain close of the database does not end.
func rowsPlainDBClose(ctx context.Context) {
	db := open()
	rows, _ := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed when returning at line \d+`
	_ = rows.Next()
	db.Close()
}

// A deferred function literal closes the database.
func stmtDeferredLiteralClose(ctx context.Context) error {
	db := open()
	defer func() {
		db.Close()
	}()
	stmt, err := db.Prepare("SELECT 1")
	if err != nil {
		return err
	}
	if err := errored(); err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The deferred function literal closes another database than the
// statement's.
func stmtDeferredLiteralOtherDB(ctx context.Context, other *sql.DB) error {
	db := open()
	defer func() {
		other.Close()
	}()
	stmt, err := db.Prepare("SELECT 1") // want `statement from db.Prepare is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(ctx)
	return err
}

// The deferred function literal closes the database, but the rows hold a
// connection that closing the database does not end.
func rowsDeferredLiteralClose(ctx context.Context) error {
	db := open()
	defer func() {
		db.Close()
	}()
	rows, err := db.QueryContext(ctx, "SELECT 1") // want `rows from db.QueryContext is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	_ = rows.Next()
	return nil
}
