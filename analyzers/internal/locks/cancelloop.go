package locks

import (
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// An edge of a function's control-flow graph.
type edge struct{ from, to *ssa.BasicBlock }

// cancelledExits returns the exits of loops in body (the function the go
// statement g in fn starts) that leave the loop because its own condition
// ran out, when every iteration of that loop blocks in a select with a
// case on a channel fn stops on every path from g to a Wait of the group
// (it closes the channel, or cancels the context whose Done() it is) and
// that case calls Done for the WaitGroup k (in body's keys; outer in fn's)
// before returning.
//
// The goroutine then leaves either through the cancellation, which calls
// Done, or through the bound running out first; which comes first is a
// question of timing (how many iterations run before fn stops it) that
// the analysis cannot answer, so skipsDone does not take those exits.
func (a *checker) cancelledExits(fn *ssa.Function, g *ssa.Go, body *ssa.Function, k, outer key) map[edge]bool {
	cut := map[edge]bool{}
	for _, h := range body.Blocks {
		var latches []*ssa.BasicBlock
		for _, p := range h.Preds {
			if h.Dominates(p) {
				latches = append(latches, p)
			}
		}
		if len(latches) == 0 {
			continue
		}
		loop := map[*ssa.BasicBlock]bool{h: true}
		for _, b := range body.Blocks {
			if h.Dominates(b) && ssanav.Reaches(b, h) {
				loop[b] = true
			}
		}
		var exits []*ssa.BasicBlock
		for _, s := range h.Succs {
			if !loop[s] {
				exits = append(exits, s)
			}
		}
		if len(exits) == 0 || !a.stoppedEveryIteration(fn, g, body, k, outer, loop, latches) {
			continue
		}
		for _, s := range exits {
			cut[edge{h, s}] = true
		}
	}
	return cut
}

// stoppedEveryIteration reports whether a block of loop that every
// iteration passes (it dominates every latch) blocks in a select with a
// receive case that fn stops before its Waits on outer and that calls
// Done for k.
func (a *checker) stoppedEveryIteration(fn *ssa.Function, g *ssa.Go, body *ssa.Function, k, outer key, loop map[*ssa.BasicBlock]bool, latches []*ssa.BasicBlock) bool {
	for b := range loop {
		dominatesAll := true
		for _, p := range latches {
			if !b.Dominates(p) {
				dominatesAll = false
				break
			}
		}
		if !dominatesAll {
			continue
		}
		for _, in := range b.Instrs {
			sel, ok := in.(*ssa.Select)
			if !ok || !sel.Blocking {
				continue
			}
			for j, st := range sel.States {
				if st.Dir != types.RecvOnly {
					continue
				}
				stop := a.stopOf(fn, g, body, st.Chan)
				if stop == nil || !a.stoppedBefore(fn, g, outer, stop) {
					continue
				}
				if c := selectCase(sel, j); c != nil && a.caseCallsDone(body, c, k, loop) {
					return true
				}
			}
		}
	}
	return false
}

// stopOf returns a predicate for the calls in fn that close the channel
// ch (a value in body) for good: close of the channel fn made, or the
// cancel function of the context whose Done() ch is. It returns nil when
// ch is neither.
func (a *checker) stopOf(fn *ssa.Function, g *ssa.Go, body *ssa.Function, ch ssa.Value) func(ssa.Instruction) bool {
	if call, ok := ch.(*ssa.Call); ok {
		c := call.Common()
		if !c.IsInvoke() || c.Method.FullName() != ctxDone {
			return nil
		}
		ctx, ok := origin(outerValue(g, body, c.Value)).(*ssa.Extract)
		if !ok || ctx.Index != 0 {
			return nil
		}
		ctor, ok := ctx.Tuple.(*ssa.Call)
		if !ok {
			return nil
		}
		if f := ssanav.CalleeFunc(ctor.Common()); f == nil || cancelCtors[f.FullName()] == "" {
			return nil
		}
		var cancel ssa.Value
		for _, r := range *ctor.Referrers() {
			if x, ok := r.(*ssa.Extract); ok && x.Index == 1 {
				cancel = x
			}
		}
		if cancel == nil {
			return nil
		}
		return func(in ssa.Instruction) bool {
			c, ok := in.(*ssa.Call)
			return ok && !c.Common().IsInvoke() && origin(c.Common().Value) == cancel
		}
	}
	mk, ok := origin(outerValue(g, body, ch)).(*ssa.MakeChan)
	if !ok || mk.Parent() != fn {
		return nil
	}
	return func(in ssa.Instruction) bool {
		c, ok := in.(*ssa.Call)
		if !ok {
			return false
		}
		b, ok := c.Common().Value.(*ssa.Builtin)
		return ok && b.Name() == "close" && len(c.Common().Args) == 1 && origin(c.Common().Args[0]) == ssa.Value(mk)
	}
}

// outerValue returns the value of the function starting g that v, in
// body, is: the argument of a parameter, the binding of a captured
// variable or what its cell holds. It returns nil when there is none.
func outerValue(g *ssa.Go, body *ssa.Function, v ssa.Value) ssa.Value {
	c := g.Common()
	var bindings []ssa.Value
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		bindings = mc.Bindings
	}
	freeVar := func(fv ssa.Value) ssa.Value {
		for i, p := range body.FreeVars {
			if p == fv && i < len(bindings) {
				return bindings[i]
			}
		}
		return nil
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range body.Params {
			if p == v && i < len(c.Args) {
				return c.Args[i]
			}
		}
	case *ssa.FreeVar:
		return freeVar(v)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		if cell, ok := freeVar(v.X).(*ssa.Alloc); ok {
			return storedOnce(cell)
		}
	case *ssa.ChangeType:
		return outerValue(g, body, v.X)
	case *ssa.ChangeInterface:
		return outerValue(g, body, v.X)
	}
	return nil
}

// origin returns the value v copies: through a local cell stored once,
// a change of type or interface boxing.
func origin(v ssa.Value) ssa.Value {
	for i := 0; i < 8 && v != nil; i++ {
		v = ssanav.Unconverted(v)
		x, ok := v.(*ssa.UnOp)
		if !ok || x.Op != token.MUL {
			return v
		}
		cell, ok := x.X.(*ssa.Alloc)
		if !ok || storedOnce(cell) == nil {
			return v
		}
		v = storedOnce(cell)
	}
	return v
}

// stoppedBefore reports whether every path of fn from the go statement g
// to a Wait of the group outer passes an instruction stop accepts. Paths
// that panic, never return or fail the test do not count.
func (a *checker) stoppedBefore(fn *ssa.Function, g *ssa.Go, outer key, stop func(ssa.Instruction) bool) bool {
	isWait := func(in ssa.Instruction) bool {
		if _, ok := in.(*ssa.Call); !ok {
			return false
		}
		for _, ev := range a.eventsOf(fn, in) {
			if ev.kind == evWait && ev.key == outer {
				return true
			}
		}
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	// reaches reports whether a Wait is reached from instruction i of b on.
	var reaches func(b *ssa.BasicBlock, i int) bool
	reaches = func(b *ssa.BasicBlock, i int) bool {
		for _, in := range b.Instrs[i:] {
			if isWait(in) {
				return true
			}
			if stop(in) || a.blocksForever(in) || failsTest(in) {
				return false
			}
			if _, ok := in.(*ssa.Panic); ok {
				return false
			}
		}
		for _, s := range liveSuccs(b) {
			if !seen[s] {
				seen[s] = true
				if reaches(s, 0) {
					return true
				}
			}
		}
		return false
	}
	gb := g.Block()
	for i, in := range gb.Instrs {
		if in == g {
			return !reaches(gb, i+1)
		}
	}
	return false
}

// selectCase returns the block that runs when case j of sel is chosen,
// or nil when the lowering is not the usual comparison of the index.
func selectCase(sel *ssa.Select, j int) *ssa.BasicBlock {
	for _, r := range *sel.Referrers() {
		idx, ok := r.(*ssa.Extract)
		if !ok || idx.Index != 0 {
			continue
		}
		for _, r := range *idx.Referrers() {
			cmp, ok := r.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			c, ok := cmp.Y.(*ssa.Const)
			if !ok || c.Int64() != int64(j) {
				continue
			}
			for _, r := range *cmp.Referrers() {
				if iff, ok := r.(*ssa.If); ok {
					return iff.Block().Succs[0]
				}
			}
		}
	}
	return nil
}

// caseCallsDone reports whether every path from block c touches k before
// it returns, without coming back into loop.
func (a *checker) caseCallsDone(body *ssa.Function, c *ssa.BasicBlock, k key, loop map[*ssa.BasicBlock]bool) bool {
	seen := map[*ssa.BasicBlock]bool{}
	var ok func(b *ssa.BasicBlock) bool
	ok = func(b *ssa.BasicBlock) bool {
		if loop[b] && b != c {
			return false
		}
		if seen[b] {
			return true
		}
		seen[b] = true
		for _, in := range b.Instrs {
			if touches(body, in, k) || a.blocksForever(in) || failsTest(in) {
				return true
			}
			switch in.(type) {
			case *ssa.Return:
				return false
			case *ssa.Panic:
				return true
			}
		}
		for _, s := range liveSuccs(b) {
			if !ok(s) {
				return false
			}
		}
		return true
	}
	return ok(c)
}
