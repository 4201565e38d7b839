package resource

import (
	"go/types"
	"testing"
)

// Waits answers listed functions by full name, and takes an unlisted one
// to wait when it takes a context and can fail, unless it derives a
// context or belongs to a package that only reads one.
func TestWaits(t *testing.T) {
	const src = `package p

import (
	"context"
	"time"
)

var _ = time.Sleep

type Client struct{}

func (*Client) Send(ctx context.Context, msg string) error { return nil }
func (*Client) Name(ctx context.Context) string { return "" }
func (*Client) Scoped(ctx context.Context) (context.Context, error) { return ctx, nil }
func Parse(s string) error { return nil }
`
	pkg := checkSource(t, src)
	method := func(name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup("Client").Type()), true, pkg, name)
		return obj.(*types.Func)
	}
	imported := func(path, name string) *types.Func {
		for _, p := range pkg.Imports() {
			if p.Path() == path {
				return p.Scope().Lookup(name).(*types.Func)
			}
		}
		t.Fatalf("%s not imported", path)
		return nil
	}
	for _, c := range []struct {
		fn   *types.Func
		want bool
	}{
		{method("Send"), true},    // a context and an error
		{method("Name"), false},   // no error: reads the context
		{method("Scoped"), false}, // derives a context
		{pkg.Scope().Lookup("Parse").(*types.Func), false},
		{imported("context", "WithValue"), false},
		{imported("time", "Sleep"), true}, // listed
		{imported("time", "Now"), false},
		{nil, false},
	} {
		if got := Waits(c.fn); got != c.want {
			t.Errorf("Waits(%v) = %v, want %v", c.fn, got, c.want)
		}
	}
}
