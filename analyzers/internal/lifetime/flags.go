package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Flagged parameters.
//
// `func processRows(rows Rows, closeRows bool) error { if closeRows {
// defer rows.Close() } ... }`: what the function does with rows hangs on
// the flag, and its summary, computed once for every value of the flag,
// says at best that it releases the rows on some outcome. A caller of the
// same package that passes the flag as a constant (`ScanAll(rows)`
// calling `processRows(rows, true)`) is given the effect of a walk of the
// callee in which the branches on that parameter take the constant's
// edge: there, the rows are closed on every return. The caller's own
// summary, exported as a fact, carries the answer to other packages.

// flagKey names one such walk: the callee, the parameter walked and the
// constants its other parameters hold.
type flagKey struct {
	fn    *ssa.Function
	param int
	start decisions
}

// flaggedEffect gives what callee, a function of this package, does with
// its parameter i when called by c, whose constant boolean arguments
// decide branches of callee. ok is false when c passes no such constant,
// or the walk is already under way further up the stack (recursion).
func (e *engine) flaggedEffect(callee *ssa.Function, c *ssa.CallCommon, i int) (eff ParamEffect, ok bool) {
	if callee.Pkg != e.pkg || len(callee.Blocks) == 0 || c.IsInvoke() || len(c.Args) != len(callee.Params) || i >= len(callee.Params) {
		return ParamEffect{}, false
	}
	start, found := constantFlags(callee, c, i)
	if !found {
		return ParamEffect{}, false
	}
	k := flagKey{callee, i, start}
	if eff, ok := e.flagged[k]; ok {
		return eff, true
	}
	if e.flaggedBusy[k] {
		return ParamEffect{}, false
	}
	e.flaggedBusy[k] = true
	eff, drains := e.walkParam(callee, i, start)
	delete(e.flaggedBusy, k)
	if drains || !e.closable(callee.Params[i].Type()) && !wrapperEffectKept(callee, i, eff) {
		// What the summary would not say either (summariseParams).
		eff = ParamEffect{}
	}
	eff.Index = i
	e.flagged[k] = eff
	return eff, true
}

// constantFlags gives, as decisions, the constant booleans that c passes
// to the parameters of callee other than i which decide a branch of
// callee (the condition of an If, or its negation).
func constantFlags(callee *ssa.Function, c *ssa.CallCommon, i int) (d decisions, found bool) {
	for j, a := range c.Args {
		if j == i {
			continue
		}
		k, ok := a.(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Bool {
			continue
		}
		p := callee.Params[j]
		if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsBoolean == 0 || !decidesBranch(p) {
			continue
		}
		if next := d.with(p, constant.BoolVal(k.Value)); next != d {
			d, found = next, true
		}
	}
	return d, found
}

// decidesBranch reports whether v is the condition of an If, directly or
// negated.
func decidesBranch(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.If:
			return true
		case *ssa.UnOp:
			if r.Op == token.NOT && decidesBranch(r) {
				return true
			}
		}
	}
	return false
}
