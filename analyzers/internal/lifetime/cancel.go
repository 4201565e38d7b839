package lifetime

import (
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// cancelReleases marks, for a resource that its library releases once the
// acquisition's context is done (database/sql's rows and transactions),
// the calls of that context's cancel function as releases: `defer
// cancel()` covers every return, a `cancel()` the path it is on.
func (t *tracker) cancelReleases(call *ssa.Call) {
	c := call.Common()
	if c.IsInvoke() || len(c.Args) < 2 {
		return
	}
	callee := c.StaticCallee()
	if callee == nil {
		return
	}
	obj, _ := callee.Object().(*types.Func)
	if !resource.ReleasedOnCancel(obj) {
		return
	}
	// Args[0] is the receiver; Args[1] the context.
	ctx, ok := c.Args[1].(*ssa.Extract)
	if !ok || ctx.Index != 0 {
		return
	}
	mk, ok := ctx.Tuple.(*ssa.Call)
	if !ok || mk.Call.IsInvoke() || mk.Call.StaticCallee() == nil {
		return
	}
	if mkObj, _ := mk.Call.StaticCallee().Object().(*types.Func); !resource.MakesCancel(mkObj) {
		return
	}
	for _, r := range *mk.Referrers() {
		cancel, ok := r.(*ssa.Extract)
		if !ok || cancel.Index != 1 {
			continue
		}
		for _, fv := range cancelValues(cancel) {
			for _, u := range *fv.Referrers() {
				ci, ok := u.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if ci.Common().Value == fv {
					if _, isGo := ci.(*ssa.Go); !isGo {
						t.setEvent(ci, event{kind: evRelease})
					}
				}
			}
		}
		for _, mc := range closuresCalling(cancel) {
			// A function literal that calls cancel on every path to its
			// return: calling it, deferring it or starting it as a
			// goroutine (`go func() { <-done; cancel() }()`) ends the
			// context, as `go f(rows)` hands the rows to the goroutine.
			for _, u := range *mc.Referrers() {
				if ci, ok := u.(ssa.CallInstruction); ok && ci.Common().Value == ssa.Value(mc) {
					t.setEvent(ci, event{kind: evRelease})
					if g, ok := ci.(*ssa.Go); ok {
						if t.cancelGo == nil {
							t.cancelGo = map[*ssa.Go]bool{}
						}
						t.cancelGo[g] = true
					}
				}
			}
		}
	}
}

// cancelValues returns the values that hold the cancel function in the
// function that made it: the function itself, and the loads of a
// variable's cell that holds nothing else (a cancel that a function
// literal captures lives in one).
func cancelValues(cancel ssa.Value) []ssa.Value {
	vals := []ssa.Value{cancel}
	for _, cell := range cellsHolding(cancel) {
		for _, r := range *cell.Referrers() {
			if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL && ld.X == ssa.Value(cell) {
				vals = append(vals, ld)
			}
		}
	}
	return vals
}

// cellsHolding returns the variable cells whose only store is v.
func cellsHolding(v ssa.Value) []*ssa.Alloc {
	var cells []*ssa.Alloc
	for _, r := range *v.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != v {
			continue
		}
		if cell, ok := st.Addr.(*ssa.Alloc); ok {
			if only, ok := storedOnce(cell); ok && only == v && !assignedByClosure(cell) {
				cells = append(cells, cell)
			}
		}
	}
	return cells
}

// assignedByClosure reports whether a function literal that captures
// the variable cell assigns it.
func assignedByClosure(cell *ssa.Alloc) bool {
	for _, r := range *cell.Referrers() {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		fn, ok := mc.Fn.(*ssa.Function)
		if !ok || len(mc.Bindings) != len(fn.FreeVars) {
			return true
		}
		for i, x := range mc.Bindings {
			if x == ssa.Value(cell) && storedInClosure(fn.FreeVars[i]) {
				return true
			}
		}
	}
	return false
}

// closuresCalling returns the function literals made with cancel (or
// the cell that holds only it) among their bindings whose body calls it
// on every path from its entry to a return.
func closuresCalling(cancel ssa.Value) []*ssa.MakeClosure {
	bound := map[ssa.Value]bool{cancel: true}
	for _, cell := range cellsHolding(cancel) {
		bound[cell] = true
	}
	var out []*ssa.MakeClosure
	for b := range bound {
		for _, r := range *b.Referrers() {
			mc, ok := r.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			fn, ok := mc.Fn.(*ssa.Function)
			if !ok || len(fn.Blocks) == 0 || len(mc.Bindings) != len(fn.FreeVars) {
				continue
			}
			for i, x := range mc.Bindings {
				if x != b {
					continue
				}
				fv := fn.FreeVars[i]
				if callsOnEveryPath(fn, func(v ssa.Value) bool {
					if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
						v = ld.X
					}
					return v == ssa.Value(fv)
				}) {
					out = append(out, mc)
				}
			}
		}
	}
	return out
}

// storedInClosure reports whether a function literal assigns the
// captured variable fv.
func storedInClosure(fv *ssa.FreeVar) bool {
	for _, r := range *fv.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(fv) {
			return true
		}
	}
	return false
}

// callsOnEveryPath reports whether every path of fn from its entry to a
// return passes a call of a function value that isCallee accepts (a
// path that panics or never ends has no return).
func callsOnEveryPath(fn *ssa.Function, isCallee func(ssa.Value) bool) bool {
	calls := func(b *ssa.BasicBlock) bool {
		for _, instr := range b.Instrs {
			switch c := instr.(type) {
			case *ssa.Call, *ssa.Defer:
				// A deferred call runs at every return after it.
				if cc := c.(ssa.CallInstruction).Common(); !cc.IsInvoke() && isCallee(cc.Value) {
					return true
				}
			}
		}
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if calls(b) {
			continue
		}
		if _, ret := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ret {
			return false
		}
		stack = append(stack, b.Succs...)
	}
	return true
}
