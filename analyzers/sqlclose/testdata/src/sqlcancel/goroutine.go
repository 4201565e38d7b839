package sqlcancel

import (
	"context"
	"database/sql"
	"time"
)

// cancelledByGoroutine: a goroutine calls cancel on its only path, so
// the context ends and database/sql closes the rows.
func cancelledByGoroutine(db *sql.DB, wait time.Duration) bool {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(wait)
		cancel()
	}()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers")
	if err != nil {
		return false
	}
	return rows.Next()
}

// txCancelledByGoroutine: the same for a transaction, rolled back.
func txCancelledByGoroutine(db *sql.DB, done <-chan struct{}) error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-done
		cancel()
	}()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	_, err = tx.Exec("DELETE FROM t")
	return err
}

// cancelledByDeferredLiteral: a deferred function literal that cancels.
func cancelledByDeferredLiteral(db *sql.DB, limit int) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer func() {
		cancel()
	}()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers")
	if err != nil {
		return err
	}
	if limit == 0 {
		return nil
	}
	defer rows.Close()
	return rows.Err()
}

// capturedAndDeferred: cancel is captured by a literal that does not
// call it, and deferred by the function itself.
func capturedAndDeferred(db *sql.DB, log func(func())) error {
	ctx, cancel := context.WithCancel(context.Background())
	log(func() { _ = cancel })
	defer cancel()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers")
	if err != nil {
		return err
	}
	return rows.Err()
}

// cancelledOnOneBranch: the goroutine cancels only when asked to, so
// the rows can stay open.
func cancelledOnOneBranch(db *sql.DB, stop bool) bool {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		if stop {
			cancel()
		}
	}()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 82`
	if err != nil {
		return false
	}
	return rows.Next()
}

// goroutineKeepsCancel: the goroutine stores cancel and never calls it.
func goroutineKeepsCancel(db *sql.DB, keep chan<- context.CancelFunc) bool {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		keep <- cancel
	}()
	rows, err := db.QueryContext(ctx, "SELECT n FROM numbers") // want `rows from db.QueryContext is not closed when returning at line 95`
	if err != nil {
		return false
	}
	return rows.Next()
}
