package unboundedcache

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// resolve names the container (or holder) an expression denotes: a
// package-level variable or a parameter, then a field path. Local
// variables assigned once from such an expression (m := cache, s := &store)
// are followed.
func (c *checker) resolve(e ast.Expr) (ref, bool) { return c.resolveDepth(e, 0) }

func (c *checker) resolveDepth(e ast.Expr, depth int) (ref, bool) {
	if depth > 8 {
		return ref{}, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.objOf(x).(*types.Var)
		if !ok {
			return ref{}, false
		}
		if isPkgVar(v) {
			return ref{root: v}, true
		}
		if _, ok := c.paramOf[v]; ok {
			return ref{root: v}, true
		}
		if c.isLocal(v) {
			if d, ok := c.soleDef(v); ok {
				return c.resolveDepth(d.value, depth+1)
			}
		}
	case *ast.SelectorExpr:
		if s := c.info.Selections[x]; s != nil {
			if s.Kind() != types.FieldVal {
				return ref{}, false
			}
			base, ok := c.resolveDepth(x.X, depth+1)
			if !ok {
				return ref{}, false
			}
			fields, ok := fieldPath(s.Recv(), s.Index())
			if !ok {
				return ref{}, false
			}
			return ref{root: base.root, fields: append(slices.Clone(base.fields), fields...)}, true
		}
		if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && isPkgVar(v) {
			return ref{root: v}, true
		}
	case *ast.StarExpr:
		return c.resolveDepth(x.X, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.resolveDepth(x.X, depth+1)
		}
	}
	return ref{}, false
}

// soleDef returns the only whole assignment of a local variable, when it
// has exactly one: only then is the local an alias of what it was given.
func (c *checker) soleDef(v *types.Var) (def, bool) {
	var whole []def
	for _, d := range c.defs[v] {
		if d.partial && d.rangeOf == nil {
			// x.f = v and f(&x) change contents, not identity.
			continue
		}
		whole = append(whole, d)
	}
	if len(whole) != 1 || whole[0].rangeOf != nil || whole[0].value == nil {
		return def{}, false
	}
	return whole[0], true
}

// fieldPath follows a selection's field indices (through embedded fields)
// from the receiver type.
func fieldPath(t types.Type, index []int) ([]*types.Var, bool) {
	var out []*types.Var
	for _, i := range index {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil, false
		}
		f := st.Field(i).Origin()
		out = append(out, f)
		t = f.Type()
	}
	return out, true
}

// computeShrinks records everything in the package that can make a
// container smaller. It errs towards "shrunk": a missed leak costs less
// than a false report.
//
//   - delete, clear, maps.DeleteFunc and sync.Map's Delete, LoadAndDelete,
//     CompareAndDelete and Clear on the container;
//   - assigning the container (or a value holding it) anything but an
//     append to itself, at run time (initialisation is not a reset), except
//     under a nil check of the container (lazy initialisation);
//   - passing its address to a call, which may replace it;
//   - comparing its length with a bound (a cap or an eviction trigger);
//   - any of these through a helper's parameter, at the helper's callers.
//
// A shrink through an expression that names a field (s.m, wherever s
// comes from) covers that field in every value of the struct type; one
// through an unresolved local covers every container of the same type.
func (c *checker) computeShrinks() {
	for _, ev := range c.incs {
		if !ev.node.runtime {
			continue
		}
		if r, ok := c.resolve(ev.target); ok && len(r.fields) == 0 && isPkgVar(r.root) && r.root.Pkg() == c.pass.Pkg {
			c.counters[r.root] = true
		}
	}
	// A package-level map of this package whose length a function
	// compares with a bound is capped by that function: its writes there
	// are bounded, and so are its deletes there (evicting to make room).
	guards := map[*types.Var]map[*fnode]bool{}
	sizeChecks := slices.Clone(c.lenCmps)
	for _, lc := range c.lenLocalCmps {
		d, ok := c.soleDef(lc.v)
		if !ok {
			continue
		}
		if call, ok := ast.Unparen(d.value).(*ast.CallExpr); ok && isBuiltin(c.info, call, "len") && len(call.Args) == 1 {
			sizeChecks = append(sizeChecks, targetEvent{lc.node, call.Args[0]})
		}
	}
	for _, ev := range sizeChecks {
		if v, ok := c.cappedMap(ev.target); ok {
			if guards[v] == nil {
				guards[v] = map[*fnode]bool{}
			}
			guards[v][ev.node] = true
			continue
		}
		c.markShrink(ev.target, "size-checked", false)
	}
	for _, ev := range c.deletes {
		if v, ok := c.cappedMap(ev.target); ok && guards[v][ev.node] {
			continue
		}
		c.markShrink(ev.target, "deleted from", true)
	}
	for v, g := range guards {
		c.sizeGuards[v] = g
	}
	for _, ev := range c.addrArgs {
		if ev.node.isInit || (ev.node.startup && !ev.node.runtime) {
			continue
		}
		if r, ok := c.resolve(ev.target); ok && kindOf(r.typ()) != noContainer {
			c.markShrink(ev.target, "passed by address", false)
		}
	}
	for _, ev := range c.assigns {
		if ev.node.isInit || (ev.node.startup && !ev.node.runtime) {
			continue
		}
		r, ok := c.resolve(ev.lhs)
		if !ok || (len(r.fields) == 0 && !isPkgVar(r.root)) {
			continue // rebinding a parameter or local changes nothing shared
		}
		if ev.rhs != nil && c.appendsTo(ev.rhs, r) {
			continue
		}
		if ev.rhs != nil {
			if v, ok := c.resolve(ev.rhs); ok && isPkgVar(v.root) && v.same(c.unalias(r)) {
				continue // s.cache = cache: the field takes the global, nothing shrinks
			}
		}
		if c.lazyInit(ev.guards, r) {
			continue
		}
		c.markRef(r, "reassigned")
	}
	// A helper that shrinks its parameter shrinks what its callers pass.
	for changed := true; changed; {
		changed = false
		for _, n := range c.nodes {
			for _, cs := range n.calls {
				if cs.callee == nil {
					continue
				}
				for i := -1; i < cs.callee.sig.Params().Len(); i++ {
					if !c.paramShrink[paramRef{cs.callee, i}] {
						continue
					}
					for _, a := range cs.args(i) {
						r, ok := c.resolve(a)
						if !ok {
							continue
						}
						if p, ok := c.paramOf[r.root]; ok && len(r.fields) == 0 {
							if !c.paramShrink[p] {
								c.paramShrink[p] = true
								changed = true
							}
							continue
						}
						c.markRef(r, "shrunk by "+cs.callee.name())
					}
				}
			}
		}
	}
}

// cappedMap returns the package-level map of this package that target
// names, without fields: the containers whose size checks are judged per
// function (sizeGuards).
func (c *checker) cappedMap(target ast.Expr) (*types.Var, bool) {
	r, ok := c.resolve(target)
	if !ok || len(r.fields) > 0 || !isPkgVar(r.root) || r.root.Pkg() != c.pass.Pkg || kindOf(r.root.Type()) != mapContainer {
		return nil, false
	}
	return r.root, true
}

// sizeGuarded reports whether the container r is capped by a size check
// and shrunk by nothing else: bounded where its guards write it, so for
// other packages and for unknown writers it counts as shrunk.
func (c *checker) sizeGuarded(r ref) bool {
	_, ok := c.sizeGuards[r.root]
	return ok && len(r.fields) == 0
}

// coveredBySizeGuard reports whether write w happens under a size check
// of its container: in a function that compares the container's length
// with a bound, in a literal inside one, or in a function only such
// functions call (one of them at least; a function also called from
// elsewhere counts as covered, which errs towards silence).
func (c *checker) coveredBySizeGuard(w *write) bool {
	g := c.sizeGuards[w.ref.root]
	seen := map[*fnode]bool{}
	var covered func(n *fnode) bool
	covered = func(n *fnode) bool {
		if n == nil || seen[n] {
			return false
		}
		seen[n] = true
		if g[n] || covered(n.parent) {
			return true
		}
		for _, cs := range n.callers {
			if covered(cs.caller) {
				return true
			}
		}
		return false
	}
	if covered(w.site) {
		return true
	}
	for _, cs := range w.via {
		if covered(cs.caller) || covered(cs.callee) {
			return true
		}
	}
	return false
}

func (c *checker) markShrink(target ast.Expr, reason string, byType bool) {
	r, ok := c.resolve(target)
	if !ok {
		if t := c.info.TypeOf(target); byType && t != nil && !hasTypeParam(t) {
			c.shrinkTypes = append(c.shrinkTypes, t)
		}
		return
	}
	if p, ok := c.paramOf[r.root]; ok && len(r.fields) == 0 {
		c.paramShrink[p] = true
		if t := r.root.Type(); byType && !hasTypeParam(t) {
			c.shrinkTypes = append(c.shrinkTypes, t)
		}
		return
	}
	c.markRef(r, reason)
}

func (c *checker) markRef(r ref, reason string) {
	if u := c.unalias(r); u.root != r.root {
		c.markRef(u, reason)
	}
	if len(r.fields) > 0 {
		c.shrinkField[r.fields[len(r.fields)-1]] = reason
		return
	}
	if isPkgVar(r.root) {
		c.shrinkVar[r.root] = reason
	}
}

// shrunk reports whether anything in the package may shrink the container.
func (c *checker) shrunk(r ref) bool {
	if _, ok := c.shrinkVar[r.root]; ok {
		return true
	}
	for _, f := range r.fields {
		if _, ok := c.shrinkField[f]; ok {
			return true
		}
	}
	t := r.typ()
	for _, st := range c.shrinkTypes {
		if isSyncMap(st) && isSyncMap(t) || types.Identical(deref(st).Underlying(), deref(t).Underlying()) {
			return true
		}
	}
	return false
}

// appendsTo reports whether rhs is append(x, ...) with x the container r.
func (c *checker) appendsTo(rhs ast.Expr, r ref) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !isBuiltin(c.info, call, "append") || len(call.Args) == 0 {
		return false
	}
	first, ok := c.resolve(call.Args[0])
	return ok && first.same(r)
}

// lazyInit reports whether an assignment sits under "if x == nil" (or
// "len(x) == 0") for the same container: that creates it, it resets
// nothing.
func (c *checker) lazyInit(guards []ast.Expr, r ref) bool {
	for _, g := range guards {
		found := false
		ast.Inspect(g, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryExpr)
			if !ok || b.Op != token.EQL {
				return true
			}
			for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				x := side[0]
				if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && isBuiltin(c.info, call, "len") && len(call.Args) == 1 {
					x = call.Args[0]
				} else if !c.info.Types[side[1]].IsNil() {
					continue
				}
				if o, ok := c.resolve(x); ok && (o.same(r) || isPrefix(o, r)) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// isPrefix reports whether holder o contains r (store == nil guards store.m).
func isPrefix(o, r ref) bool {
	if o.root != r.root || len(o.fields) >= len(r.fields) {
		return false
	}
	for i, f := range o.fields {
		if r.fields[i] != f {
			return false
		}
	}
	return true
}

func hasTypeParam(t types.Type) bool {
	found := false
	var visit func(types.Type, int)
	visit = func(t types.Type, depth int) {
		if found || depth > 6 {
			return
		}
		switch t := types.Unalias(t).(type) {
		case *types.TypeParam:
			found = true
		case *types.Map:
			visit(t.Key(), depth+1)
			visit(t.Elem(), depth+1)
		case *types.Slice:
			visit(t.Elem(), depth+1)
		case *types.Pointer:
			visit(t.Elem(), depth+1)
		case *types.Named:
			for a := range t.TypeArgs().Types() {
				visit(a, depth+1)
			}
		}
	}
	visit(t, 0)
	return found
}
