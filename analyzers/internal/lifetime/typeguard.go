package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Resources acquired only for some dynamic types of a parameter.
//
// A constructor may hold a resource only when an interface argument is of
// a kind it asserts to: `if lc, ok := ctx.(RowLimited); ok { limit =
// lc.Limit() }; if limit != 0 { spill to a temporary file }` keeps its
// rows in memory under any other context. Its result is owned only for
// those arguments, and the summary says so (OwnedResult.OnlyIfType): a
// caller that passes a value whose type has none of the asserted kinds
// (context.Background(), a concrete type without the methods) acquires
// nothing; one that passes a value of the asserted kind acquires the
// resource; one that passes its own parameter owes it under the same
// condition on that parameter, for its own callers to decide. A value
// the caller's code does not visibly type (an interface loaded from a
// field, the result of another call) does not show that it is of the
// asserted kind, and the call is not taken to acquire.

// TypeCondition says that an owned result exists only when parameter
// Param (index 0 is the receiver of a method) has, as its dynamic type,
// Type: a concrete type, or an interface whose methods (by name) the
// dynamic type has.
type TypeCondition struct {
	Param int
	// Type as types.TypeString spells it with full package paths.
	Type string
	// Methods lists the method names of Type when it is an interface.
	Methods []string
}

// typeGuardKey names one parameter of one function.
type typeGuardKey struct {
	fn *ssa.Function
	p  int
}

// typeGuards returns the conditions on fn's parameters under which block
// b runs: for each interface parameter that fn asserts to other types, b
// is out of reach from the entry when every such assertion fails. The
// conditions list every type fn asserts that parameter to.
func (e *engine) typeGuards(fn *ssa.Function, b *ssa.BasicBlock) []TypeCondition {
	var out []TypeCondition
	for i, p := range fn.Params {
		asserted := failingAssertions(p)
		if len(asserted) == 0 {
			continue
		}
		key := typeGuardKey{fn, i}
		reach, ok := e.typeReach[key]
		if !ok {
			reach = reachableUnlessAsserted(fn, p)
			e.typeReach[key] = reach
		}
		if reach == nil || reach[b] {
			continue
		}
		for _, t := range asserted {
			c := TypeCondition{Param: i, Type: types.TypeString(t, nil)}
			if it, ok := t.Underlying().(*types.Interface); ok {
				for m := range it.Methods() {
					c.Methods = append(c.Methods, m.Name())
				}
				slices.Sort(c.Methods)
			}
			if !slices.ContainsFunc(out, c.equal) {
				out = append(out, c)
			}
		}
	}
	return out
}

func (c TypeCondition) equal(d TypeCondition) bool {
	return c.Param == d.Param && c.Type == d.Type
}

// failingAssertions returns the types that p, an interface parameter, is
// asserted to where the assertion can fail for a non-nil value: concrete
// types, and interfaces that p's own type does not already satisfy.
func failingAssertions(p *ssa.Parameter) []types.Type {
	if !types.IsInterface(p.Type()) {
		return nil
	}
	var out []types.Type
	for _, ref := range *p.Referrers() {
		ta, ok := ref.(*ssa.TypeAssert)
		if !ok || ta.X != p || !canFail(p.Type(), ta.AssertedType) {
			continue
		}
		if !slices.ContainsFunc(out, func(t types.Type) bool { return types.Identical(t, ta.AssertedType) }) {
			out = append(out, ta.AssertedType)
		}
	}
	return out
}

// canFail reports whether asserting a non-nil value of interface type
// from to the type to can fail.
func canFail(from, to types.Type) bool {
	if types.IsInterface(to) {
		return !types.Implements(from, to.Underlying().(*types.Interface))
	}
	return true
}

// reachableUnlessAsserted returns the blocks of fn that can run when every
// assertion of p that can fail does fail: a comma-ok assertion yields
// false, one without ok ends the block in a panic. Branch conditions are
// folded where that makes them constants (a φ fed a constant on the one
// edge still open, compared with a constant). nil when fn has no body.
// The set may hold more blocks than can run, never fewer.
func reachableUnlessAsserted(fn *ssa.Function, p *ssa.Parameter) map[*ssa.BasicBlock]bool {
	if len(fn.Blocks) == 0 {
		return nil
	}
	f := &assertFold{p: p, reach: map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}}
	for changed := true; changed; {
		changed = false
		f.memo = map[*ssa.BasicBlock][]*ssa.BasicBlock{}
		for _, b := range fn.Blocks {
			if !f.reach[b] {
				continue
			}
			for _, s := range f.successors(b, 0) {
				if !f.reach[s] {
					f.reach[s] = true
					changed = true
				}
			}
		}
	}
	return f.reach
}

type assertFold struct {
	p     *ssa.Parameter
	reach map[*ssa.BasicBlock]bool
	// memo holds the successors found in this round of the fixpoint;
	// a block absent from it but present with nil is being computed.
	memo map[*ssa.BasicBlock][]*ssa.BasicBlock
}

// successors returns the blocks b can go on to under the assumption.
func (f *assertFold) successors(b *ssa.BasicBlock, depth int) []*ssa.BasicBlock {
	if succs, ok := f.memo[b]; ok {
		if succs == nil {
			return b.Succs // asked again while it is computed: a cycle
		}
		return succs
	}
	f.memo[b] = nil
	succs := f.fold(b, depth)
	if succs == nil {
		succs = []*ssa.BasicBlock{}
	}
	f.memo[b] = succs
	return succs
}

// fold computes successors.
func (f *assertFold) fold(b *ssa.BasicBlock, depth int) []*ssa.BasicBlock {
	for _, in := range b.Instrs {
		if ta, ok := in.(*ssa.TypeAssert); ok && !ta.CommaOk && ta.X == f.p && canFail(f.p.Type(), ta.AssertedType) {
			return nil // panics
		}
	}
	ifi, ok := lastInstr(b).(*ssa.If)
	if !ok || len(b.Succs) != 2 {
		return b.Succs
	}
	v, known := f.eval(ifi.Cond, depth)
	if !known || v.Kind() != constant.Bool {
		return b.Succs
	}
	if constant.BoolVal(v) {
		return b.Succs[:1]
	}
	return b.Succs[1:]
}

// eval folds v to a constant under the assumption, if it can.
func (f *assertFold) eval(v ssa.Value, depth int) (constant.Value, bool) {
	if depth > 8 {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nil, false
		}
		return v.Value, true
	case *ssa.Extract:
		if ta, ok := v.Tuple.(*ssa.TypeAssert); ok && v.Index == 1 && ta.X == f.p && canFail(f.p.Type(), ta.AssertedType) {
			return constant.MakeBool(false), true
		}
	case *ssa.UnOp:
		if v.Op == token.NOT {
			if x, ok := f.eval(v.X, depth+1); ok && x.Kind() == constant.Bool {
				return constant.MakeBool(!constant.BoolVal(x)), true
			}
		}
	case *ssa.BinOp:
		switch v.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			x, okx := f.eval(v.X, depth+1)
			y, oky := f.eval(v.Y, depth+1)
			if okx && oky && comparable(x, y) {
				return constant.MakeBool(constant.Compare(x, v.Op, y)), true
			}
		}
	case *ssa.Phi:
		var out constant.Value
		for i, edge := range v.Edges {
			pred := v.Block().Preds[i]
			if !f.edgeOpen(pred, v.Block(), depth+1) {
				continue
			}
			x, ok := f.eval(edge, depth+1)
			if !ok || out != nil && (!comparable(out, x) || !constant.Compare(out, token.EQL, x)) {
				return nil, false
			}
			out = x
		}
		return out, out != nil
	}
	return nil, false
}

// edgeOpen reports whether the walk can go from pred to succ.
func (f *assertFold) edgeOpen(pred, succ *ssa.BasicBlock, depth int) bool {
	return f.reach[pred] && slices.Contains(f.successors(pred, depth), succ)
}

// comparable reports whether constant.Compare accepts x and y.
func comparable(x, y constant.Value) bool {
	kind := func(k constant.Kind) constant.Kind {
		if k == constant.Int || k == constant.Float {
			return constant.Float // numbers compare across the two
		}
		return k
	}
	return kind(x.Kind()) == kind(y.Kind()) && x.Kind() != constant.Unknown && x.Kind() != constant.Complex
}

// calledOnlyIfType maps a callee's OnlyIfType to the call: none is true
// when an argument the condition speaks of visibly has none of the types
// (the call acquires nothing); conds lists the conditions it puts on the
// caller's own parameters, passed there, for the caller's summary.
func calledOnlyIfType(call *ssa.Call, onlyIfType []TypeCondition) (conds []TypeCondition, none bool) {
	caller := call.Parent()
	args := call.Common().Args
	var params []int
	for _, c := range onlyIfType {
		if !slices.Contains(params, c.Param) {
			params = append(params, c.Param)
		}
	}
	for _, j := range params {
		if j >= len(args) {
			continue
		}
		var of []TypeCondition
		for _, c := range onlyIfType {
			if c.Param == j {
				of = append(of, c)
			}
		}
		yes, passed := argOfType(args[j], of, caller, map[ssa.Value]bool{})
		if yes {
			continue
		}
		if len(passed) == 0 {
			return nil, true
		}
		for _, i := range passed {
			for _, c := range of {
				c.Param = i
				if !slices.ContainsFunc(conds, c.equal) {
					conds = append(conds, c)
				}
			}
		}
	}
	return conds, false
}

// argOfType says what the caller's code shows of the dynamic type of v,
// an argument the callee asserts to the types of conds: yes when v may be
// of one of them (a value converted from a type that has one's methods, a
// free variable of a closure, whose enclosing function decides), passed
// when it may be only through the caller's own parameters listed.
func argOfType(v ssa.Value, conds []TypeCondition, caller *ssa.Function, seen map[ssa.Value]bool) (yes bool, passed []int) {
	if seen[v] {
		return false, nil
	}
	seen[v] = true
	if matchesType(v.Type(), conds) {
		return true, nil
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return matchesType(v.X.Type(), conds), nil
	case *ssa.ChangeInterface:
		return argOfType(v.X, conds, caller, seen)
	case *ssa.Parameter:
		if i := slices.Index(caller.Params, v); i >= 0 {
			return false, []int{i}
		}
	case *ssa.FreeVar:
		return true, nil
	case *ssa.UnOp:
		// A variable a closure captures lives in a cell: what the
		// function stores there.
		if v.Op != token.MUL {
			return false, nil
		}
		if _, ok := v.X.(*ssa.FreeVar); ok {
			return true, nil // the enclosing function's variable
		}
		cell, ok := v.X.(*ssa.Alloc)
		if !ok {
			return false, nil
		}
		for _, ref := range *cell.Referrers() {
			switch ref := ref.(type) {
			case *ssa.Store:
				if ref.Addr != cell {
					return true, nil
				}
				y, p := argOfType(ref.Val, conds, caller, seen)
				if y {
					return true, nil
				}
				passed = addInts(passed, p)
			case *ssa.UnOp, *ssa.MakeClosure:
				// a load; a closure that reads it
			default:
				return true, nil // its address goes elsewhere
			}
		}
		return false, passed
	case *ssa.Phi:
		for _, edge := range v.Edges {
			y, p := argOfType(edge, conds, caller, seen)
			if y {
				return true, nil
			}
			passed = addInts(passed, p)
		}
		return false, passed
	}
	return false, nil
}

// matchesType reports whether a value of static type t may have one of
// the conditions' types: t is that concrete type, or has every method of
// that interface.
func matchesType(t types.Type, conds []TypeCondition) bool {
	for _, c := range conds {
		if c.Methods == nil {
			if types.TypeString(t, nil) == c.Type {
				return true
			}
			continue
		}
		ms := types.NewMethodSet(t)
		all := true
		for _, name := range c.Methods {
			found := false
			for sel := range ms.Methods() {
				if sel.Obj().Name() == name {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// mergeTypes joins the conditions of two paths that return the same
// result: a parameter stays conditioned only where both paths condition
// it, on any of the types either lists.
func mergeTypes(a, b []TypeCondition) []TypeCondition {
	on := func(cs []TypeCondition, p int) bool {
		return slices.ContainsFunc(cs, func(c TypeCondition) bool { return c.Param == p })
	}
	var out []TypeCondition
	for _, c := range a {
		if on(b, c.Param) {
			out = append(out, c)
		}
	}
	for _, c := range b {
		if on(a, c.Param) && !slices.ContainsFunc(out, c.equal) {
			out = append(out, c)
		}
	}
	sortTypes(out)
	return out
}

// sortTypes orders conditions by parameter, then type.
func sortTypes(cs []TypeCondition) {
	slices.SortFunc(cs, func(a, b TypeCondition) int {
		if a.Param != b.Param {
			return a.Param - b.Param
		}
		switch {
		case a.Type < b.Type:
			return -1
		case a.Type > b.Type:
			return 1
		}
		return 0
	})
}

// addInts adds to a, kept sorted, the elements of b it lacks.
func addInts(a, b []int) []int {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	slices.Sort(a)
	return a
}
