// Package testctxhelp hands out contexts to the tests of other packages.
package testctxhelp

import (
	"context"
	"time"
)

// TB is the part of a test this package needs.
type TB interface {
	Context() context.Context
	Cleanup(func())
}

type limitKey struct{}

// WithLimit derives a context that carries a limit.
func WithLimit(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, limitKey{}, n)
}

// Context is the test's context, with a limit.
func Context(t TB) context.Context {
	return WithLimit(t.Context(), 32)
}

// Bounded is the test's context with a deadline, cancelled at cleanup.
func Bounded(t TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx
}

// Detached outlives the test: context.WithoutCancel is not derived.
func Detached(t TB) context.Context {
	return context.WithoutCancel(t.Context())
}

// Background ignores the test.
func Background(t TB) context.Context {
	return context.Background()
}

// Either derives from the test on one path only.
func Either(t TB, own bool) context.Context {
	if own {
		return t.Context()
	}
	return context.Background()
}
