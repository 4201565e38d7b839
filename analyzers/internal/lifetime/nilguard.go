package lifetime

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Resources acquired only when a parameter is nil.
//
// A constructor that opens its own resource only when the caller gave it
// none (`if sink != nil { return sink, nil }` before opening a log file)
// returns an owned resource only on the paths where that parameter is
// nil. The summary says so (OwnedResult.OnlyIfNil), and a caller that
// passes a value that cannot be nil there (a struct boxed in an
// interface, an allocation) acquires nothing.

// nilGuards returns the parameters of fn (indices into fn.Params) that
// are nil on every path reaching block b: b is dominated by the edge on
// which the parameter compared equal to nil.
func nilGuards(fn *ssa.Function, b *ssa.BasicBlock) []int {
	var out []int
	for d := b; d != nil; d = d.Idom() {
		if len(d.Preds) != 1 {
			continue
		}
		pred := d.Preds[0]
		ifi, ok := lastInstr(pred).(*ssa.If)
		if !ok || len(pred.Succs) != 2 || pred.Succs[0] == pred.Succs[1] {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			continue
		}
		x, y := cmp.X, cmp.Y
		if c, ok := x.(*ssa.Const); ok && c.IsNil() {
			x, y = y, x
		}
		if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
			continue
		}
		prm, ok := x.(*ssa.Parameter)
		if !ok {
			continue
		}
		nilEdge := pred.Succs[0]
		if cmp.Op == token.NEQ {
			nilEdge = pred.Succs[1]
		}
		if i := slices.Index(fn.Params, prm); nilEdge == d && i >= 0 && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// calledOnlyIfNil maps a callee's OnlyIfNil to the call: none is false
// when some argument there cannot be nil (the call acquires nothing);
// params lists the caller's parameters passed there, which must then be
// nil for the resource to exist.
func calledOnlyIfNil(call *ssa.Call, onlyIfNil []int) (params []int, none bool) {
	caller := call.Parent()
	args := call.Common().Args
	for _, j := range onlyIfNil {
		if j >= len(args) {
			continue
		}
		a := args[j]
		if neverNil(a) {
			return nil, true
		}
		if prm, ok := a.(*ssa.Parameter); ok {
			if i := slices.Index(caller.Params, prm); i >= 0 && !slices.Contains(params, i) {
				params = append(params, i)
			}
		}
	}
	slices.Sort(params)
	return params, false
}

// intersect returns the elements of a that are in b.
func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
