package resource

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
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
	pkg := checkSource(t, src)
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

// KindOfType answers a type whose name is no kind's without spelling it;
// the answer must be what comparing the spelling with every kind's Type
// gives, for named types under pointers, aliases, instances of generic
// types, types of other forms, a type that shares only its name with a
// kind, a kind without a Type, and a table with a kind whose Type is not
// a plain named type.
func TestKindOfTypeMatchesSpelling(t *testing.T) {
	const src = `package p

type Pool struct{}
type Box[T any] struct{}
type PoolAlias = Pool
type PtrAlias = *Pool

var (
	a Pool
	b *Pool
	c **Pool
	d PoolAlias
	e *PoolAlias
	f PtrAlias
	g Box[int]
	h *Box[int]
	i []*Pool
	j map[string]*Pool
	k func() *Pool
	l struct{ P *Pool }
	m int
	n error
	o chan *Pool
)
`
	const other = `package q

type Pool struct{}

var R *Pool
`
	fset := token.NewFileSet()
	check := func(path, src string) *types.Package {
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	p, q := check("example.com/p", src), check("example.com/q", other)
	var typs []types.Type
	for _, name := range p.Scope().Names() {
		if v, ok := p.Scope().Lookup(name).(*types.Var); ok {
			typs = append(typs, v.Type())
		}
	}
	typs = append(typs, q.Scope().Lookup("R").Type())

	plain := []*Kind{
		{ID: "pool", Type: "*example.com/p.Pool"},
		{ID: "pool2", Type: "**example.com/p.Pool"},
		{ID: "alias", Type: "example.com/p.PoolAlias"},
		{ID: "ptralias", Type: "example.com/p.PtrAlias"},
		{ID: "untyped"}, // a kind known by its acquirers only
	}
	boxed := append(slices.Clone(plain), &Kind{ID: "box", Type: "*example.com/p.Box[int]"})
	for _, kinds := range [][]*Kind{plain, boxed} {
		table := NewTable(kinds, nil)
		if (table.typeNames == nil) != (len(kinds) == len(boxed)) {
			t.Errorf("with %d kinds: typeNames = %v", len(kinds), table.typeNames)
		}
		matched := 0
		for _, typ := range typs {
			var want *Kind
			for _, k := range kinds {
				if k.Type == types.TypeString(typ, nil) {
					want = k
				}
			}
			if got := table.KindOfType(typ); got != want {
				t.Errorf("with %d kinds: KindOfType(%s) = %v, want %v", len(kinds), typ, got, want)
			}
			if want != nil {
				matched++
			}
		}
		if matched < len(kinds)-1 {
			t.Errorf("with %d kinds: only %d types matched a kind; the test types do not cover every kind", len(kinds), matched)
		}
	}
}

// The built-in table's kinds all spell plain named types (or none), so
// KindOfType answers most types without spelling them.
func TestBuiltinKindsSpellNamedTypes(t *testing.T) {
	if Builtin().typeNames == nil {
		t.Error("a built-in kind's Type is not a plain named type: KindOfType spells every type")
	}
}

// InterfaceAcquirer first tests the method's name against the names of
// the entries marked ThroughInterfaces: an interface method of such a
// name whose result has the kind's type is still found, one of another
// name (or with another result) is not, nor is a concrete method.
func TestInterfaceAcquirerByName(t *testing.T) {
	const src = `package p

type Pool struct{}

type Source interface {
	Acquire() *Pool
	Fetch() *Pool
	Count() int
}

type Named interface {
	Acquire() int
}

type Impl struct{}
func (Impl) Acquire() *Pool { return nil }
`
	pkg := checkSource(t, src)
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup(typ).Type(), true, pkg, name)
		return obj.(*types.Func)
	}
	kind := &Kind{ID: "pool", Check: "closecheck", Type: "*example.com/p.Pool", Release: []string{"Put"}}
	table := NewTable([]*Kind{kind}, []Acquirer{
		{Func: "(*example.com/p.Manager).Acquire", Kind: "pool", ThroughInterfaces: true},
		{Func: "(*example.com/p.Manager).Fetch", Kind: "pool"},
	})
	for _, c := range []struct {
		typ, name string
		want      bool
	}{
		{"Source", "Acquire", true},
		{"Source", "Fetch", false}, // its entry is not marked
		{"Source", "Count", false},
		{"Named", "Acquire", false}, // the result is not the kind's type
		{"Impl", "Acquire", false},  // not an interface method
	} {
		_, got := table.InterfaceAcquirer(method(c.typ, c.name))
		if got != c.want {
			t.Errorf("InterfaceAcquirer(%s.%s) = %v, want %v", c.typ, c.name, got, c.want)
		}
	}
}

// checkSource type-checks src as the one file of package example.com/p,
// importing from the installed standard library.
func checkSource(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}
