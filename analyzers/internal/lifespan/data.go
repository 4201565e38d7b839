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
// looks for those can skip it whole, its type too (unless an array
// length in it is a call: see hasCall). Tables of numbers and strings (a
// character set's, a compression library's) make about a fifth of the
// syntax nodes of group 4 of the real-world corpus with its dependencies.
func DataLiteral(info *types.Info, n ast.Node) bool {
	lit, ok := n.(*ast.CompositeLit)
	if !ok || len(lit.Elts) == 0 || hasCall(lit.Type) {
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
		if len(e.Elts) == 0 {
			return !hasCall(e.Type)
		}
		return DataLiteral(info, e)
	}
	return false
}

// hasCall reports whether a type expression holds a call: an array
// length may be a constant expression such as unsafe.Sizeof(x), whose
// operand a walk would see.
func hasCall(t ast.Expr) bool {
	found := false
	if t != nil {
		ast.Inspect(t, func(n ast.Node) bool {
			_, isCall := n.(*ast.CallExpr)
			found = found || isCall
			return !found
		})
	}
	return found
}

// isConst reports whether id names a constant (true, false and iota
// included).
func isConst(info *types.Info, id *ast.Ident) bool {
	_, ok := info.Uses[id].(*types.Const)
	return ok
}
