package goroutineleak

import (
	"fmt"
	"go/token"
	"go/types"

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
	// feeds are the struct fields holding channels that the trapping
	// loop receives from and that something sends on: what the goroutine
	// consumes, not a way to end it.
	feeds map[*types.Var]bool
}

// check returns the finding for one go statement, or nil.
func (m *model) check(g *ssa.Go) *finding {
	if m.startsWithProcess(g) || !m.instrReached(g) {
		return nil
	}
	f := m.checkStart(g)
	if f == nil || f.category == catHandoff || f.category == catFanout {
		return f
	}
	if m.runsOnce(g) || m.startedOnce(g) {
		// A goroutine meant to live as long as the process.
		return nil
	}
	if (f.category == catNoExit || f.category == catRangeNoClose) && m.ownedForLife(g, f.feeds) {
		// A goroutine meant to live as long as its owner.
		return nil
	}
	return f
}

func (m *model) checkStart(g *ssa.Go) *finding {
	callee := g.Call.StaticCallee()
	if !m.known[callee] {
		if m.valueCallee(g) != nil {
			// A function value that can only be one literal of the
			// package (`done, run := job(); go run()`): its sends are
			// known, and the hand-off is judged as for a go statement
			// naming it.
			return m.handoff(g)
		}
		return m.checkForeign(g)
	}
	if f := m.stuckIn(g, callee); f != nil {
		return f
	}
	if !m.canEnd[callee] {
		return m.noEnd(g, callee)
	}
	if f := m.handoff(g); f != nil {
		return f
	}
	if f := m.closeSkipped(g, callee); f != nil {
		return f
	}
	return m.endsOnClose(g, funcName(callee))
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
				for i, a := range c.Args {
					if gl := globalRoot(a); gl != nil && m.writesArg(c, i) {
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
	case *ssa.Extract:
		return readsGlobal(x.Tuple, globals, depth-1)
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

// startsWithProcess reports whether g is started by the code where the
// process starts (package lifespan's roots: init, main, a package-level
// sync.Once's function): whatever it does, it is part of the process.
func (m *model) startsWithProcess(g *ssa.Go) bool {
	syn := g.Parent().Syntax()
	return syn != nil && m.life.Root(syn)
}

// runsOnce reports whether g's function runs once for the process
// (package lifespan: what only the roots reach): a goroutine it starts
// that never ends lives as long as the process; one blocked on a
// hand-off is still a leak. A go statement in a loop of a function that
// waits for the process's signals runs once per signal.
func (m *model) runsOnce(g *ssa.Go) bool {
	syn := g.Parent().Syntax()
	return syn != nil && m.life.Once(syn) && !m.life.Repeats(syn, g.Pos())
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
	if f := m.handoff(g); f != nil {
		return f
	}
	return m.endsOnClose(g, foreignName(callee))
}

// endsOnClose reports a goroutine running a summarised function (of
// another package, or one that other packages may call) that can only end
// once a channel it is given is closed, when that channel never is.
func (m *model) endsOnClose(g *ssa.Go, name string) *finding {
	fact := m.flow.summaryOf(g.Call.StaticCallee())
	if fact == nil {
		return nil
	}
	for _, p := range fact.Params {
		if !p.EndsOnClose || p.Index >= len(g.Call.Args) {
			continue
		}
		class := m.flow.find(m.flow.node(g.Call.Args[p.Index]))
		if m.closable[class] {
			continue
		}
		arg := "its channel"
		if call := m.syntax().calls[g.Call.Pos()]; call != nil && p.Index < len(call.Args) {
			arg = types.ExprString(call.Args[p.Index])
		}
		return &finding{
			pos:      g.Pos(),
			category: catRangeNoClose,
			message:  fmt.Sprintf("goroutine never finishes: %s receives from %s until it is closed, and it is never closed", name, arg),
		}
	}
	return nil
}

// foreignName spells a function of another package: "pkg.F",
// "(*pkg.T).M".
func foreignName(fn *ssa.Function) string {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := types.TypeString(recv.Type(), (*types.Package).Name)
		if _, isPtr := recv.Type().(*types.Pointer); isPtr {
			t = "(" + t + ")"
		}
		return t + "." + obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}
