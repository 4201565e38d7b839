package lifespan_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
)

// TestDataLiteral: each package variable's initialiser is a data literal
// exactly when the variable's name says so.
func TestDataLiteral(t *testing.T) {
	const src = `package p

import "unsafe"

type point struct{ X, Y int }
type table struct {
	Name string
	Pts  []point
}

const k = 7

func f() int { return 1 }

var v = 3

var (
	dataNumbers  = []int{1, -2, 3 << 4, k, (5)}
	dataStrings  = [...]string{0: "a", k: "b"}
	dataStructs  = []point{{1, 2}, {X: 3, Y: 4}, {}}
	dataNested   = &table{Name: "t", Pts: []point{{1, 2}}}
	dataPointers = []*point{{1, 2}, &point{3, 4}}
	dataBools    = map[string]bool{"x": true, "y": false}

	notCall     = []int{1, f()}
	notFunc     = []func() int{f}
	notFuncLit  = []func() int{func() int { go f(); return 1 }}
	notVariable = []int{1, v}
	notNested   = []table{{Name: "t", Pts: []point{{f(), 2}}}}
	notVarKey   = map[int]string{v: "x"}
	notBuiltin  = []int{len("ab")}
	notEmpty    = []int{}
	notSizeof   = [][unsafe.Sizeof(f)]byte{{1}}
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			name := vs.Names[0].Name
			if name == "v" {
				continue
			}
			n++
			e := vs.Values[0]
			if u, ok := e.(*ast.UnaryExpr); ok {
				e = u.X // &T{...}: the walks meet the literal under the &
			}
			want := name[:4] == "data"
			if got := lifespan.DataLiteral(info, e); got != want {
				t.Errorf("DataLiteral(%s) = %v, want %v", name, got, want)
			}
		}
	}
	if n != 15 {
		t.Fatalf("checked %d initialisers, want 15", n)
	}
}
