package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Categories are stable: users filter and suppress by them.
const (
	catHandoff      = "handoff"
	catFanout       = "fanout"
	catNoExit       = "noexit"
	catRangeNoClose = "rangenoclose"
	catNoPartner    = "nopartner"
)

type finding struct {
	pos, end    token.Pos
	category    string
	message     string
	related     token.Pos
	relatedText string
	fix         *analysis.SuggestedFix
}

// check returns the finding for one go statement, or nil.
func (m *model) check(g *ssa.Go) *finding {
	if m.processLifetime(g) || !m.instrReached(g) {
		return nil
	}
	f := m.checkStart(g)
	if f != nil && f.category != catHandoff && f.category != catFanout && m.startedOnce(g) {
		// A goroutine meant to live as long as the process.
		return nil
	}
	return f
}

func (m *model) checkStart(g *ssa.Go) *finding {
	callee := g.Call.StaticCallee()
	if !m.known[callee] {
		return m.checkForeign(g)
	}
	if f := m.stuckIn(g, callee); f != nil {
		return f
	}
	if !m.canEnd[callee] {
		return m.noEnd(g, callee)
	}
	return m.handoff(g)
}

// startedOnce recognises the lazily started singleton: the go statement
// runs only under a test of a package-level variable that the same
// function then sets ("if started { return }; started = true; go loop()",
// or a CompareAndSwap on a package-level flag).
func (m *model) startedOnce(g *ssa.Go) bool {
	fn := g.Parent()
	written := make(map[*ssa.Global]bool)
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				if gl := globalRoot(in.Addr); gl != nil {
					written[gl] = true
				}
			case ssa.CallInstruction:
				c := in.Common()
				if c.Signature().Recv() != nil && len(c.Args) > 0 {
					if gl := globalRoot(c.Args[0]); gl != nil && mutator(c) {
						written[gl] = true
					}
				}
			}
		}
	}
	if len(written) == 0 {
		return false
	}
	for b := g.Block().Idom(); b != nil; b = b.Idom() {
		if test, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && readsGlobal(test.Cond, written, 4) {
			return true
		}
	}
	return false
}

// globalRoot returns the package-level variable that v addresses (itself
// or one of its fields), if any.
func globalRoot(v ssa.Value) *ssa.Global {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Global:
			return x
		case *ssa.FieldAddr:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// mutator reports whether a method call may set the state of its
// receiver: an atomic's Store, Swap, CompareAndSwap, Add, Or or And.
func mutator(c *ssa.CallCommon) bool {
	name := ""
	if fn := c.StaticCallee(); fn != nil {
		name = fn.Name()
	} else if c.Method != nil {
		name = c.Method.Name()
	}
	for _, p := range []string{"Store", "Swap", "CompareAndSwap", "Add", "Or", "And"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// readsGlobal reports whether v depends, within a few steps, on one of
// the given package-level variables.
func readsGlobal(v ssa.Value, globals map[*ssa.Global]bool, depth int) bool {
	if depth == 0 {
		return false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if gl := globalRoot(x.X); gl != nil && globals[gl] {
				return true
			}
		}
		return readsGlobal(x.X, globals, depth-1)
	case *ssa.BinOp:
		return readsGlobal(x.X, globals, depth-1) || readsGlobal(x.Y, globals, depth-1)
	case *ssa.Call:
		for _, a := range x.Call.Args {
			if gl := globalRoot(a); gl != nil && globals[gl] {
				return true
			}
			if readsGlobal(a, globals, depth-1) {
				return true
			}
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if readsGlobal(e, globals, depth-1) {
				return true
			}
		}
	}
	return false
}

func (m *model) instrReached(in ssa.Instruction) bool {
	n, ok := m.reached[in.Block()]
	if !ok {
		return false
	}
	for _, x := range in.Block().Instrs[:n] {
		if x == in {
			return true
		}
	}
	return false
}

// processLifetime reports whether g starts a goroutine meant to live as
// long as the process: one started directly from func main or an init
// function, or under a package-level sync.Once.
func (m *model) processLifetime(g *ssa.Go) bool {
	fn := g.Parent()
	if fn.Parent() == nil && fn.Signature.Recv() == nil {
		name := fn.Name()
		if name == "init" || (len(name) > 5 && name[:5] == "init#") {
			return true
		}
		if name == "main" && m.pkg.Pkg.Name() == "main" {
			return true
		}
	}
	if par := fn.Parent(); par != nil {
		for _, b := range par.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(*ssa.Call)
				if !ok || len(c.Call.Args) != 2 {
					continue
				}
				callee := c.Call.StaticCallee()
				if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "sync" || callee.Name() != "Do" {
					continue
				}
				if _, global := c.Call.Args[0].(*ssa.Global); !global {
					continue
				}
				switch a := c.Call.Args[1].(type) {
				case *ssa.Function:
					if a == fn {
						return true
					}
				case *ssa.MakeClosure:
					if a.Fn == fn {
						return true
					}
				}
			}
		}
	}
	return false
}

// reachFrom returns the functions a goroutine starting at fn runs (fn and
// its callees, deferred calls included, other goroutines excluded).
func (m *model) reachFrom(fn *ssa.Function) []*ssa.Function {
	seen := map[*ssa.Function]bool{fn: true}
	order := []*ssa.Function{fn}
	for i := 0; i < len(order); i++ {
		m.walk(order[i], func(b *ssa.BasicBlock, n int) {
			for _, in := range b.Instrs[:n] {
				if _, isGo := in.(*ssa.Go); isGo {
					continue
				}
				c, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if callee := c.Common().StaticCallee(); m.known[callee] && !seen[callee] {
					seen[callee] = true
					order = append(order, callee)
				}
			}
		})
	}
	return order
}

// stuckIn finds an operation the goroutine can reach that never completes.
func (m *model) stuckIn(g *ssa.Go, fn *ssa.Function) *finding {
	for _, f := range m.reachFrom(fn) {
		best := m.firstStuck(f)
		if best == nil {
			continue
		}
		what, why := m.describeStuck(best)
		where := ""
		if f != fn {
			where = " in " + funcName(f)
		}
		return &finding{
			pos:         g.Pos(),
			category:    catNoPartner,
			message:     fmt.Sprintf("goroutine blocks forever %s%s: %s", what, where, why),
			related:     best.Pos(),
			relatedText: "blocks here",
		}
	}
	return nil
}

// firstStuck returns the earliest channel operation of f, reachable from
// its entry, that never completes.
func (m *model) firstStuck(f *ssa.Function) ssa.Instruction {
	var best ssa.Instruction
	m.walk(f, func(b *ssa.BasicBlock, n int) {
		last := b.Instrs[n-1]
		if _, isCall := last.(ssa.CallInstruction); isCall {
			return
		}
		if !m.blocks(last) {
			return
		}
		if sel, ok := last.(*ssa.Select); ok && len(sel.States) == 0 {
			return // select {} parks on purpose
		}
		if best == nil || last.Pos() < best.Pos() {
			best = last
		}
	})
	return best
}

func (m *model) describeStuck(in ssa.Instruction) (what, why string) {
	ops := m.opsOf[in]
	if len(ops) == 0 {
		return "", ""
	}
	if sel, ok := in.(*ssa.Select); ok && len(sel.States) > 1 {
		return "in select", "none of its channels is ever ready"
	}
	o := ops[0]
	name := m.chanName(o)
	what = "receiving from " + name
	if o.kind == opSend {
		what = "sending on " + name
	}
	return what, m.whyStuck(o)
}

// whyStuck says why o never completes: the channel is nil, nothing could
// be its partner, or the partners that exist never run.
func (m *model) whyStuck(o *op) string {
	c := m.flow.info[o.class]
	if len(c.makes) == 0 && c.hasNil && !c.isDone {
		return "the channel is nil"
	}
	var unreached *op
	for _, p := range c.ops {
		partner := p.kind != o.kind && (o.kind == opRecv || p.kind == opRecv)
		if partner && (unreached == nil || p.kind == opClose && unreached.kind != opClose) {
			unreached = p
		}
	}
	context := c.isDone && len(c.makes) == 0
	switch {
	case unreached == nil && context:
		return "nothing cancels the context"
	case unreached == nil && o.kind == opSend:
		return "nothing receives from it"
	case unreached == nil:
		return "nothing sends on it or closes it"
	}
	at := m.line(o.instr.Pos(), unreached.instr.Pos())
	switch {
	case context:
		return fmt.Sprintf("the context's cancel at %s never runs", at)
	case unreached.kind == opClose:
		return fmt.Sprintf("the close at %s never runs", at)
	case unreached.kind == opSend:
		return fmt.Sprintf("the send at %s never runs", at)
	}
	return fmt.Sprintf("the receive at %s never runs", at)
}

// noEnd explains a goroutine that can neither return nor panic: it finds
// the loop that holds it.
func (m *model) noEnd(g *ssa.Go, fn *ssa.Function) *finding {
	seen := make(map[*ssa.Function]bool)
	for depth := 0; fn != nil && !seen[fn] && depth < 8; depth++ {
		seen[fn] = true
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
// the never-ending callee that holds it.
func (m *model) trap(fn *ssa.Function) ([]*ssa.BasicBlock, map[*ssa.BasicBlock][]*ssa.BasicBlock, *ssa.Function) {
	succs := make(map[*ssa.BasicBlock][]*ssa.BasicBlock)
	var next *ssa.Function
	var order []*ssa.BasicBlock
	m.walk(fn, func(b *ssa.BasicBlock, n int) {
		order = append(order, b)
		if n < len(b.Instrs) || len(b.Instrs) == 0 {
			if c, ok := b.Instrs[n-1].(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); m.known[callee] && !m.canEnd[callee] && next == nil {
					next = callee
				}
			}
			return
		}
		_, succs[b] = m.step(b)
	})
	for _, scc := range sccs(order, succs) {
		if len(scc) > 1 || selfLoop(scc[0], succs) {
			sort.Slice(scc, func(i, j int) bool { return scc[i].Index < scc[j].Index })
			return scc, succs, nil
		}
	}
	return nil, nil, next
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
	tickerOnly := false
	for _, b := range tested {
		for _, instr := range b.Instrs {
			for _, o := range m.opsOf[instr] {
				if o.kind == opRecv && m.tickerChannel(o.ch) {
					tickerOnly = true
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
	pos := loop[0].Instrs[0].Pos()
	if stmt != nil {
		pos = stmt.Pos()
	}
	where := ""
	if fn != g.Call.StaticCallee() {
		where = " in " + funcName(fn)
	}
	f := &finding{pos: g.Pos(), related: pos, relatedText: "this loop never exits"}
	line := m.line(g.Pos(), pos)
	if tickerOnly && m.stopsTickers() {
		return nil
	}
	switch {
	case neverClosed != nil && m.tickerChannel(neverClosed.ch):
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

// tickerChannel reports whether v is the C field of a time.Ticker or
// time.Timer.
func (m *model) tickerChannel(v ssa.Value) bool {
	if ld, ok := v.(*ssa.UnOp); ok {
		if fa, ok := ld.X.(*ssa.FieldAddr); ok {
			t := fa.X.Type().Underlying().(*types.Pointer).Elem()
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" {
				return n.Obj().Name() == "Ticker" || n.Obj().Name() == "Timer"
			}
		}
	}
	return false
}

// stopsTickers reports whether the package stops a ticker or timer
// somewhere that runs: a loop over its channel is then taken to be
// stoppable. A deferred Stop in a function that never ends never runs.
func (m *model) stopsTickers() bool {
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := c.Common().StaticCallee()
				if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "time" || callee.Name() != "Stop" {
					continue
				}
				if _, deferred := in.(*ssa.Defer); deferred && !m.canEnd[fn] {
					continue
				}
				if m.instrReached(in) {
					return true
				}
			}
		}
	}
	return false
}

// checkForeign handles a goroutine whose function is declared in another
// package: its summary, if any, says whether it ends and what it does with
// the channels it is given. A function called through a value is unknown.
func (m *model) checkForeign(g *ssa.Go) *finding {
	callee := g.Call.StaticCallee()
	fact := m.importFact(callee)
	if fact == nil {
		return nil
	}
	if fact.NeverEnds != "" {
		return &finding{
			pos:      g.Pos(),
			category: catNoExit,
			message:  fmt.Sprintf("goroutine never finishes: %s never returns (%s)", foreignName(callee), fact.NeverEnds),
		}
	}
	return m.handoff(g)
}

// foreignName spells a function of another package: "pkg.F",
// "(*pkg.T).M".
func foreignName(fn *ssa.Function) string {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	if recv := fn.Signature.Recv(); recv != nil {
		return types.TypeString(recv.Type(), (*types.Package).Name) + "." + obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}
