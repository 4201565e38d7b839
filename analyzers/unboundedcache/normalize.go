package unboundedcache

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// keyNormalized reports whether the write's key (or appended value) is a
// local variable that an earlier statement of the same function folds
// into a bounded set before the write:
//
//	switch method {
//	case "GET", "POST":
//	default:
//		method = "OTHER"
//	}
//
//	if _, ok := supported[lang]; !ok {
//		lang = "en"
//	}
//
// A switch qualifies when its cases list only constants and keep the
// variable, and its default replaces it with a bounded value or leaves;
// an if when it replaces the variable (or leaves) unless a package-level
// table holds it. No assignment after the folding statement may give the
// variable unbounded data again.
func (c *checker) keyNormalized(w *write) bool {
	v, ok := c.subjectVar(w)
	if !ok || !c.isLocal(v) {
		return false
	}
	body := w.site.body()
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	folded := false
	ast.Inspect(body, func(n ast.Node) bool {
		if folded || n == nil {
			return false
		}
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false // another function's statements
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for i, s := range list {
			if s.Pos() > w.pos || w.pos >= s.End() {
				continue
			}
			// s holds the write: look for the folding statement before it.
			for _, prev := range list[:i] {
				if c.folds(w.site, prev, v) && c.boundedAfter(v, prev.End()) {
					folded = true
					return false
				}
			}
		}
		return true
	})
	return folded
}

// boundedAfter reports whether every assignment to v after pos gives it a
// bounded value.
func (c *checker) boundedAfter(v *types.Var, pos token.Pos) bool {
	for _, d := range c.defs[v] {
		e := d.value
		if d.rangeOf != nil {
			e = d.rangeOf
		}
		if e == nil || e.Pos() < pos {
			continue
		}
		if d.partial || d.rangeOf != nil || c.classify(d.node, d.value, nil, 1).level != boundedDomain {
			return false
		}
	}
	return true
}

// folds reports whether statement s leaves v in a bounded set or leaves
// the function (or the loop iteration) when v is not in one.
func (c *checker) folds(n *fnode, s ast.Stmt, v *types.Var) bool {
	switch s := s.(type) {
	case *ast.SwitchStmt:
		if !c.isIdentOf(s.Tag, v) {
			return false
		}
		hasDefault := false
		for _, cl := range s.Body.List {
			cc := cl.(*ast.CaseClause)
			if cc.List == nil {
				hasDefault = true
				if !c.replacesOrLeaves(n, cc.Body, v) {
					return false
				}
				continue
			}
			for _, e := range cc.List {
				if c.info.Types[e].Value == nil {
					return false
				}
			}
			if c.assignsTo(cc.Body, v) {
				return false
			}
		}
		return hasDefault
	case *ast.IfStmt:
		return s.Else == nil && c.notInTable(s, v) && c.replacesOrLeaves(n, s.Body.List, v)
	}
	return false
}

// notInTable reports whether the if statement's condition holds exactly
// when v is missing from a package-level table: !ok after
// `_, ok := table[v]`, `!table[v]`, or `!slices.Contains(table, v)`.
func (c *checker) notInTable(s *ast.IfStmt, v *types.Var) bool {
	not, ok := ast.Unparen(s.Cond).(*ast.UnaryExpr)
	if !ok || not.Op != token.NOT {
		return false
	}
	switch x := ast.Unparen(not.X).(type) {
	case *ast.Ident:
		// !ok, with ok from the if's own `_, ok := table[v]`.
		as, isAssign := s.Init.(*ast.AssignStmt)
		if !isAssign || len(as.Lhs) != 2 || len(as.Rhs) != 1 || !c.sameObj(as.Lhs[1], x) {
			return false
		}
		ix, isIndex := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
		return isIndex && c.isIdentOf(ix.Index, v) && c.isPkgTable(ix.X)
	case *ast.IndexExpr:
		return c.isIdentOf(x.Index, v) && c.isPkgTable(x.X)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(c.info, x).(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "slices" && fn.Name() == "Contains" &&
			len(x.Args) == 2 && c.isPkgTable(x.Args[0]) && c.isIdentOf(x.Args[1], v)
	}
	return false
}

// replacesOrLeaves reports whether the statements give v a bounded value
// or end by leaving the function or the loop iteration.
func (c *checker) replacesOrLeaves(n *fnode, body []ast.Stmt, v *types.Var) bool {
	for _, s := range body {
		if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if c.isIdentOf(lhs, v) && c.classify(n, as.Rhs[i], nil, 1).level == boundedDomain {
					return true
				}
			}
		}
	}
	if len(body) == 0 {
		return false
	}
	switch last := body[len(body)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok == token.CONTINUE
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if isBuiltin(c.info, call, "panic") || c.neverReturns(call) {
			return true
		}
	}
	return false
}

// assignsTo reports whether the statements assign to v anywhere.
func (c *checker) assignsTo(body []ast.Stmt, v *types.Var) bool {
	found := false
	for _, s := range body {
		ast.Inspect(s, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.AssignStmt:
				for _, lhs := range x.Lhs {
					if c.isIdentOf(lhs, v) {
						found = true
					}
				}
			case *ast.UnaryExpr:
				if x.Op == token.AND && c.isIdentOf(x.X, v) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

func (c *checker) sameObj(a ast.Expr, b *ast.Ident) bool {
	id, ok := ast.Unparen(a).(*ast.Ident)
	return ok && id.Name != "_" && c.objOf(id) != nil && c.objOf(id) == c.objOf(b)
}

// isPkgTable reports whether e names a package-level variable (or a field
// path from one).
func (c *checker) isPkgTable(e ast.Expr) bool {
	r, ok := c.resolve(e)
	return ok && isPkgVar(r.root)
}

// subject is what a write's bound depends on: the map key, or the one
// appended value.
func (w *write) subject() ast.Expr {
	if w.key == nil && len(w.values) == 1 {
		return w.values[0]
	}
	return w.key
}

// subjectVar returns the variable the write's subject names, if it is one.
func (c *checker) subjectVar(w *write) (*types.Var, bool) {
	id, ok := ast.Unparen(w.subject()).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := c.objOf(id).(*types.Var)
	return v, ok
}
