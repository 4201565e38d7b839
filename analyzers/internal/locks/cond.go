package locks

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// condOps are the methods of sync.Cond the cond rule tells apart, by full
// name.
var condOps = map[string]string{
	"(*sync.Cond).Wait":      "wait", // blocks until Signal or Broadcast wakes it
	"(*sync.Cond).Signal":    "wake", // wakes one waiter
	"(*sync.Cond).Broadcast": "wake", // wakes every waiter
}

// condNames holds the method names of condOps, so that a call of any
// other function is told apart without spelling its full name.
var condNames = func() map[string]bool {
	m := map[string]bool{}
	for full := range condOps {
		m[full[strings.LastIndex(full, ".")+1:]] = true
	}
	return m
}()

// condUse is what the package does with one sync.Cond variable (a struct
// field or a package-level or local variable).
type condUse struct {
	waits   []*ast.CallExpr
	wakes   bool
	escapes bool // used other than as a receiver or assigned: another name may wake it
}

// checkConds finds a Cond that is waited on and never woken: nothing in
// the package calls Signal or Broadcast on the variable that holds it,
// and the variable is not exported, not embedded, and used only as the
// receiver of its methods (or of `.L`) and assigned, so no other name can
// reach it. Every Wait on it blocks its goroutine forever. Syntax and
// types only: no SSA.
func checkConds(pass *analysis.Pass) []report.Diagnostic {
	if !waitsOnCond(pass) {
		return nil // nothing waits: no finding, and no walk of the files
	}
	uses := map[*types.Var]*condUse{}
	use := func(v *types.Var) *condUse {
		u := uses[v]
		if u == nil {
			u = &condUse{}
			uses[v] = u
		}
		return u
	}
	// Receivers and assignment targets of a fresh Cond: the uses that
	// give no other name access to it.
	roles := map[ast.Expr]bool{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
				if !ok {
					return true
				}
				fn, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
				if !ok {
					return true
				}
				op, ok := condOps[fn.FullName()]
				if !ok {
					return true
				}
				v := condVar(pass, sel.X)
				if v == nil {
					return true
				}
				roles[ast.Unparen(sel.X)] = true
				if op == "wait" {
					use(v).waits = append(use(v).waits, n)
				} else {
					use(v).wakes = true
				}
			case *ast.SelectorExpr:
				if n.Sel.Name == "L" && condVar(pass, n.X) != nil {
					roles[ast.Unparen(n.X)] = true
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					v := condVar(pass, l)
					if v == nil {
						continue
					}
					roles[ast.Unparen(l)] = true
					if len(n.Rhs) != len(n.Lhs) || !freshCond(pass, n.Rhs[i]) {
						use(v).escapes = true // it names a Cond made elsewhere
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					v := condVar(pass, name)
					if v == nil {
						continue
					}
					if len(n.Values) > 0 && (len(n.Values) != len(n.Names) || !freshCond(pass, n.Values[i])) {
						use(v).escapes = true
					}
				}
			case *ast.CompositeLit:
				st, ok := pass.TypesInfo.TypeOf(n).Underlying().(*types.Struct)
				if !ok {
					return true
				}
				for i, el := range n.Elts {
					var fv *types.Var
					val := el
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							fv, _ = pass.TypesInfo.Uses[id].(*types.Var)
							roles[id] = true
						}
						val = kv.Value
					} else if i < st.NumFields() {
						fv = st.Field(i)
					}
					if fv != nil && isCond(fv.Type()) && !freshCond(pass, val) {
						use(fv.Origin()).escapes = true
					}
				}
			case *ast.FuncType:
				// A parameter or result names a Cond its caller made.
				for _, fl := range []*ast.FieldList{n.Params, n.Results} {
					if fl == nil {
						continue
					}
					for _, fld := range fl.List {
						for _, name := range fld.Names {
							if v := condVar(pass, name); v != nil {
								use(v).escapes = true
							}
						}
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if v := condVar(pass, e); v != nil {
						use(v).escapes = true
					}
				}
			}
			return true
		})
	}
	// Every other use of a Cond variable lets another name reach it.
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if id, ok := e.(*ast.Ident); ok {
			if _, def := pass.TypesInfo.Defs[id]; def {
				return false // a declaration, not a use
			}
		}
		if v := condVar(pass, e); v != nil && !roles[e] {
			use(v).escapes = true
		}
		if sel, ok := e.(*ast.SelectorExpr); ok {
			ast.Inspect(sel.X, visit) // not sel.Sel: the field's name is the same use
			return false
		}
		return true
	}
	for _, f := range pass.Files {
		ast.Inspect(f, visit)
	}
	var out []report.Diagnostic
	for v, u := range uses {
		if len(u.waits) == 0 || u.wakes || u.escapes || v.Exported() || v.Embedded() {
			continue
		}
		for _, call := range u.waits {
			sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			text := types.ExprString(sel.X)
			out = append(out, report.Diagnostic{
				Pos: call.Pos(), End: call.End(), Category: "cond",
				Message: fmt.Sprintf("%s.Wait() blocks forever: nothing in the package calls Signal or Broadcast on %s", text, v.Name()),
			})
		}
	}
	return out
}

// condVar returns the variable e names when it is a sync.Cond or a
// pointer to one: a field selection or an identifier.
func condVar(pass *analysis.Pass, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	var obj types.Object
	switch e := e.(type) {
	case *ast.Ident:
		obj = pass.TypesInfo.Uses[e]
		if obj == nil {
			obj = pass.TypesInfo.Defs[e]
		}
	case *ast.SelectorExpr:
		if s, ok := pass.TypesInfo.Selections[e]; ok && s.Kind() == types.FieldVal {
			obj = s.Obj()
		} else {
			obj = pass.TypesInfo.Uses[e.Sel]
		}
	}
	v, ok := obj.(*types.Var)
	if !ok || !isCond(v.Type()) {
		return nil
	}
	return v.Origin() // a field of a generic type: one variable for all its instances
}

// freshCond reports whether e makes a new Cond (sync.NewCond, a
// composite literal) or is nil: the variable it is assigned to is then
// the only name of it.
func freshCond(pass *analysis.Pass, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return true
	case *ast.Ident:
		return pass.TypesInfo.Uses[e] == types.Universe.Lookup("nil")
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(pass.TypesInfo, e).(*types.Func)
		return ok && fn.FullName() == "sync.NewCond"
	}
	return false
}

func isCond(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Cond"
}

// waitsOnCond reports whether the package mentions (*sync.Cond).Wait at
// all: every finding of checkConds is a call of it.
func waitsOnCond(pass *analysis.Pass) bool {
	for id, obj := range pass.TypesInfo.Uses {
		if id.Name != "Wait" {
			continue
		}
		if fn, ok := obj.(*types.Func); ok && condOps[fn.FullName()] == "wait" {
			return true
		}
	}
	return false
}
