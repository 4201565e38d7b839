package unboundedcache

import (
	"fmt"
	"go/ast"
	"go/types"
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
		if cl.level == unboundedDomain && (c.registration(w, cl) || c.keyBounded(w)) {
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
	if cl.level != unboundedDomain || c.registration(w, cl) || c.keyBounded(w) {
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
	if cl.ext != nil {
		for _, v := range w.values {
			if c.isBehaviourParam(v) {
				return true
			}
		}
	}
	return c.guardedByLookup(w)
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

func isBoolType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
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
	if local && c.sizeGuarded(r) {
		return fmt.Sprintf("package-level map %s grows without bound: %s writes it with keys from %s without the size check that caps the map's other writes; %s",
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
