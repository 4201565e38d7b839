package lifetime

import (
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// heldOver reports whether the resources a defer inside the loop around
// b keeps open are held across more work: a round of the loop waits for
// something outside the program (a request, a query, a process, the
// clock, another goroutine) while the earlier rounds' resources are
// open, the loop sits in another loop of the function, whose next rounds
// pile up more of them, or a path from the loop's end to the function's
// return waits. A loop over data the function holds (a range over a
// slice, map, string or integer, a counted loop) that only computes, in a
// function that returns right after it or only computes before it
// returns, closes them all at once: a handful of files open a moment
// longer is no leak, whatever the data's length. A loop that goes round
// until something happens (`for { ... }`, `for rows.Next()`, a range
// over a channel) takes as many rounds as events come, and is always
// held over.
func (e *engine) heldOver(b *ssa.BasicBlock) bool {
	loop := innerLoop(b)
	if loop == nil || !overData(loop) {
		return true
	}
	for blk := range loop {
		for _, in := range blk.Instrs {
			if e.waitsAt(in, 0) {
				return true
			}
		}
	}
	var after []*ssa.BasicBlock
	seen := map[*ssa.BasicBlock]bool{}
	for l := range loop {
		for _, s := range l.Succs {
			if !loop[s] && !seen[s] {
				seen[s] = true
				after = append(after, s)
			}
		}
	}
	for i := 0; i < len(after); i++ {
		x := after[i]
		if ssanav.Reaches(x, b) {
			return true // an enclosing loop comes round to this one again
		}
		for _, in := range x.Instrs {
			if e.waitsAt(in, 0) {
				return true
			}
		}
		for _, s := range x.Succs {
			if !seen[s] {
				seen[s] = true
				after = append(after, s)
			}
		}
	}
	return false
}

// waitDepth is how deep heldOver follows calls of the package's own
// functions.
const waitDepth = 4

// waitsAt reports whether in can wait for something outside the program:
// a channel operation or a blocking select, or a call (deferred ones
// included: they run before the loop's) that waits, as the knowledge
// table says for functions out of sight and as their bodies say for the
// package's own, up to waitDepth calls deep. Calls through interfaces
// and function values are not known and count as not waiting.
func (e *engine) waitsAt(in ssa.Instruction, depth int) bool {
	switch in := in.(type) {
	case *ssa.UnOp:
		return in.Op == token.ARROW
	case *ssa.Send:
		return true
	case *ssa.Select:
		return in.Blocking
	case *ssa.Call:
		return e.callWaits(in.Common(), depth)
	case *ssa.Defer:
		return e.callWaits(in.Common(), depth)
	}
	return false
}

func (e *engine) callWaits(c *ssa.CallCommon, depth int) bool {
	if c.IsInvoke() {
		return false
	}
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	if len(callee.Blocks) == 0 {
		return resource.Waits(ssanav.CalleeFunc(c))
	}
	if depth >= waitDepth {
		return false
	}
	if w, ok := e.waits[callee]; ok {
		return w
	}
	e.waits[callee] = false // a recursive call adds nothing
	defer func() {
		if !e.waits[callee] && depth > 0 {
			// Cut short by waitDepth: a later question from nearer the
			// top may see further.
			delete(e.waits, callee)
		}
	}()
	w := false
	for _, blk := range callee.Blocks {
		for _, in := range blk.Instrs {
			if e.waitsAt(in, depth+1) {
				w = true
				break
			}
		}
		if w {
			break
		}
	}
	e.waits[callee] = w
	return w
}

// innerLoop returns the blocks of the innermost natural loop around b,
// or nil when b is in none.
func innerLoop(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	var best map[*ssa.BasicBlock]bool
	for _, h := range b.Parent().Blocks {
		if !h.Dominates(b) {
			continue
		}
		body := map[*ssa.BasicBlock]bool{h: true}
		var stack []*ssa.BasicBlock
		back := false
		for _, p := range h.Preds {
			if h.Dominates(p) {
				back = true
				if !body[p] {
					body[p] = true
					stack = append(stack, p)
				}
			}
		}
		if !back {
			continue
		}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, p := range x.Preds {
				if !body[p] {
					body[p] = true
					stack = append(stack, p)
				}
			}
		}
		if body[b] && (best == nil || len(body) < len(best)) {
			best = body
		}
	}
	return best
}

// overData reports whether a test that leaves loop counts through data
// the function holds: an integer comparison (a range over a slice, an
// array or an integer, a counted loop) or the end of a range over a map
// or a string.
func overData(loop map[*ssa.BasicBlock]bool) bool {
	for blk := range loop {
		iff, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
		if !ok || len(blk.Succs) != 2 || loop[blk.Succs[0]] == loop[blk.Succs[1]] {
			continue
		}
		switch c := iff.Cond.(type) {
		case *ssa.BinOp:
			switch c.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				if b, ok := c.X.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
					return true
				}
			}
		case *ssa.Extract:
			if _, ok := c.Tuple.(*ssa.Next); ok && c.Index == 0 {
				return true
			}
		}
	}
	return false
}
