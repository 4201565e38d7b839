package lifetime

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// tableLen returns the length of a package-level slice of this package
// when v is len() of it, the variable is declared with a slice literal of
// plain elements, and nothing in the package assigns to it, appends to it
// through its address or takes its address: a fixed table (the file names
// a tool tries in turn).
func (e *engine) tableLen(v ssa.Value) (int64, bool) { return tableLen(e.pass, v) }

// FixedLen returns v's value when it is fixed at compile time: an integer
// constant, len() of a slice of an array allocation (a slice literal), or
// len() of an unexported fixed table of pass's package (tableLen; another
// package could append to an exported one).
func FixedLen(pass *analysis.Pass, v ssa.Value) (int64, bool) {
	if n, ok := constLen(v); ok {
		return n, true
	}
	if call, ok := v.(*ssa.Call); ok && len(call.Call.Args) == 1 {
		if ld, ok := call.Call.Args[0].(*ssa.UnOp); ok {
			if g, ok := ld.X.(*ssa.Global); ok && g.Object() != nil && g.Object().Exported() {
				return 0, false
			}
		}
	}
	return tableLen(pass, v)
}

func tableLen(pass *analysis.Pass, v ssa.Value) (int64, bool) {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return 0, false
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" {
		return 0, false
	}
	ld, ok := call.Call.Args[0].(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return 0, false
	}
	g, ok := ld.X.(*ssa.Global)
	if !ok || g.Pkg == nil || g.Pkg.Pkg != pass.Pkg {
		return 0, false
	}
	obj, ok := g.Object().(*types.Var)
	if !ok {
		return 0, false
	}
	n, written := int64(-1), false
	for _, f := range pass.Files {
		ast.Inspect(f, func(nd ast.Node) bool {
			switch nd := nd.(type) {
			case *ast.ValueSpec:
				for i, name := range nd.Names {
					if pass.TypesInfo.Defs[name] != obj || i >= len(nd.Values) {
						continue
					}
					lit, ok := ast.Unparen(nd.Values[i]).(*ast.CompositeLit)
					if !ok {
						written = true
						continue
					}
					for _, el := range lit.Elts {
						if _, kv := el.(*ast.KeyValueExpr); kv {
							written = true
						}
					}
					n = int64(len(lit.Elts))
				}
			case *ast.AssignStmt:
				for _, lhs := range nd.Lhs {
					if refersTo(pass.TypesInfo, lhs, obj) {
						written = true
					}
				}
			case *ast.IncDecStmt:
				if refersTo(pass.TypesInfo, nd.X, obj) {
					written = true
				}
			case *ast.UnaryExpr:
				if nd.Op == token.AND && refersTo(pass.TypesInfo, nd.X, obj) {
					written = true
				}
			}
			return !written
		})
	}
	if written || n < 0 {
		return 0, false
	}
	return n, true
}

// refersTo reports whether x names obj, or an element of it (x[i]).
func refersTo(info *types.Info, x ast.Expr, obj types.Object) bool {
	for {
		switch y := ast.Unparen(x).(type) {
		case *ast.Ident:
			return info.Uses[y] == obj
		case *ast.SelectorExpr:
			return info.Uses[y.Sel] == obj
		case *ast.IndexExpr:
			x = y.X
		default:
			return false
		}
	}
}
