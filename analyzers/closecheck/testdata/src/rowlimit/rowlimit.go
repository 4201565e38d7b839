// Package rowlimit makes row sets: one made under a context that cannot
// carry a row limit holds no file; one made under a context that may
// carry one, or whatever the context, may hold one.
package rowlimit

import (
	"context"
	"time"

	"rowlimit/store"
)

// plainCtx is a context of the program without a row limit.
type plainCtx struct{ context.Context }

// limitCtx is a context of the program with one.
type limitCtx struct{ context.Context }

func (limitCtx) RowLimit() int { return 100 }

// backgroundNotClosed: under context.Background() the rows stay in memory.
func backgroundNotClosed() int {
	r := store.New(context.Background())
	return r.Len()
}

// emptyNotClosed: Empty passes the background context.
func emptyNotClosed() int {
	r := store.Empty()
	return r.Len()
}

// timeoutNotClosed: a context derived by the context package has only
// context.Context's methods, whatever its parent.
func timeoutNotClosed(ctx context.Context) int {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	r := store.New(ctx)
	return r.Len()
}

// plainNotClosed: a type of the program without RowLimit.
func plainNotClosed() int {
	r := store.New(plainCtx{context.Background()})
	return r.Len()
}

// switchBackgroundNotClosed: the type switch finds no Limited.
func switchBackgroundNotClosed() int {
	r := store.NewSwitch(context.Background())
	return r.Len()
}

// queryBackgroundNotClosed: Query passes its context to New.
func queryBackgroundNotClosed() int {
	r, err := store.Query(context.Background())
	if err != nil {
		return 0
	}
	return r.Len()
}

// limitedNotClosed: the caller asks for a row limit; the file stays open.
func limitedNotClosed(ctx context.Context) int {
	r := store.New(store.WithLimit(ctx, 10)) // want `\*rowlimit/store.Rows from store.New is not closed when returning at line 66 \(store.New returns it unreleased at store.go:56\)`
	return r.Len()
}

// limitTypeNotClosed: a type of the program with RowLimit.
func limitTypeNotClosed() int {
	r := store.New(limitCtx{context.Background()}) // want `\*rowlimit/store.Rows from store.New is not closed when returning at line 72`
	return r.Len()
}

// callerCtxNotClosed: the context is the caller's, who may set a limit.
func callerCtxNotClosed(ctx context.Context) int {
	r := store.New(ctx) // want `\*rowlimit/store.Rows from store.New is not closed when returning at line 78`
	return r.Len()
}

// capturedCtxNotClosed: a closure's context is its enclosing function's.
func capturedCtxNotClosed(ctx context.Context) func() int {
	return func() int {
		r := store.New(ctx) // want `\*rowlimit/store.Rows from store.New is not closed when returning at line 85`
		return r.Len()
	}
}

// queryCallerNotClosed: Query's condition reaches the caller's context.
func queryCallerNotClosed(ctx context.Context) int {
	r, err := store.Query(ctx) // want `\*rowlimit/store.Rows from store.Query is not closed when returning at line 95`
	if err != nil {
		return 0
	}
	return r.Len()
}

// switchLimitedNotClosed: the type switch finds a Limited.
func switchLimitedNotClosed(ctx context.Context) int {
	r := store.NewSwitch(store.WithLimit(ctx, 10)) // want `\*rowlimit/store.Rows from store.NewSwitch is not closed when returning at line 101`
	return r.Len()
}

// chosenNotClosed: one of the contexts the caller may pass carries a limit.
func chosenNotClosed(ctx context.Context, spill bool) int {
	if spill {
		ctx = store.WithLimit(ctx, 10)
	}
	r := store.New(ctx) // want `\*rowlimit/store.Rows from store.New is not closed when returning at line 110`
	return r.Len()
}

// spillNotClosed: NewSpill makes its file under any context.
func spillNotClosed() int {
	r := store.NewSpill(context.Background()) // want `\*rowlimit/store.Rows from store.NewSpill is not closed when returning at line 116`
	return r.Len()
}

// limitedClosed: released.
func limitedClosed(ctx context.Context) int {
	r := store.New(store.WithLimit(ctx, 10))
	defer r.Close()
	return r.Len()
}
