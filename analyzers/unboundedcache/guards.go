package unboundedcache

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// The guards on a write's key are judged on the package's SSA form, shared
// with the other checks through lazyssa: which branch a lookup of the key
// decides, and which paths reach the write. The form is built the first
// time a write would be reported but for its guards, so a package without
// such a write never builds it.

// ssaFunc returns the SSA function of a declaration or literal of the
// package, building the package's SSA form on first use; nil for the
// initialiser node.
func (c *checker) ssaFunc(n *fnode) *ssa.Function {
	if c.ssaBySyntax == nil {
		_, funcs := c.prog.Build()
		c.ssaBySyntax = make(map[ast.Node]*ssa.Function, len(funcs))
		for _, f := range funcs {
			if s := f.Syntax(); s != nil {
				c.ssaBySyntax[s] = f
			}
		}
	}
	switch n.kind {
	case declNode:
		return c.ssaBySyntax[n.decl]
	case litNode:
		return c.ssaBySyntax[n.lit]
	}
	return nil
}

// ssaSubject returns the write's block and the SSA value of its subject
// (the key of a map or sync.Map write, the one value appended to a
// slice), or nil when the write has no single subject.
func (c *checker) ssaSubject(w *write) (*ssa.Function, *ssa.BasicBlock, ssa.Value) {
	if w.subject() == nil || !w.anchor.IsValid() {
		return nil, nil, nil
	}
	fn := c.ssaFunc(w.site)
	if fn == nil {
		return nil, nil, nil
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			pos := in.Pos()
			if call, ok := in.(ssa.CallInstruction); ok {
				pos = call.Common().Pos() // the '(' of a deferred or started call too
			}
			if pos != w.anchor {
				continue
			}
			switch in := in.(type) {
			case *ssa.MapUpdate:
				if w.kind == mapContainer {
					return fn, b, in.Key
				}
			case ssa.CallInstruction:
				common := in.Common()
				switch w.kind {
				case syncMapContainer:
					if f := ssanav.CalleeFunc(common); f != nil && syncMapWrites[f.FullName()] != "" && len(common.Args) == 3 {
						return fn, b, common.Args[1]
					}
				case sliceContainer:
					if bi, ok := common.Value.(*ssa.Builtin); ok && bi.Name() == "append" && len(common.Args) == 2 {
						if v := appended(common.Args[1]); v != nil {
							return fn, b, v
						}
					}
				}
			}
		}
	}
	return nil, nil, nil
}

// appended returns the one value an append call's variadic operand
// carries: the element stored in the array SSA makes for append(s, v),
// or the operand itself for append(s, vs...).
func appended(v ssa.Value) ssa.Value {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return v
	}
	arr, ok := s.X.(*ssa.Alloc)
	if !ok {
		return v
	}
	var out ssa.Value
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ssa.Value(ia) {
				if out != nil {
					return nil
				}
				out = st.Val
			}
		}
	}
	return out
}

// sameValue reports whether a and b are the same value: one SSA value, or
// loads of the same variable or field path (r.Method read twice).
func sameValue(a, b ssa.Value, depth int) bool {
	a, b = ssanav.Unconverted(a), ssanav.Unconverted(b)
	if a == b {
		return true
	}
	if depth > 8 {
		return false
	}
	switch x := a.(type) {
	case *ssa.UnOp:
		y, ok := b.(*ssa.UnOp)
		return ok && x.Op == token.MUL && y.Op == token.MUL && sameValue(x.X, y.X, depth+1)
	case *ssa.Field:
		y, ok := b.(*ssa.Field)
		return ok && x.Field == y.Field && sameValue(x.X, y.X, depth+1)
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameValue(x.X, y.X, depth+1)
	}
	return false
}

// fieldRead reports whether v is read from a field (m.ID, f.Name): data
// a value carries rather than a variable of the function.
func fieldRead(v ssa.Value) bool {
	switch x := ssanav.Unconverted(v).(type) {
	case *ssa.Field:
		return true
	case *ssa.UnOp:
		_, ok := x.X.(*ssa.FieldAddr)
		return x.Op == token.MUL && ok
	}
	return false
}

// isLookupOf reports whether v looks key up: a map index m[key] or the
// tuple of a comma-ok one, or the tuple of a sync.Map lookup
// (syncMapLookups).
func isLookupOf(v, key ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Lookup:
		_, isMap := x.X.Type().Underlying().(*types.Map)
		return isMap && sameValue(x.Index, key, 0)
	case *ssa.Call:
		f := ssanav.CalleeFunc(&x.Call)
		return f != nil && syncMapLookups[f.FullName()] != "" && len(x.Call.Args) >= 2 && sameValue(x.Call.Args[1], key, 0)
	}
	return false
}

// presenceEdge returns the successor index (0 true, 1 false) of an if on
// cond on which key is known to be present, when cond tests a lookup of
// key: the ok of a comma-ok lookup, m[key] compared with nil, or a bool
// m[key].
func presenceEdge(cond, key ssa.Value) (int, bool) {
	switch x := cond.(type) {
	case *ssa.Extract:
		if x.Index == 1 && isLookupOf(x.Tuple, key) {
			return 0, true
		}
	case *ssa.Lookup:
		if !x.CommaOk && isBoolType(x.Type()) && isLookupOf(x, key) {
			return 0, true
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if e, ok := presenceEdge(x.X, key); ok {
				return 1 - e, true
			}
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			break
		}
		for _, side := range [][2]ssa.Value{{x.X, x.Y}, {x.Y, x.X}} {
			k, ok := side[1].(*ssa.Const)
			l, isLookup := side[0].(*ssa.Lookup)
			if !ok || !k.IsNil() || !isLookup || l.CommaOk || !isLookupOf(l, key) {
				continue
			}
			if x.Op == token.NEQ {
				return 0, true
			}
			return 1, true
		}
	}
	return 0, false
}

// guardedByLookup applies rule 2 of registration: the function holding
// the write looks the same key up and, on the branch where the key is
// present (one the write does not lead to), rejects it (a panic, a call
// that never returns, or, for a key that is not read from a field, a
// return of a constructed error); or, for such a key, never reaches the
// write where it is missing.
func (c *checker) guardedByLookup(w *write) bool {
	fn, wb, key := c.ssaSubject(w)
	if key == nil {
		return false
	}
	// A key read from a field (m.ID, f.Name) is data a value carries: an
	// error on its duplicate de-duplicates traffic, while a panic says
	// the caller is code registering something twice.
	plain := !fieldRead(key)
	for _, b := range fn.Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		edge, ok := presenceEdge(iff.Cond, key)
		if !ok {
			continue
		}
		found, missing := b.Succs[edge], b.Succs[1-edge]
		if found != missing && !ssanav.ReachesAvoiding(wb, found, b) && rejects(fn, found, !plain) {
			return true
		}
		if plain && found != missing && !ssanav.ReachesAvoiding(missing, wb, b) {
			return true
		}
	}
	return false
}

// rejects reports whether the blocks start dominates (the branch it
// begins) panic, call a function that never returns (SSA follows such a
// call with a panic), or, unless panicOnly, return a constructed error.
func rejects(fn *ssa.Function, start *ssa.BasicBlock, panicOnly bool) bool {
	for _, b := range fn.Blocks {
		if !start.Dominates(b) {
			continue
		}
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Panic:
			return true
		case *ssa.Return:
			if !panicOnly && len(last.Results) > 0 && isConstructedError(ssanav.StoredResult(last.Results[len(last.Results)-1])) {
				return true
			}
		}
	}
	return false
}

// isConstructedError reports whether v is an error made on the spot
// (constructedErrors) or a package-level error variable.
func isConstructedError(v ssa.Value) bool {
	switch x := ssanav.Unconverted(v).(type) {
	case *ssa.Call:
		f := ssanav.CalleeFunc(&x.Call)
		return f != nil && constructedErrors[f.FullName()] != ""
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		return ok && x.Op == token.MUL && types.Identical(x.Type(), types.Universe.Lookup("error").Type()) && isPkgVarObj(g.Object())
	}
	return false
}

func isPkgVarObj(o types.Object) bool {
	v, ok := o.(*types.Var)
	return ok && isPkgVar(v)
}

// keyBounded reports whether the write's key (or appended value) is one
// of a bounded set on every path to the write. Going back from the write
// along each path, the key's value must become a constant, or the path
// must pass an edge on which it is known to be in a bounded set: it was
// compared equal to a constant (a switch case that lists only constants,
// if m == "GET" || m == "HEAD"), or found in a package-level table
// (_, ok := supported[lang] with ok true, allowed[k] true,
// slices.Contains(known, k) true). A φ follows each incoming edge with
// its value there, so a variable folded into a bounded set before the
// write is bounded:
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
// Paths that leave (return, continue, panic) never reach the write and
// need nothing. A path that reaches the function's entry, or the
// instruction that computes the value, without such an edge makes the
// key unbounded.
func (c *checker) keyBounded(w *write) bool {
	fn, wb, key := c.ssaSubject(w)
	if key == nil {
		return false
	}
	type item struct {
		b *ssa.BasicBlock
		v ssa.Value
	}
	entry := fn.Blocks[0]
	seen := map[item]bool{}
	stack := []item{{wb, ssanav.Unconverted(key)}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[it] {
			continue
		}
		seen[it] = true
		if len(seen) > keyPathBudget {
			return true // not judged in time: no evidence of growth
		}
		b, v := it.b, it.v
		if _, ok := v.(*ssa.Const); ok {
			continue
		}
		if phi, ok := v.(*ssa.Phi); ok && phi.Block() == b {
			for i, p := range b.Preds {
				u := ssanav.Unconverted(phi.Edges[i])
				if !c.boundingEdge(p, b, u) {
					stack = append(stack, item{p, u})
				}
			}
			continue
		}
		if in, ok := v.(ssa.Instruction); ok && in.Block() == b && !isAccess(v) {
			return false // computed here from other data
		}
		if b == entry {
			return false
		}
		for _, p := range b.Preds {
			if !c.boundingEdge(p, b, v) {
				stack = append(stack, item{p, v})
			}
		}
	}
	return true
}

// keyPathBudget is the most (block, value) pairs one keyBounded walk
// visits.
const keyPathBudget = 1000

// boundingEdge reports whether the edge from p to b is taken only when v
// is in a bounded set: equal to a constant, or found in a package-level
// table.
func (c *checker) boundingEdge(p, b *ssa.BasicBlock, v ssa.Value) bool {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return false
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	onTrue := b == p.Succs[0]
	cond := iff.Cond
	for {
		not, ok := cond.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			break
		}
		cond, onTrue = not.X, !onTrue
	}
	switch x := cond.(type) {
	case *ssa.BinOp:
		if x.Op == token.EQL && onTrue || x.Op == token.NEQ && !onTrue {
			for _, side := range [][2]ssa.Value{{x.X, x.Y}, {x.Y, x.X}} {
				if _, isConst := side[1].(*ssa.Const); isConst && sameValue(side[0], v, 0) {
					return true
				}
				if isNilConst(side[1]) && namesBounded(side[0], v) {
					return true
				}
			}
		}
	case *ssa.Extract:
		// _, ok := table[v]
		l, isLookup := x.Tuple.(*ssa.Lookup)
		return onTrue && x.Index == 1 && isLookup && pkgTable(l.X) && sameValue(l.Index, v, 0)
	case *ssa.Lookup:
		// table[v] of a bool table
		return onTrue && !x.CommaOk && isBoolType(x.Type()) && pkgTable(x.X) && sameValue(x.Index, v, 0)
	case *ssa.Call:
		f := ssanav.CalleeFunc(&x.Call)
		args := x.Call.Args
		return onTrue && f != nil && memberTests[f.Origin().FullName()] != "" && len(args) == 2 && pkgTable(args[0]) && sameValue(args[1], v, 0)
	}
	return false
}

// namesBounded reports whether err is the error result of a call of
// boundedNames on v: where it is nil, v names one of the machine's set.
func namesBounded(err, v ssa.Value) bool {
	ex, ok := err.(*ssa.Extract)
	if !ok {
		return false
	}
	if t, ok := ex.Tuple.Type().(*types.Tuple); !ok || ex.Index != t.Len()-1 {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	f := ssanav.CalleeFunc(&call.Call)
	args := call.Call.Args
	return f != nil && boundedNames[f.Origin().FullName()] != "" && len(args) > 0 && sameValue(args[0], v, 0)
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// isAccess reports whether v reads a variable or a field path (r.Method):
// the same read earlier in the function, compared by sameValue, stands
// for it.
func isAccess(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.Field:
		return true
	case *ssa.UnOp:
		switch x.X.(type) {
		case *ssa.FieldAddr, *ssa.Alloc, *ssa.FreeVar, *ssa.Global:
			return x.Op == token.MUL
		}
	}
	return false
}

// pkgTable reports whether v is read from a package-level variable, or a
// field path from one.
func pkgTable(v ssa.Value) bool {
	ld, ok := ssanav.Unconverted(v).(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	addr := ld.X
	for {
		switch a := addr.(type) {
		case *ssa.Global:
			return isPkgVarObj(a.Object())
		case *ssa.FieldAddr:
			addr = a.X
			if inner, ok := addr.(*ssa.UnOp); ok && inner.Op == token.MUL {
				addr = inner.X
			}
		default:
			return false
		}
	}
}
