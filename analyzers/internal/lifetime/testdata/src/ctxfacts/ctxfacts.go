// Package ctxfacts derives contexts from its parameters: which parameter
// each function's context result comes from is exported.
package ctxfacts

import (
	"context"
	"time"
)

type tb interface{ Context() context.Context }

type key struct{}

func Tagged(ctx context.Context, v string) context.Context { // want Tagged:`ctxfrom\(param 0\)`
	return context.WithValue(ctx, key{}, v)
}

func OfTest(t tb) context.Context { // want OfTest:`ctxfrom\(param 0.Context\(\)\)`
	return Tagged(t.Context(), "test")
}

func Limited(name string, ctx context.Context) context.Context { // want Limited:`ctxfrom\(param 1\)`
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	_ = cancel
	return ctx
}

type holder struct{ t tb }

// Ctx reads a field: not a parameter of its own.
func (h holder) Ctx() context.Context {
	return h.t.Context()
}

func Detached(ctx context.Context) context.Context {
	return context.WithoutCancel(ctx)
}

func Mixed(a, b context.Context, first bool) context.Context {
	if first {
		return a
	}
	return b
}

func Global() context.Context {
	return context.Background()
}
