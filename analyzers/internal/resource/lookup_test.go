package resource

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// The table answers by full name; the bare-name pre-test must not lose an
// entry (a plain function, a method, a method of a generic type, a user
// entry, an owner, an exempt function) nor admit a function that only
// shares a name or a package with one.
func TestTableLooksUpByFullName(t *testing.T) {
	const src = `package p

type Pool struct{}
func (*Pool) Get() *Pool { return nil }
func (*Pool) Put(*Pool) {}

type Cache[K comparable, V any] struct{}
func (*Cache[K, V]) Open() *Pool { return nil }

func Open() *Pool { return nil }
func Serve(*Pool) {}
func Never() *Pool { return nil }

type Other struct{}
func (*Other) Get() *Pool { return nil }
func Get() *Pool { return nil }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup(typ).Type()), true, pkg, name)
		return obj.(*types.Func)
	}
	fun := func(name string) *types.Func { return pkg.Scope().Lookup(name).(*types.Func) }
	// A method of an instantiated generic type, as a call site sees it.
	inst, err := types.Instantiate(nil, pkg.Scope().Lookup("Cache").Type(), []types.Type{types.Typ[types.String], types.Typ[types.Int]}, true)
	if err != nil {
		t.Fatal(err)
	}
	instOpen, _, _ := types.LookupFieldOrMethod(types.NewPointer(inst), true, pkg, "Open")

	kind := &Kind{ID: "pool", Check: "closecheck", Type: "*example.com/p.Pool", Release: []string{"Put"}}
	table := NewTable([]*Kind{kind}, []Acquirer{
		{Func: "example.com/p.Open", Kind: "pool"},
		{Func: "(*example.com/p.Cache[K, V]).Open", Kind: "pool"},
	}).
		WithUser([]UserEntry{{Acquire: "(*example.com/p.Pool).Get", Methods: []string{"Put"}}}).
		WithOwners([]Owner{{Func: "example.com/p.Serve"}}).
		WithExempt([]Owner{{Func: "example.com/p.Never"}})

	for _, tt := range []struct {
		fn   *types.Func
		want bool
	}{
		{fun("Open"), true},
		{method("Cache", "Open"), true},
		{instOpen.(*types.Func), true},
		{method("Pool", "Get"), true},
		{method("Other", "Get"), false},
		{fun("Get"), false},
		{fun("Never"), false},
		{nil, false},
	} {
		if _, got := table.Acquirer(tt.fn); got != tt.want {
			t.Errorf("Acquirer(%v) = %v, want %v", tt.fn, got, tt.want)
		}
	}
	if !table.IsOwner(fun("Serve")) || table.IsOwner(fun("Open")) || table.IsOwner(nil) {
		t.Errorf("IsOwner: want Serve only")
	}
	if !table.IsExempt(fun("Never")) || table.IsExempt(fun("Open")) || table.IsExempt(nil) {
		t.Errorf("IsExempt: want Never only")
	}
}
