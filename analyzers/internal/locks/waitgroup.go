package locks

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/report"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// checkWaitGroups finds the goroutines fn starts that call wg.Done() on
// some path and can return without it on another, where fn itself both
// adds to wg and waits on it: that Wait never returns. wg.Go, whose
// function cannot skip Done, is not a go statement and is never checked.
func (a *checker) checkWaitGroups(fn *ssa.Function) {
	adds := map[key]bool{}
	waits := map[key]ssa.Instruction{}
	var addCalls, waitCalls, doneCalls []event
	var gos []*ssa.Go
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if g, ok := in.(*ssa.Go); ok {
				gos = append(gos, g)
				continue
			}
			if _, ok := in.(*ssa.Call); !ok {
				continue
			}
			for _, ev := range a.eventsOf(fn, in) {
				switch ev.kind {
				case evAdd:
					adds[ev.key] = true
					addCalls = append(addCalls, ev)
				case evWait:
					if waits[ev.key] == nil {
						waits[ev.key] = in
					}
					waitCalls = append(waitCalls, ev)
				case evDone:
					doneCalls = append(doneCalls, ev)
				}
			}
		}
	}
	if len(adds) == 0 || len(waits) == 0 {
		return
	}
	for _, g := range gos {
		a.checkGo(fn, g, adds, addCalls, waits)
	}
	a.checkWaitInLoop(fn, gos, addCalls, waitCalls, doneCalls)
}

// checkWaitInLoop finds a Wait in the loop that starts the goroutines
// when the group was given more than one count before the loop: the
// first iteration waits for every goroutine, but only one has started
// (moby#25384). An Add inside the loop, a Done in fn itself, or an Add
// of the constant 1 make it silent.
func (a *checker) checkWaitInLoop(fn *ssa.Function, gos []*ssa.Go, adds, waits, dones []event) {
	for _, w := range waits {
		wb := w.instr.Block()
		var inLoop *ssa.Go
		for _, g := range gos {
			if reachesAfter(wb, g.Block()) && reachesAfter(g.Block(), wb) && a.goroutineDone(fn, g, w.key) {
				inLoop = g
				break
			}
		}
		if inLoop == nil || eventOn(dones, w.key) {
			continue
		}
		var before *event
		quiet := false
		for i, ad := range adds {
			if ad.key != w.key {
				continue
			}
			ab := ad.instr.Block()
			if reachesAfter(wb, ab) {
				quiet = true // counted again on the way round
				break
			}
			if !ssanav.Reaches(ab, inLoop.Block()) {
				continue
			}
			if c, ok := ad.instr.(*ssa.Call).Call.Args[1].(*ssa.Const); ok {
				if n, ok := constant.Int64Val(c.Value); !ok || n <= 1 {
					quiet = true
					break
				}
			}
			before = &adds[i]
		}
		if quiet || before == nil {
			continue
		}
		pos, end := a.callRange(w.instr)
		wg := a.receiverText(w.instr, "the WaitGroup")
		addPos, _ := a.callRange(before.instr)
		msg := fmt.Sprintf("%s.Wait() runs in the loop that starts the goroutines: the first one waits for every count added at line %d, but only one goroutine has started, so it blocks forever when more than one was added", wg, a.line(addPos))
		a.findings = append(a.findings, report.Diagnostic{
			Pos: pos, End: end, Category: "waitgroup", Message: msg,
			Related: addPos, RelatedText: "counts added here, before the loop",
		})
	}
}

// goroutineDone reports whether the goroutine g starts calls Done on the
// WaitGroup k (in fn's keys).
func (a *checker) goroutineDone(fn *ssa.Function, g *ssa.Go, k key) bool {
	c := g.Common()
	body := c.StaticCallee()
	if c.IsInvoke() || body == nil || body.Blocks == nil {
		return false
	}
	args := make([]key, len(c.Args))
	for i, x := range c.Args {
		args[i] = keyOf(fn, x)
	}
	var bindings []key
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		for _, x := range mc.Bindings {
			bindings = append(bindings, keyOf(fn, x))
		}
	}
	for _, b := range body.Blocks {
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(body, in) {
				if (ev.kind == evDone || ev.kind == evDeferDone) && rebase(ev.key, args, bindings) == k {
					return true
				}
			}
		}
	}
	return false
}

func eventOn(evs []event, k key) bool {
	for _, ev := range evs {
		if ev.key == k {
			return true
		}
	}
	return false
}

// reachesAfter reports whether control can go from the end of block from
// to block to.
func reachesAfter(from, to *ssa.BasicBlock) bool {
	for _, s := range from.Succs {
		if ssanav.Reaches(s, to) {
			return true
		}
	}
	return false
}

func (a *checker) receiverText(in ssa.Instruction, fallback string) string {
	if call := a.callExpr(in); call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return types.ExprString(sel.X)
		}
	}
	return fallback
}

func (a *checker) checkGo(fn *ssa.Function, g *ssa.Go, adds map[key]bool, addCalls []event, waits map[key]ssa.Instruction) {
	c := g.Common()
	if c.IsInvoke() {
		return
	}
	args := make([]key, len(c.Args))
	for i, x := range c.Args {
		args[i] = keyOf(fn, x)
	}
	var bindings []key
	body := c.StaticCallee()
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		for _, x := range mc.Bindings {
			bindings = append(bindings, keyOf(fn, x))
		}
	}
	if body == nil || body.Blocks == nil || body.Pkg == nil || body.Pkg.Pkg != a.pass.Pkg {
		return
	}
	done := map[key]bool{}
	for _, b := range body.Blocks {
		for _, in := range b.Instrs {
			if _, ok := in.(*ssa.Call); !ok {
				continue
			}
			for _, ev := range a.eventsOf(body, in) {
				if ev.kind == evDone && !done[ev.key] {
					done[ev.key] = true
					outer := rebase(ev.key, args, bindings)
					if outer == "" || !adds[outer] || waits[outer] == nil || sharedCount(g, outer, addCalls) {
						continue
					}
					if ret, perItem := a.skipsItemDone(body, ev.key); perItem {
						// One Done per item the goroutine handles, not per
						// goroutine: only a return that leaves the loop in
						// the middle of an item skips one.
						if ret != nil {
							a.reportSkippedDone(fn, body, g, ret, waits[outer])
							return
						}
						continue
					}
					ret := a.skipsDone(body, ev.key, nil)
					if ret != nil {
						if cut := a.cancelledExits(fn, g, body, ev.key, outer); len(cut) > 0 {
							ret = a.skipsDone(body, ev.key, cut)
						}
					}
					if ret != nil {
						a.reportSkippedDone(fn, body, g, ret, waits[outer])
						return
					}
				}
			}
		}
	}
}

// sharedCount reports whether the goroutines g starts in a loop share one
// count of the WaitGroup k: every Add of k in the starting function adds
// the constant 1 outside that loop. One Done is then owed by all of them
// together (whichever finishes the work), and a goroutine that returns
// without it leaves it to another.
func sharedCount(g *ssa.Go, k key, adds []event) bool {
	gb := g.Block()
	if !reachesAfter(gb, gb) {
		return false
	}
	n := 0
	for _, ad := range adds {
		if ad.key != k {
			continue
		}
		ab := ad.instr.Block()
		if reachesAfter(gb, ab) && reachesAfter(ab, gb) {
			return false // counted on the way round, one per goroutine
		}
		call, ok := ad.instr.(*ssa.Call)
		if !ok || len(call.Call.Args) < 2 {
			return false
		}
		c, ok := call.Call.Args[1].(*ssa.Const)
		if !ok {
			return false
		}
		if v, ok := constant.Int64Val(c.Value); !ok || v != 1 {
			return false
		}
		n++
	}
	return n > 0
}

// skipsItemDone handles a goroutine that calls Done for k inside a loop
// (perItem): Add counted items, not goroutines, and leaving the loop
// through its head (the items ran out) owes nothing. It returns a normal
// return reached from inside the loop, other than through its head,
// without touching k, or nil.
func (a *checker) skipsItemDone(body *ssa.Function, k key) (*ssa.Return, bool) {
	var done *ssa.BasicBlock
	for _, b := range body.Blocks {
		for _, in := range b.Instrs {
			if touches(body, in, k) && inLoop(b) {
				done = b
			}
		}
	}
	if done == nil {
		return nil, false
	}
	loop := map[*ssa.BasicBlock]bool{done: true}
	for _, b := range body.Blocks {
		if ssanav.Reaches(done, b) && ssanav.Reaches(b, done) {
			loop[b] = true
		}
	}
	head := func(b *ssa.BasicBlock) bool {
		for _, p := range b.Preds {
			if !loop[p] {
				return true
			}
		}
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	var found *ssa.Return
	var walk func(b *ssa.BasicBlock)
	walk = func(b *ssa.BasicBlock) {
		if found != nil || seen[b] || loop[b] {
			return
		}
		seen[b] = true
		for _, in := range b.Instrs {
			if touches(body, in, k) || a.blocksForever(in) || failsTest(in) {
				return
			}
			switch in := in.(type) {
			case *ssa.Return:
				found = in
				return
			case *ssa.Panic:
				return
			}
		}
		for _, s := range liveSuccs(b) {
			walk(s)
		}
	}
	for b := range loop {
		if head(b) {
			continue
		}
		for _, s := range liveSuccs(b) {
			walk(s)
		}
	}
	return found, true
}

// liveSuccs returns the successors of b that control can take: both, but
// for `if CONST` only the one the constant picks, and for a branch on the
// ok of a receive from a channel nothing closes (a range over a ticker's
// C) only the true one.
func liveSuccs(b *ssa.BasicBlock) []*ssa.BasicBlock {
	if next := constEdge(b); next != nil {
		return []*ssa.BasicBlock{next}
	}
	if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && ssanav.ReceivesFromNeverClosed(iff.Cond) {
		return b.Succs[:1]
	}
	return b.Succs
}

// failsTest reports whether in marks the test failed (t.Error, t.Fatal,
// b.Fail and the like): what the goroutine skips after that is on a path
// the test does not pass by.
func failsTest(in ssa.Instruction) bool {
	call, ok := in.(*ssa.Call)
	return ok && resource.FailsTest(ssanav.CalleeFunc(call.Common()))
}

func inLoop(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if s == b || ssanav.Reaches(s, b) {
			return true
		}
	}
	return false
}

// skipsDone returns a normal return of the goroutine's function that a
// path from its entry reaches without touching the WaitGroup k at all
// (no Done, no defer, no call or closure it is passed to), or nil. The
// walk does not take the edges in cut.
func (a *checker) skipsDone(body *ssa.Function, k key, cut map[edge]bool) *ssa.Return {
	seen := map[*ssa.BasicBlock]bool{}
	var found *ssa.Return
	var walk func(b *ssa.BasicBlock, as assumptions)
	step := func(from, to *ssa.BasicBlock, as assumptions) {
		if !cut[edge{from, to}] {
			walk(to, as)
		}
	}
	walk = func(b *ssa.BasicBlock, as assumptions) {
		if found != nil || seen[b] {
			return
		}
		seen[b] = true
		for _, in := range b.Instrs {
			if touches(body, in, k) || a.blocksForever(in) || failsTest(in) {
				return
			}
			switch in := in.(type) {
			case *ssa.Return:
				found = in
				return
			case *ssa.Panic:
				return
			case *ssa.If:
				if live := liveSuccs(b); len(live) == 1 {
					// `if false { return }`, a range over a ticker's
					// channel: only one edge is ever taken.
					step(b, live[0], as)
					return
				}
				ck, pos := condKey(body, in.Cond)
				if v, ok := as[ck]; ok && ck != "" {
					if v == pos {
						step(b, b.Succs[0], as)
					} else {
						step(b, b.Succs[1], as)
					}
					return
				}
				step(b, b.Succs[0], as.with(ck, pos))
				step(b, b.Succs[1], as.with(ck, !pos))
				return
			}
		}
		for _, s := range b.Succs {
			step(b, s, as)
		}
	}
	if len(body.Blocks) > 0 {
		walk(body.Blocks[0], assumptions{})
	}
	return found
}

// touches reports whether in uses the WaitGroup k as an operand: a Done,
// a deferred Done, a call or closure that may call Done for it.
func touches(fn *ssa.Function, in ssa.Instruction, k key) bool {
	for _, op := range in.Operands(nil) {
		if op != nil && *op != nil && keyOf(fn, *op) == k {
			return true
		}
	}
	return false
}

func (a *checker) reportSkippedDone(fn, body *ssa.Function, g *ssa.Go, ret *ssa.Return, wait ssa.Instruction) {
	end := g.Pos()
	if call := ssanav.CallAt(a.pass, g.Common().Pos()); call != nil {
		end = call.End()
	}
	wg := "the WaitGroup"
	if call := ssanav.CallAt(a.pass, wait.(ssa.CallInstruction).Common().Pos()); call != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			wg = types.ExprString(sel.X)
		}
	}
	rp := returnPos(body, ret)
	msg := fmt.Sprintf("goroutine can return at line %d without calling %s.Done(): %s.Wait() at line %d then never returns", a.line(rp), wg, wg, a.line(wait.Pos()))
	a.findings = append(a.findings, report.Diagnostic{
		Pos: g.Pos(), End: end, Category: "waitgroup", Message: msg,
		Related: rp, RelatedText: "returns without " + wg + ".Done()",
	})
}
