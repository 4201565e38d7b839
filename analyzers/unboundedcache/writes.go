package unboundedcache

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// resolveWrites turns the raw growth statements into writes on named
// containers, once every local definition is known. Whether a write is
// deferred is set later, by applyLifespan.
func (c *checker) resolveWrites() {
	for _, rw := range c.rawWrites {
		r, ok := c.resolve(rw.container)
		if !ok || c.viaCopy(rw.container) {
			continue
		}
		r = c.unalias(r)
		if rw.kind == sliceContainer {
			// Only x = append(x, ...) grows x; y = append(x, ...) copies.
			first, ok := c.resolve(rw.first)
			if !ok || !c.unalias(first).same(r) || kindOf(r.typ()) != sliceContainer {
				continue
			}
		}
		w := &write{site: rw.node, pos: rw.pos, local: r, ref: r, kind: rw.kind, key: rw.key, values: rw.values, guards: rw.guards, inLoop: rw.inLoop, anchor: rw.anchor}
		rw.node.writes = append(rw.node.writes, w)
	}
}

// unalias re-roots a reference at the global its last aliased field holds.
func (c *checker) unalias(r ref) ref {
	for i := len(r.fields) - 1; i >= 0; i-- {
		if a, ok := c.fieldAlias[r.fields[i]]; ok {
			return ref{root: a.root, fields: append(slices.Clone(a.fields), r.fields[i+1:]...)}
		}
	}
	return r
}

// allWrites returns the writes one run of n performs: its own statements,
// and the writes its static callees make to containers reached from their
// parameters, re-rooted at n's arguments (put(cache, k, v), store.Set(k, v)).
func (c *checker) allWrites(n *fnode) []*write {
	if ws, ok := c.allMemo[n]; ok {
		return ws
	}
	c.allMemo[n] = nil // recursion sees no writes rather than looping
	ws := slices.Clone(n.writes)
	// The same write reached through the same call site and the same call
	// inside the callee is kept once: chains that differ only deeper down
	// multiply combinatorially in code with many small helpers.
	type writeKey struct {
		root         *types.Var
		path         string
		pos          token.Pos
		outer, inner *callSite
	}
	seen := map[writeKey]bool{}
	for _, cs := range n.calls {
		if cs.callee == nil {
			continue
		}
		for _, w := range c.rootedWrites(cs.callee) {
			idx := c.paramOf[w.ref.root].index
			if c.freshParam(cs, idx) || len(w.ref.fields) > 0 && isStructValue(w.ref.root.Type()) {
				// The callee writes its own slice of variadic
				// arguments, or a field of its own copy of a struct:
				// not the caller's container, whatever it passed.
				continue
			}
			args := cs.args(idx)
			if len(args) != 1 {
				continue
			}
			r, ok := c.resolve(args[0])
			if !ok {
				continue
			}
			if _, isParam := c.paramOf[r.root]; !isParam && !isPkgVar(r.root) {
				// A local container: no finding and no summary needs it.
				continue
			}
			if c.excludedByGuard(w, r) {
				continue
			}
			rr := ref{root: r.root, fields: append(slices.Clone(r.fields), w.ref.fields...)}
			if kindOf(rr.typ()) == noContainer {
				// The argument is not a container (an option value
				// passed where the callee's parameter is a slice).
				continue
			}
			k := writeKey{root: rr.root, path: rr.path(), pos: w.pos, outer: cs}
			if len(w.via) > 0 {
				k.inner = w.via[0]
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			nw := *w
			nw.ref = rr
			nw.via = append([]*callSite{cs}, w.via...)
			ws = append(ws, &nw)
		}
	}
	c.allMemo[n] = ws
	return ws
}

// freshParam reports whether parameter i of the call's callee is its
// variadic parameter filled from separate arguments: the callee gets a new
// slice, which aliases none of them.
func (c *checker) freshParam(cs *callSite, i int) bool {
	if cs.call == nil || i < 0 || cs.call.Ellipsis.IsValid() {
		return false
	}
	sig := cs.callee.sig
	return sig != nil && sig.Variadic() && i == sig.Params().Len()-1
}

// isStructValue reports whether t is a struct held by value: assigning or
// passing it copies the fields, so a map field of the copy is the
// original's map only until the copy's field is set anew.
func isStructValue(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// viaCopy reports whether a written container expression selects its
// field from a local struct value: a copy (c := DefaultConfig) or a fresh
// value, whose map field may be replaced before the write; the write is
// not certainly the package-level variable's.
func (c *checker) viaCopy(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			s := c.info.Selections[x]
			if s == nil || s.Kind() != types.FieldVal {
				return false
			}
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				v, ok := c.objOf(id).(*types.Var)
				return ok && c.isLocal(v) && isStructValue(v.Type())
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return false
		}
	}
}

// rootedWrites returns the writes a declaration (with its literals) makes
// to containers reached from its own parameters or receiver.
func (c *checker) rootedWrites(d *fnode) []*write {
	if ws, ok := c.rooted[d]; ok {
		return ws
	}
	c.rooted[d] = nil
	var out []*write
	for _, n := range c.nodesOf(d) {
		for _, w := range c.allWrites(n) {
			if p, ok := c.paramOf[w.ref.root]; ok && p.node == d {
				out = append(out, w)
			}
		}
	}
	c.rooted[d] = out
	return out
}

// externalWrites returns the writes that code outside the package can
// make by calling exported methods on an exported package-level variable
// (DefaultCache.Set(k, v)): the arguments are then unknown data.
func (c *checker) externalWrites() []*write {
	if c.pass.Pkg.Name() == "main" {
		return nil
	}
	var out []*write
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || isTestPos(c.pass, v.Pos()) || !holdsContainer(v.Type(), 3) {
			continue
		}
		t := v.Type()
		if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
			t = types.NewPointer(t)
		}
		mset := types.NewMethodSet(t)
		for sel := range mset.Methods() {
			fn, ok := sel.Obj().(*types.Func)
			if !ok || !fn.Exported() {
				continue
			}
			d := c.byFunc[fn.Origin()]
			if d == nil || d.isInit {
				continue
			}
			index := sel.Index()
			embedded, ok := fieldPath(v.Type(), index[:len(index)-1])
			if !ok {
				continue
			}
			for _, w := range c.rootedWrites(d) {
				if c.paramOf[w.ref.root].index != -1 {
					continue
				}
				fields := append(slices.Clone(embedded), w.ref.fields...)
				if c.throughOutsideValue(fields) {
					continue
				}
				nw := *w
				nw.ref = ref{root: v, fields: fields}
				nw.via = append([]*callSite{{callee: d, external: true}}, w.via...)
				out = append(out, &nw)
			}
		}
	}
	return out
}

// throughOutsideValue reports whether a path of fields from a
// package-level variable reaches its container through a pointer field to
// which the package itself never gives a value of its own: every value it
// gives the field is nil or a read of the same field (cfg.OnDemand =
// Default.OnDemand). Whatever the pointer holds was made by code outside
// the package, so the container is not certainly the variable's (a
// template's nil OnDemand, set by a program that wants it shared).
func (c *checker) throughOutsideValue(fields []*types.Var) bool {
	for _, f := range fields[:max(len(fields)-1, 0)] {
		if _, isPtr := f.Type().Underlying().(*types.Pointer); !isPtr {
			continue
		}
		if !c.givenHere(f.Origin()) {
			return true
		}
	}
	return false
}

// givenHere reports whether the package gives field f a value other than
// nil or a copy of the same field of another value.
func (c *checker) givenHere(f *types.Var) bool {
	for _, e := range c.fieldInits[f] {
		if isNilExpr(c.info, e) {
			continue
		}
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && s.Obj().(*types.Var).Origin() == f {
				continue
			}
		}
		return true
	}
	return false
}

func isNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// excludedByGuard reports whether the write is guarded by "p != x" for
// the parameter p it is rooted at and an x that is the argument r: the
// helper never writes that container (NewScope skips the universe).
func (c *checker) excludedByGuard(w *write, r ref) bool {
	if len(w.via) > 0 || len(w.ref.fields) > len(w.local.fields) {
		return false
	}
	for _, g := range w.guards {
		excluded := false
		ast.Inspect(g, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryExpr)
			if !ok || b.Op != token.NEQ {
				return !excluded
			}
			for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				p, ok1 := c.resolve(side[0])
				x, ok2 := c.resolve(side[1])
				if ok1 && ok2 && p.root == w.local.root && len(p.fields) == 0 && x.same(r) {
					excluded = true
				}
			}
			return !excluded
		})
		if excluded {
			return true
		}
	}
	return false
}
