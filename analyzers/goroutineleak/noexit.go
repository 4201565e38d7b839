package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// The noexit and rangenoclose categories: a goroutine that can neither
// return nor panic is held by a loop; the finding names the loop and what
// happened to its exits.

// noEnd explains a goroutine that can neither return nor panic: it finds
// the loop that holds it.
func (m *model) noEnd(g *ssa.Go, fn *ssa.Function) *finding {
	seen := make(map[*ssa.Function]bool)
	for depth := 0; fn != nil && !seen[fn] && depth < 8; depth++ {
		seen[fn] = true
		if !m.known[fn] {
			// Another package's function that its summary says never
			// ends holds the goroutine.
			return &finding{
				pos:      g.Pos(),
				category: catNoExit,
				message:  fmt.Sprintf("goroutine never finishes: it calls %s, which never returns (%s)", foreignName(fn), m.foreignNeverEnds(fn)),
			}
		}
		loop, succs, next := m.trap(fn)
		if loop == nil {
			fn = next
			continue
		}
		return m.loopFinding(g, fn, loop, succs)
	}
	return nil
}

// trap returns the reachable cycle of blocks that fn cannot leave, or else
// the never-ending callee that holds it (of this package, or another
// package's whose summary says it never ends).
func (m *model) trap(fn *ssa.Function) ([]*ssa.BasicBlock, map[*ssa.BasicBlock][]*ssa.BasicBlock, *ssa.Function) {
	succs := make(map[*ssa.BasicBlock][]*ssa.BasicBlock)
	var next *ssa.Function
	var order []*ssa.BasicBlock
	holds := make(map[*ssa.BasicBlock]bool)
	m.walk(fn, func(b *ssa.BasicBlock, n int) {
		order = append(order, b)
		if n < len(b.Instrs) || len(b.Instrs) == 0 {
			if c, ok := b.Instrs[n-1].(ssa.CallInstruction); ok {
				callee := c.Common().StaticCallee()
				if m.known[callee] && !m.canEnd[callee] || !m.known[callee] && callee != nil && m.foreignNeverEnds(callee) != "" {
					holds[b] = true
					if next == nil {
						next = callee
					}
				}
			}
			return
		}
		_, succs[b] = m.step(b)
	})
	for _, scc := range sccs(order, succs) {
		if (len(scc) > 1 || selfLoop(scc[0], succs)) && !leadsToCall(scc, succs, holds) {
			sort.Slice(scc, func(i, j int) bool { return scc[i].Index < scc[j].Index })
			return scc, succs, nil
		}
	}
	return nil, nil, next
}

// leadsToCall reports whether control can leave the component for one of
// the calls given: a loop that exits into a call that never returns (a
// retry loop before a serve loop of another package) does not hold the
// goroutine; the call does.
func leadsToCall(scc []*ssa.BasicBlock, succs map[*ssa.BasicBlock][]*ssa.BasicBlock, calls map[*ssa.BasicBlock]bool) bool {
	in := make(map[*ssa.BasicBlock]bool, len(scc))
	for _, b := range scc {
		in[b] = true
	}
	seen := make(map[*ssa.BasicBlock]bool)
	var work []*ssa.BasicBlock
	for _, b := range scc {
		for _, s := range succs[b] {
			if !in[s] {
				work = append(work, s)
			}
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if calls[b] {
			return true
		}
		work = append(work, succs[b]...)
	}
	return false
}

func selfLoop(b *ssa.BasicBlock, succs map[*ssa.BasicBlock][]*ssa.BasicBlock) bool {
	for _, s := range succs[b] {
		if s == b {
			return true
		}
	}
	return false
}

// sccs returns the strongly connected components of the graph, in the
// order Tarjan's algorithm closes them.
func sccs(nodes []*ssa.BasicBlock, succs map[*ssa.BasicBlock][]*ssa.BasicBlock) [][]*ssa.BasicBlock {
	index := make(map[*ssa.BasicBlock]int)
	low := make(map[*ssa.BasicBlock]int)
	on := make(map[*ssa.BasicBlock]bool)
	var stack []*ssa.BasicBlock
	var out [][]*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		index[b] = len(index) + 1
		low[b] = index[b]
		stack = append(stack, b)
		on[b] = true
		for _, s := range succs[b] {
			if index[s] == 0 {
				visit(s)
				low[b] = min(low[b], low[s])
			} else if on[s] {
				low[b] = min(low[b], index[s])
			}
		}
		if low[b] == index[b] {
			var c []*ssa.BasicBlock
			for {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[x] = false
				c = append(c, x)
				if x == b {
					break
				}
			}
			out = append(out, c)
		}
	}
	for _, b := range nodes {
		if index[b] == 0 {
			visit(b)
		}
	}
	return out
}

// loopFinding names the loop that traps the goroutine and why its exits
// are dead.
func (m *model) loopFinding(g *ssa.Go, fn *ssa.Function, loop []*ssa.BasicBlock, succs map[*ssa.BasicBlock][]*ssa.BasicBlock) *finding {
	in := make(map[*ssa.BasicBlock]bool)
	for _, b := range loop {
		in[b] = true
	}
	// The loop's dead exits are tested in its blocks and in the dead ends
	// control reaches from them (a select whose only live case is gone).
	var tested []*ssa.BasicBlock
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), loop...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		tested = append(tested, b)
		work = append(work, succs[b]...)
	}
	var deadCases []*op
	var neverClosed *op
	var recvs []*op
	for _, b := range tested {
		for _, instr := range b.Instrs {
			for _, o := range m.opsOf[instr] {
				if o.kind == opRecv {
					recvs = append(recvs, o)
				}
			}
		}
		last, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if sel, k, ok := selectCase(last.Cond); ok && leadsOut(b.Succs[0], in) {
			for _, o := range m.opsOf[sel] {
				if o.index == k && m.stuck[o] {
					deadCases = append(deadCases, o)
				}
			}
		}
		if dead := m.closedBranch(last.Cond); dead >= 0 && neverClosed == nil && leadsOut(b.Succs[dead], in) {
			if tup := okTuple(last.Cond); tup != nil {
				for _, o := range m.opsOf[tup] {
					if o.kind == opRecv && neverClosed == nil {
						neverClosed = o
					}
				}
			}
		}
	}
	stmt := m.loopStmt(fn, loop)
	pos := loopStart(loop)
	if stmt != nil {
		pos = stmt.Pos()
	}
	where := ""
	if fn != g.Call.StaticCallee() {
		where = " in " + funcName(fn)
	}
	f := &finding{pos: g.Pos(), related: pos, relatedText: "this loop never exits", feeds: m.feeds(recvs, deadCases)}
	line := m.line(g.Pos(), pos)
	if m.signalHandler(recvs) {
		return nil
	}
	switch {
	case neverClosed != nil && m.tickerOf(neverClosed.ch) != nil:
		f.category = catNoExit
		f.message = fmt.Sprintf("goroutine never finishes: the loop%s at %s waits on %s, which is never closed, and watches no cancellation", where, line, m.chanName(neverClosed))
	case neverClosed != nil:
		f.category = catRangeNoClose
		verb := "receives from"
		if _, isRange := stmt.(*ast.RangeStmt); isRange {
			verb = "ranges over"
		}
		f.message = fmt.Sprintf("goroutine never finishes: the loop%s at %s %s %s, which is never closed", where, line, verb, m.chanName(neverClosed))
	case len(deadCases) > 0:
		f.category = catNoExit
		o := deadCases[0]
		why := m.whyStuck(o)
		f.message = fmt.Sprintf("goroutine never finishes: the loop%s at %s exits only on receiving from %s, and %s", where, line, m.chanName(o), why)
	default:
		f.category = catNoExit
		f.message = fmt.Sprintf("goroutine never finishes: the loop%s at %s has no exit and watches no cancellation", where, line)
	}
	return f
}

// feeds returns the struct fields whose channels the loop receives from,
// the dead exits aside (a stop channel nothing sends on or closes): what
// the goroutine consumes.
func (m *model) feeds(recvs, dead []*op) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	for _, o := range recvs {
		if slices.Contains(dead, o) {
			continue
		}
		if f := fieldOf(o.ch); f != nil {
			out[f] = true
		}
	}
	for _, o := range dead {
		if f := fieldOf(o.ch); f != nil {
			delete(out, f)
		}
	}
	return out
}

// fieldOf returns the struct field v is loaded from, if any.
func fieldOf(v ssa.Value) *types.Var {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// leadsOut reports whether control entering b can leave the loop (reach a
// return or panic without coming back to it) in the plain control flow
// graph, stuck operations aside.
func leadsOut(b *ssa.BasicBlock, loop map[*ssa.BasicBlock]bool) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] || loop[x] {
			continue
		}
		seen[x] = true
		switch x.Instrs[len(x.Instrs)-1].(type) {
		case *ssa.Return, *ssa.Panic:
			return true
		}
		work = append(work, x.Succs...)
	}
	return false
}

// okTuple returns the receive or select whose ok flag cond tests.
func okTuple(cond ssa.Value) ssa.Instruction {
	if not, ok := cond.(*ssa.UnOp); ok && not.Op.String() == "!" {
		cond = not.X
	}
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return nil
	}
	if in, ok := ex.Tuple.(ssa.Instruction); ok {
		return in
	}
	return nil
}

// tickerOf returns the time.Ticker or time.Timer whose C field v is
// loaded from, or nil.
func (m *model) tickerOf(v ssa.Value) ssa.Value {
	if ld, ok := v.(*ssa.UnOp); ok {
		if fa, ok := ld.X.(*ssa.FieldAddr); ok {
			t := fa.X.Type().Underlying().(*types.Pointer).Elem()
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" {
				if n.Obj().Name() == "Ticker" || n.Obj().Name() == "Timer" {
					return fa.X
				}
			}
		}
	}
	return nil
}

// capturedBy returns the value a closure's captured variable is bound to,
// when one closure value is made of the function.
func capturedBy(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	par := fn.Parent()
	if par == nil {
		return nil
	}
	var bound ssa.Value
	for _, b := range par.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			for i, x := range fn.FreeVars {
				if x == fv {
					if bound != nil && bound != mc.Bindings[i] {
						return nil
					}
					bound = mc.Bindings[i]
				}
			}
		}
	}
	return bound
}
