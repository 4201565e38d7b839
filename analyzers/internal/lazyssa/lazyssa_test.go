package lazyssa

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
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
