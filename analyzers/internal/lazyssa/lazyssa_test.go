package lazyssa

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"
)

const src = `package p

import "strings"

var sep = strings.TrimSpace(" , ")

func split(s string) []string { return strings.Split(s, sep) }

func count(b *strings.Builder) int { return b.Len() }
`

// An import is created with its methods and the members the package
// names, each without a body and synthetic from type information, as
// ssa creates an import from type information; the package builds.
func TestCreateImports(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	prog := ssa.NewProgram(fset, 0)
	createImports(prog, pkg, info)
	p := prog.CreatePackage(pkg, []*ast.File{f}, info, false)
	p.Build()

	strs := pkg.Imports()[0]
	imp := prog.Package(strs)
	if imp == nil {
		t.Fatal("strings was not created")
	}
	for _, name := range []string{"TrimSpace", "Split"} {
		fn := prog.FuncValue(strs.Scope().Lookup(name).(*types.Func))
		if fn == nil {
			t.Errorf("strings.%s, which the package names, was not created", name)
			continue
		}
		if fn.Synthetic != "from type information" || fn.Blocks != nil || fn.Pkg != imp {
			t.Errorf("strings.%s: Synthetic %q, %d blocks, package %v; want synthetic from type information, no body, strings", name, fn.Synthetic, len(fn.Blocks), fn.Pkg)
		}
		if syn := fn.Syntax(); syn != nil && (syn.Pos() != token.NoPos || syn.End() != token.NoPos) {
			t.Errorf("strings.%s: the stand-in's syntax has positions %v, %v", name, syn.Pos(), syn.End())
		}
	}
	if fn := prog.FuncValue(strs.Scope().Lookup("Repeat").(*types.Func)); fn != nil {
		t.Errorf("strings.Repeat, which the package does not name, was created")
	}
	// Every method, named or not: a method set may reach any of them.
	builder := strs.Scope().Lookup("Builder").(*types.TypeName).Type().(*types.Named)
	for i := 0; i < builder.NumMethods(); i++ {
		m := builder.Method(i)
		fn := prog.FuncValue(m)
		if fn == nil || fn.Pkg != imp || fn.Synthetic == "" {
			t.Errorf("(*strings.Builder).%s: %v, want a synthetic function of strings", m.Name(), fn)
		}
	}
	if p.Func("split") == nil || p.Func("split").Blocks == nil {
		t.Errorf("split was not built")
	}
}

const tablesSrc = `package p

type pair struct {
	a, b int
	s    string
}

type hook struct{ f func() }

var (
	small  = []int32{1, 2, -3, 1 << 4}
	pairs  = [...]pair{{1, 2, "x"}, {a: 3, b: 4}}
	ptrs   = []*pair{{1, 2, "y"}}
	table  = &pair{a: 5}
	keyed  = [4]int{0: 1, 3: 2}
	n      = len(small)
	fns    = []func(){func() {}}
	hooks  = []hook{{f: nil}}
	names  = map[string]int{"a": 1}
	values = []any{1, "a"}
	calls  = []int{n, len(small)}
	chans  = []chan int{nil}
)
`

// The initializers that only fill a variable with plain data are left
// out of the package initializer; every other one, and every variable,
// stays.
func TestWithoutDataTables(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", tablesSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, init := range withoutDataTables(info) {
		kept = append(kept, init.Lhs[0].Name())
	}
	want := []string{"n", "fns", "hooks", "names", "values", "calls", "chans"}
	if !slices.Equal(kept, want) {
		t.Errorf("initializers kept: %v, want %v", kept, want)
	}

	withOrder := *info
	withOrder.InitOrder = withoutDataTables(info)
	prog := ssa.NewProgram(fset, 0)
	p := prog.CreatePackage(pkg, []*ast.File{f}, &withOrder, false)
	p.Build()
	for _, name := range []string{"small", "pairs", "ptrs", "table", "keyed", "names"} {
		if p.Var(name) == nil {
			t.Errorf("variable %s is not a member of the package", name)
		}
	}
	stored := map[string]bool{}
	for _, b := range p.Func("init").Blocks {
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok {
				if g, ok := st.Addr.(*ssa.Global); ok {
					stored[g.Name()] = true
				}
			}
		}
	}
	for _, name := range []string{"small", "pairs", "ptrs", "table", "keyed"} {
		if stored[name] {
			t.Errorf("the initializer stores the table %s", name)
		}
	}
	for _, name := range want {
		if !stored[name] {
			t.Errorf("the initializer does not store %s", name)
		}
	}
}
