package unboundedcache

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"golang.org/x/tools/go/types/typeutil"
)

// unboundedWrite judges one run-time write: it counts when its key (or
// appended value) is unbounded and nothing marks it as a registration.
func (c *checker) unboundedWrite(w *write) (class, bool) {
	en := c.envOf(w)
	var cl class
	switch w.kind {
	case mapContainer, syncMapContainer:
		if w.key == nil {
			return class{}, false
		}
		if m, ok := w.ref.typ().Underlying().(*types.Map); !ok || !c.boundedType(m.Key()) {
			cl = c.classify(w.site, w.key, en, 0)
		}
		if cl.level == unboundedDomain && (c.registration(w, cl) || c.keyInConstantCase(w) || c.keyNormalized(w)) {
			cl = class{}
		}
		if cl.level != unboundedDomain {
			// m[k] = append(m[k], v): each call grows an entry, whatever
			// the key, when v is new each time (a clock-stamped event, a
			// fresh allocation).
			if vals := c.elementAppend(w); vals != nil {
				cl = c.unionAll(w.site, vals, en, 0)
				cl.element = true
				if cl.level == unboundedDomain && c.registration(w, cl) {
					cl = class{}
				}
			}
		}
		if cl.level != unboundedDomain {
			return class{}, false
		}
		return cl, true
	case sliceContainer:
		cl = c.unionAll(w.site, w.values, en, 0)
	}
	if cl.level != unboundedDomain || c.registration(w, cl) || c.keyInConstantCase(w) || c.keyNormalized(w) {
		return class{}, false
	}
	return cl, true
}

// elementAppend returns the appended values of a map write of the form
// m[k] = append(m[k], values...), or nil.
func (c *checker) elementAppend(w *write) []ast.Expr {
	if w.kind != mapContainer || len(w.values) != 1 {
		return nil
	}
	call, ok := ast.Unparen(w.values[0]).(*ast.CallExpr)
	if !ok || !isBuiltin(c.info, call, "append") || len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return nil
	}
	ix, ok := ast.Unparen(call.Args[0]).(*ast.IndexExpr)
	if !ok || !c.sameAccess(ix.Index, w.key) || !c.accessPath(w.key) {
		return nil
	}
	return call.Args[1:]
}

// keyInConstantCase reports whether the write sits in a switch case that
// admits only constants for its key: switch method { case "GET", "POST": }.
func (c *checker) keyInConstantCase(w *write) bool {
	subject := w.subject()
	if subject == nil {
		return false
	}
	text := types.ExprString(subject)
	for _, cg := range w.cases {
		if types.ExprString(cg.tag) != text {
			continue
		}
		constant := true
		for _, v := range cg.values {
			if c.info.Types[v].Value == nil {
				constant = false
			}
		}
		if constant {
			return true
		}
	}
	return false
}

// registration reports whether a write is a registry filled by its users
// rather than a cache filled by traffic. Callers in other packages are
// invisible, so the rules are conservative:
//
//  1. the exported function the data enters through is called by this
//     package only from initialisation, or it (or the function making the
//     write) keeps a function or handler value its caller passes
//     (package entrypoints: it registers
//     behaviour, such as ServeMux.Handle, whose index is keyed by the
//     pattern); names and doc comments decide nothing;
//  2. a write guarded by a duplicate check that panics or returns an
//     error (if _, dup := m[name]; dup { panic(...) }; for a key read
//     from a field, only a panic) is a registry, and
//     one that returns unless the key is already known (if !ok { return })
//     only updates a bounded set;
//  3. when the data comes from an outside caller, storing a function or
//     interface value that the caller passed in registers behaviour
//     (handlers, drivers, codecs) rather than caching data.
func (c *checker) registration(w *write, cl class) bool {
	if cl.ext != nil && c.calledOnlyAtInit(cl.ext) {
		return true
	}
	for _, f := range []*fnode{cl.ext, w.outer()} {
		if f != nil && f.kind == declNode && c.entries.Keeps(f.obj) {
			return true
		}
	}
	if c.guardedByLookup(w) {
		return true
	}
	if cl.ext != nil {
		values := w.values
		for _, v := range values {
			if c.isBehaviourParam(v) {
				return true
			}
		}
	}
	return false
}

// calledOnlyAtInit reports whether an exported function is called in its
// own package, and only by initialisation: it is how the package fills
// its registry, and other packages' calls are presumably of the same
// kind (sqlx.BindDriver called from init for each known driver).
func (c *checker) calledOnlyAtInit(f *fnode) bool {
	if f.kind != declNode || !f.external || len(f.callers) == 0 || f.escapes {
		return false
	}
	for _, cs := range f.callers {
		if cs.isGo || cs.inLoop || cs.caller.runtime || !cs.caller.startup {
			return false
		}
	}
	return true
}

// isBehaviourParam reports whether v is (or wraps, in a composite literal)
// a parameter of function or interface type.
func (c *checker) isBehaviourParam(v ast.Expr) bool {
	found := false
	ast.Inspect(v, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			p, ok := c.objOf(n).(*types.Var)
			if !ok {
				return true
			}
			if _, isParam := c.paramOf[p]; !isParam || c.paramOf[p].index < 0 {
				return true
			}
			switch p.Type().Underlying().(type) {
			case *types.Signature, *types.Interface:
				found = true
			}
		case *ast.CallExpr:
			// Only conversions and composite literals wrap; a call's
			// result is something else.
			if !c.info.Types[n.Fun].IsType() {
				return false
			}
		}
		return !found
	})
	return found
}

// guardedByLookup applies rule 2: the function holding the write looks
// the same key up and either rejects a duplicate or returns when the key
// is unknown.
func (c *checker) guardedByLookup(w *write) bool {
	key := ast.Unparen(w.subject())
	if key == nil || !c.accessPath(key) {
		return false
	}
	// A key read from a field (m.ID, f.Name) is data a value carries: an
	// error on its duplicate de-duplicates traffic, while a panic says
	// the caller is code registering something twice.
	_, plain := key.(*ast.Ident)
	body := w.site.body()
	if body == nil {
		return false
	}
	// okAssigns: every assignment to a variable that some comma-ok lookup
	// of key sets, in source order, and whether it is such a lookup. An
	// ok reused for another lookup (c, ok := codecs[t]; p, ok := pools[k])
	// says nothing of key after that.
	type okAssign struct {
		pos    token.Pos
		lookup bool
	}
	okAssigns := map[*types.Var][]okAssign{}
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit != w.site.lit {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		lookup := len(as.Lhs) == 2 && len(as.Rhs) == 1 && c.isLookupOf(as.Rhs[0], key)
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok {
				continue
			}
			if v, ok := c.objOf(id).(*types.Var); ok {
				okAssigns[v] = append(okAssigns[v], okAssign{as.Pos(), lookup && i == 1})
			}
		}
		return true
	})
	// okVarsAt returns the variables whose last assignment before pos is a
	// lookup of key.
	okVarsAt := func(pos token.Pos) map[*types.Var]bool {
		out := map[*types.Var]bool{}
		for v, list := range okAssigns {
			var last *okAssign
			for i := range list {
				if list[i].pos < pos && (last == nil || list[i].pos > last.pos) {
					last = &list[i]
				}
			}
			if last != nil && last.lookup {
				out[v] = true
			}
		}
		return out
	}
	guarded := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit != w.site.lit {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok || guarded {
			return !guarded
		}
		found, missing := c.lookupForms(ifs.Cond, key, okVarsAt(ifs.Cond.Pos()))
		if found && c.rejects(ifs.Body, !plain) || plain && missing && c.terminates(ifs.Body) {
			guarded = true
		}
		return !guarded
	})
	return guarded
}

// isLookupOf reports whether e looks key up: m[key], m.Load(key) or
// m.LoadOrStore(key, v).
func (c *checker) isLookupOf(e ast.Expr, key ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return c.sameAccess(x.Index, key) && kindOf(c.info.TypeOf(x.X)) == mapContainer
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(c.info, x).(*types.Func)
		if !ok || !recvNamed(fn, "sync", "Map") || len(x.Args) == 0 {
			return false
		}
		switch fn.Name() {
		case "Load", "LoadOrStore":
			return c.sameAccess(x.Args[0], key)
		}
	}
	return false
}

// accessPath reports whether e is a variable or a chain of field
// selections from one (f.Name): the same path in a lookup names the same
// key.
func (c *checker) accessPath(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := c.objOf(x).(*types.Var)
		return ok
	case *ast.SelectorExpr:
		s := c.info.Selections[x]
		return s != nil && s.Kind() == types.FieldVal && c.accessPath(x.X)
	}
	return false
}

// sameAccess reports whether a and b are the same access path.
func (c *checker) sameAccess(a, b ast.Expr) bool {
	switch x := ast.Unparen(a).(type) {
	case *ast.Ident:
		y, ok := ast.Unparen(b).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := c.objOf(x).(*types.Var)
		return ok && c.objOf(y) == v
	case *ast.SelectorExpr:
		y, ok := ast.Unparen(b).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		sx, sy := c.info.Selections[x], c.info.Selections[y]
		return sx != nil && sy != nil && sx.Kind() == types.FieldVal && sy.Kind() == types.FieldVal &&
			sx.Obj() == sy.Obj() && c.sameAccess(x.X, y.X)
	}
	return false
}

func (c *checker) isIdentOf(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.objOf(id) == v
}

// lookupForms reports whether cond tests that key is present (ok,
// m[key] != nil, a bool m[key]) or absent (!ok, m[key] == nil, !m[key]).
func (c *checker) lookupForms(cond ast.Expr, key ast.Expr, okVars map[*types.Var]bool) (found, missing bool) {
	var walk func(e ast.Expr, negated bool)
	walk = func(e ast.Expr, negated bool) {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			if v, ok := c.objOf(x).(*types.Var); ok && okVars[v] {
				if negated {
					missing = true
				} else {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if x.Op == token.NOT {
				walk(x.X, !negated)
			}
		case *ast.BinaryExpr:
			switch x.Op {
			case token.LAND, token.LOR:
				walk(x.X, negated)
				walk(x.Y, negated)
			case token.EQL, token.NEQ:
				for _, side := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
					if c.info.Types[side[1]].IsNil() && c.isLookupOf(side[0], key) {
						if (x.Op == token.NEQ) != negated {
							found = true
						} else {
							missing = true
						}
					}
				}
			}
		case *ast.IndexExpr:
			if c.isLookupOf(x, key) && isBoolType(c.info.TypeOf(x)) {
				if negated {
					missing = true
				} else {
					found = true
				}
			}
		}
	}
	walk(cond, false)
	return found, missing
}

func isBoolType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// rejects reports whether a block panics or calls a function that never
// returns, or (unless panicOnly) returns a constructed error.
func (c *checker) rejects(b *ast.BlockStmt, panicOnly bool) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if isBuiltin(c.info, n, "panic") {
				found = true
			}
			if c.neverReturns(n) {
				found = true // log.Fatal, log.Panic, os.Exit, a die() helper
			}
		case *ast.ReturnStmt:
			if !panicOnly && len(n.Results) > 0 && c.isConstructedError(n.Results[len(n.Results)-1]) {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) isConstructedError(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(c.info, x).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		q := fn.Pkg().Path() + "." + fn.Name()
		return q == "errors.New" || q == "fmt.Errorf"
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := c.info.ObjectOf(identOf(x)).(*types.Var)
		return ok && isPkgVar(v) && types.Identical(v.Type(), types.Universe.Lookup("error").Type())
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	switch x := e.(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// neverReturns reports whether call is of a function that never returns
// (noreturn's answer, which counts panic's callees but not panic itself).
func (c *checker) neverReturns(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(c.info, call)
	return fn != nil && c.pass.ResultOf[noreturn.Analyzer].(*noreturn.Result).NoReturn(fn)
}

// terminates reports whether a block ends by leaving: return, panic, a
// call that never returns, continue, break or goto.
func (c *checker) terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			return isBuiltin(c.info, call, "panic") || c.neverReturns(call)
		}
	}
	return false
}

// message words a finding.
func (c *checker) message(r ref, kind containerKind, f *finding, local bool) string {
	w := f.w
	who := w.outer().name()
	if w.deferred && !w.outer().runtime {
		// The literal is made at start-up and runs later: it is the writer.
		who = w.site.name()
	} else if th := w.through(); th != nil {
		who += " through " + th.name()
	}
	var subject ast.Expr
	if w.key != nil {
		subject = w.key
	} else if len(w.values) == 1 {
		subject = w.values[0]
	}
	src := sourceText(f.cl, subject)
	name := r.display(local)
	switch kind {
	case syncMapContainer:
		return fmt.Sprintf("package-level sync.Map %s grows without bound: %s stores keys from %s in it and nothing deletes from it; %s",
			name, who, src, boundedAlternative)
	case sliceContainer:
		return fmt.Sprintf("package-level slice %s grows without bound: %s appends values from %s to it and nothing removes elements; cap its length or %s",
			name, who, src, boundedAlternative)
	}
	if f.cl.element {
		src = sourceText(f.cl, nil)
		if vals := c.elementAppend(w); len(vals) == 1 {
			src = sourceText(f.cl, vals[0])
		}
		return fmt.Sprintf("package-level map %s grows without bound: %s appends values from %s to its entries and nothing deletes from it; %s",
			name, who, src, boundedAlternative)
	}
	return fmt.Sprintf("package-level map %s grows without bound: %s writes it with keys from %s and nothing deletes from it; %s",
		name, who, src, boundedAlternative)
}

// sourceText names where the data comes from: "parameter userID",
// "r.URL.Path (parameter r)", "item.ID (loop over req.Items)".
func sourceText(cl class, subject ast.Expr) string {
	shown := cl.shown
	if shown == "" && subject != nil {
		shown = types.ExprString(subject)
	}
	if shown == "" || shown == cl.name || len(shown) > 40 {
		return cl.desc
	}
	return shown + " (" + cl.desc + ")"
}
