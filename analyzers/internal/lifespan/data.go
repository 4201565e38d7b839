package lifespan

import (
	"go/ast"
	"go/types"
)

// DataLiteral reports whether n is a composite literal of plain data: its
// elements (and the keys of keyed elements) are basic literals,
// constants, field names and literals of the same kind, combined by
// operators. Such a literal holds no call, no function literal, no go
// statement and no mention of a function or a variable: a walk that
// looks for those can skip it whole (its type holds none of them
// either). A package's tables of numbers and strings (a character set's,
// a compression library's) are a fifth of the syntax of a typical build
// with its dependencies, nearly all of it in such literals.
func DataLiteral(info *types.Info, n ast.Node) bool {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 {
		return false
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if !dataKey(info, kv.Key) {
				return false
			}
			e = kv.Value
		}
		if !dataValue(info, e) {
			return false
		}
	}
	return true
}

// dataKey reports whether a key of a keyed element is a basic literal, a
// constant or a struct field's name.
func dataKey(info *types.Info, k ast.Expr) bool {
	switch k := k.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		if v, ok := info.Uses[k].(*types.Var); ok && v.IsField() {
			return true
		}
		return isConst(info, k)
	}
	return false
}

// dataValue reports whether an element is plain data (see DataLiteral).
func dataValue(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return isConst(info, e)
	case *ast.ParenExpr:
		return dataValue(info, e.X)
	case *ast.UnaryExpr:
		return dataValue(info, e.X)
	case *ast.BinaryExpr:
		return dataValue(info, e.X) && dataValue(info, e.Y)
	case *ast.CompositeLit:
		return len(e.Elts) == 0 || DataLiteral(info, e)
	}
	return false
}

// isConst reports whether id names a constant (true, false and iota
// included).
func isConst(info *types.Info, id *ast.Ident) bool {
	_, ok := info.Uses[id].(*types.Const)
	return ok
}
