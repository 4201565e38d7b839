package lifetime

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// A test's context (`t.Context()`, Go 1.24) is cancelled when the test or
// subtest ends, before its cleanups run. database/sql closes the rows and
// rolls back the transaction of a query made with such a context, or with
// one derived from it, once it is done (resource.ReleasedOnCancel): what
// the query holds is released with the test and is not a leak. Helpers
// that hand out a test's context (`testcfg.Context(t)` around
// `t.Context()`, `WithLimit(ctx, n)` around context.WithValue) are
// followed through a ctxFromFact exported for every function that derives
// its context result from a parameter.

// ctxFromFact says that the function's one result, a context.Context, is
// on every return derived from parameter Param (index 0 is the receiver
// of a method): from the parameter itself when Method is false, from the
// result of the parameter's Context method when it is true. Derived means
// done no later than its parent (context.WithValue, WithCancel,
// WithTimeout and the like, never WithoutCancel).
type ctxFromFact struct {
	Param  int
	Method bool
}

func (*ctxFromFact) AFact() {}

func (f *ctxFromFact) String() string {
	s := "ctxfrom(param " + strconv.Itoa(f.Param)
	if f.Method {
		s += ".Context()"
	}
	return s + ")"
}

// exportContextFacts exports a ctxFromFact for each function of the
// package, declared at package level, whose one result is a
// context.Context derived from a parameter. It reads syntax and types
// only, so that packages the engine has no other use for are not built
// into SSA.
func (e *engine) exportContextFacts() {
	d := &ctxDeriver{e: e, decls: map[*types.Func]*ast.FuncDecl{}, facts: map[*types.Func]*ctxFromFact{}, busy: map[*types.Func]bool{}}
	for _, f := range e.pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Type.TypeParams != nil {
				continue
			}
			obj, ok := e.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || !returnsOneContext(obj) {
				continue
			}
			d.decls[obj] = fd
		}
	}
	for obj := range d.decls {
		if f := d.derive(obj); f != nil {
			e.pass.ExportObjectFact(obj, f)
		}
	}
}

func returnsOneContext(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Results().Len() == 1 && isContext(sig.Results().At(0).Type())
}

type ctxDeriver struct {
	e     *engine
	decls map[*types.Func]*ast.FuncDecl
	facts map[*types.Func]*ctxFromFact
	busy  map[*types.Func]bool
}

// derive computes the fact of a function of the package, or nil.
func (d *ctxDeriver) derive(fn *types.Func) *ctxFromFact {
	if f, ok := d.facts[fn]; ok {
		return f
	}
	if d.busy[fn] {
		return nil
	}
	d.busy[fn] = true
	fd := d.decls[fn]
	params := paramObjects(d.e.pass.TypesInfo, fd)
	var out *ctxFromFact
	ok := true
	returns := 0
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) != 1 {
				ok = false
				return false
			}
			f := d.expr(fd, params, n.Results[0], 0)
			if f == nil || (out != nil && *out != *f) {
				ok = false
				return false
			}
			out = f
		}
		return true
	})
	if !ok || returns == 0 {
		out = nil
	}
	d.facts[fn] = out
	return out
}

// paramObjects lists the receiver and parameters of fd, in the order of
// the SSA function's Params (receiver first).
func paramObjects(info *types.Info, fd *ast.FuncDecl) []types.Object {
	var out []types.Object
	add := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, field := range fl.List {
			if len(field.Names) == 0 {
				out = append(out, nil)
				continue
			}
			for _, name := range field.Names {
				out = append(out, info.Defs[name])
			}
		}
	}
	add(fd.Recv)
	add(fd.Type.Params)
	return out
}

// expr says from which parameter the context x, an expression of fd, is
// derived.
func (d *ctxDeriver) expr(fd *ast.FuncDecl, params []types.Object, x ast.Expr, depth int) *ctxFromFact {
	if depth > 8 {
		return nil
	}
	info := d.e.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		obj, ok := info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		for i, p := range params {
			if p == obj {
				if !isContext(obj.Type()) {
					return nil
				}
				return &ctxFromFact{Param: i}
			}
		}
		if obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
			return nil // a field or a package-level variable
		}
		// A local variable: every assignment in the function must give a
		// derived context, from the same parameter.
		var out *ctxFromFact
		assigned := 0
		ok = true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, isID := ast.Unparen(l).(*ast.Ident)
					if !isID || (info.Defs[id] != obj && info.Uses[id] != obj) {
						continue
					}
					assigned++
					var f *ctxFromFact
					switch {
					case len(n.Rhs) == len(n.Lhs):
						f = d.expr(fd, params, n.Rhs[i], depth+1)
					case len(n.Rhs) == 1 && i == 0:
						f = d.withCancel(fd, params, n.Rhs[0], depth+1)
					}
					if f == nil || (out != nil && *out != *f) {
						ok = false
						return false
					}
					out = f
				}
			case *ast.ValueSpec:
				for _, id := range n.Names {
					if info.Defs[id] == obj {
						ok = false // declared by var: assigned elsewhere or zero
						return false
					}
				}
			case *ast.UnaryExpr:
				if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && info.Uses[id] == obj {
					ok = false // its address escapes
					return false
				}
			}
			return true
		})
		if !ok || assigned == 0 {
			return nil
		}
		return out
	case *ast.CallExpr:
		fn := calledFunc(info, x)
		if fn == nil {
			return nil
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Name() == "WithValue" && len(x.Args) == 3 {
			return d.expr(fd, params, x.Args[0], depth+1)
		}
		sig := fn.Type().(*types.Signature)
		if fn.Name() == "Context" && sig.Recv() != nil && sig.Params().Len() == 0 && returnsOneContext(fn) {
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			return methodOfParam(info, params, sel.X)
		}
		f := d.callee(fn)
		if f == nil {
			return nil
		}
		args := callArgs(info, x)
		if f.Param >= len(args) {
			return nil
		}
		if !f.Method {
			return d.expr(fd, params, args[f.Param], depth+1)
		}
		return methodOfParam(info, params, args[f.Param])
	}
	return nil
}

// methodOfParam returns the fact for a context taken from the Context
// method of x, when x names one of the parameters.
func methodOfParam(info *types.Info, params []types.Object, x ast.Expr) *ctxFromFact {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	for i, p := range params {
		if p != nil && p == info.Uses[id] {
			return &ctxFromFact{Param: i, Method: true}
		}
	}
	return nil
}

// withCancel handles `ctx, cancel := context.WithTimeout(parent, d)`.
func (d *ctxDeriver) withCancel(fd *ast.FuncDecl, params []types.Object, x ast.Expr, depth int) *ctxFromFact {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	if !resource.MakesCancel(calledFunc(d.e.pass.TypesInfo, call)) {
		return nil
	}
	return d.expr(fd, params, call.Args[0], depth)
}

// callee returns the fact of fn: computed for a function of the package,
// imported for one of another.
func (d *ctxDeriver) callee(fn *types.Func) *ctxFromFact {
	if _, ok := d.decls[fn]; ok {
		return d.derive(fn)
	}
	if fn.Pkg() == nil || fn.Pkg() == d.e.pass.Pkg {
		return nil
	}
	var f ctxFromFact
	if d.e.pass.ImportObjectFact(fn.Origin(), &f) {
		return &f
	}
	return nil
}

// calledFunc returns the function or method a call names statically, or
// nil (a function value, a conversion, an interface method other than
// Context).
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && fn.Name() != "Context" {
		return nil
	}
	return fn
}

// callArgs returns the arguments of call in the order of the SSA
// function's Params: a method's receiver first.
func callArgs(info *types.Info, call *ast.CallExpr) []ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			return append([]ast.Expr{sel.X}, call.Args...)
		}
	}
	return call.Args
}

// fromTestContext reports whether call, an acquisition that database/sql
// releases once its context is done, is given a test's context or one
// derived from it: what it holds is released when the test ends.
func (e *engine) fromTestContext(call *ssa.CallCommon) bool {
	callee := call.StaticCallee()
	if callee == nil || call.IsInvoke() || len(call.Args) < 2 {
		return false
	}
	obj, _ := callee.Object().(*types.Func)
	if !resource.ReleasedOnCancel(obj) {
		return false
	}
	return e.testContext(call.Args[1], 0)
}

// testContext reports whether v, a context.Context, is a test's context
// or derived from one on every path.
func (e *engine) testContext(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.FreeVar:
		// A context captured by a function literal (a subtest's body).
		return e.boundTo(v, depth, e.testContext)
	case *ssa.UnOp:
		// A load of a variable that function literals share.
		if v.Op != token.MUL {
			return false
		}
		switch addr := v.X.(type) {
		case *ssa.Alloc:
			return e.storedContext(addr, depth)
		case *ssa.FreeVar:
			return e.boundTo(addr, depth, func(b ssa.Value, depth int) bool {
				a, ok := b.(*ssa.Alloc)
				return ok && e.storedContext(a, depth)
			})
		}
		return false
	case *ssa.Phi:
		for _, edge := range v.Edges {
			if !e.testContext(edge, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	case *ssa.Extract:
		c, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 || c.Call.IsInvoke() || len(c.Call.Args) == 0 {
			return false
		}
		fn, _ := c.Call.StaticCallee().Object().(*types.Func)
		return c.Call.StaticCallee() != nil && resource.MakesCancel(fn) && e.testContext(c.Call.Args[0], depth+1)
	case *ssa.Call:
		c := v.Common()
		if c.IsInvoke() {
			// t.Context() on a testing.TB, or on an interface of the
			// package's own that a *testing.T was converted to.
			return c.Method.Name() == "Context" && len(c.Args) == 0 && resource.IsTestHandle(unwrapIface(c.Value).Type())
		}
		callee := c.StaticCallee()
		if callee == nil {
			return false
		}
		fn, _ := callee.Object().(*types.Func)
		if fn == nil {
			return false
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "testing" && fn.Name() == "Context" {
			return true
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Name() == "WithValue" && len(c.Args) == 3 {
			return e.testContext(c.Args[0], depth+1)
		}
		var f ctxFromFact
		if !e.pass.ImportObjectFact(fn.Origin(), &f) || f.Param >= len(c.Args) {
			return false
		}
		if f.Method {
			return resource.IsTestHandle(unwrapIface(c.Args[f.Param]).Type())
		}
		return e.testContext(c.Args[f.Param], depth+1)
	}
	return false
}

// boundTo reports whether ok holds for every value bound to the free
// variable v where its function literal is made, and there is one.
func (e *engine) boundTo(v *ssa.FreeVar, depth int, ok func(ssa.Value, int) bool) bool {
	fn := v.Parent()
	idx := slices.Index(fn.FreeVars, v)
	if fn.Parent() == nil || idx < 0 {
		return false
	}
	found := false
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, isMC := instr.(*ssa.MakeClosure)
			if !isMC || mc.Fn != fn {
				continue
			}
			if !ok(mc.Bindings[idx], depth+1) {
				return false
			}
			found = true
		}
	}
	return found
}

// storedContext reports whether every value stored in the variable a is
// a test's context, with a's address used only to load it, store it or
// share it with function literals.
func (e *engine) storedContext(a *ssa.Alloc, depth int) bool {
	stores := 0
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a || !e.testContext(r.Val, depth+1) {
				return false
			}
			stores++
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.MakeClosure:
			// Shared with a literal, which may store into it.
			idx := slices.Index(r.Bindings, ssa.Value(a))
			fn, _ := r.Fn.(*ssa.Function)
			if idx < 0 || fn == nil || idx >= len(fn.FreeVars) || storesInto(fn.FreeVars[idx]) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return stores > 0
}

// storesInto reports whether a function literal stores into, or passes
// on, the shared variable fv.
func storesInto(fv *ssa.FreeVar) bool {
	for _, r := range *fv.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return true
			}
		case *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}
