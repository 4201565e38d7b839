package goroutineleak

import (
	"go/token"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// finishSignals returns the channel classes by which the goroutine g
// starts tells its parent it is past its last send on the group
// ("close(done); return" after the result is delivered or given up): made
// once by the parent, outside its loops; sent on or closed only by g's own
// function, which no other goroutine of the parent runs; and no send on
// the group can follow any of those operations in that function. A parent
// that has received from such a channel cannot leave the goroutine blocked
// on the group: the goroutine reached the signal, so every send before it
// was received, and none comes after it. A channel of the group itself
// signals too when every send on it is the goroutine's last ("errs <- err;
// return" after a loop of sends on events): receiving that send leaves
// nothing to deliver.
//
// parent is g's function, or, for goroutines a helper starts on channels
// it makes and returns (m.maker), the helper's caller.
func (m *model) finishSignals(g *ssa.Go, parent *ssa.Function, starters []*starter, group map[int32]bool, loops []*loop) map[int32]bool {
	root := g.Call.StaticCallee()
	if root == nil || !m.known[root] || root == parent {
		return nil
	}
	for _, l := range loops {
		if l.body[g.Block()] {
			return nil // one goroutine per iteration: whose signal?
		}
	}
	// Nothing else runs root: no other goroutine of the parent, and not
	// the parent itself by a call.
	for _, st := range starters {
		if st.g == g {
			continue
		}
		for _, f := range st.reach {
			if f == root {
				return nil
			}
		}
	}
	for _, f := range m.reachFrom(parent) {
		if f == root {
			return nil
		}
	}
	// Every send on the group is root's own: no call from it, direct or
	// through a value, can send on the group.
	sendsIn := map[*ssa.Function]bool{root: true}
	outer, summarised := group, false
	if inner := m.summarisedGroup(g, root, group); inner != nil {
		summarised = true
		// root is called through its summary (its callers pass it
		// channels of their own): the sends the summary places at g are
		// its sends on its parameters, and what follows what in root is
		// asked of those.
		group = inner
	}
	for class := range group {
		for _, o := range m.flow.info[class].ops {
			if o.kind == opSend && o.instr.Parent() != root {
				return nil
			}
		}
	}
	// Registered deferred calls run after every point of the function.
	for _, b := range root.Blocks {
		for _, in := range b.Instrs {
			if d, ok := in.(*ssa.Defer); ok && m.maySendOnGroup(d, root, group, sendsIn) {
				return nil
			}
		}
	}
	signals := make(map[int32]bool)
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			for _, o := range m.opsOf[in] {
				// A receive of the group's own last send signals the end
				// too; through a summary the group's channels are the
				// callers' and are left out.
				if o.kind != opRecv || (summarised && outer[o.class]) || signals[o.class] {
					continue
				}
				if m.finishSignal(o.class, g, parent, root, loops, group, sendsIn) {
					signals[o.class] = true
				}
			}
		}
	}
	return signals
}

// finishSignal reports whether class is a signal of root's goroutine that
// it will send no more on the group (see finishSignals).
func (m *model) finishSignal(class int32, g *ssa.Go, parent, root *ssa.Function, loops []*loop, group map[int32]bool, sendsIn map[*ssa.Function]bool) bool {
	c := m.flow.info[class]
	if c.extSrc || c.closer || c.escSend || c.isDone || len(c.makes) != 1 {
		return false
	}
	if mp := c.makes[0].Parent(); mp != parent && (m.maker == nil || mp != m.maker) {
		return false
	}
	for _, l := range loops {
		if l.body[c.makes[0].Block()] {
			return false
		}
	}
	signalled := false
	for _, o := range c.ops {
		if o.virtual && o.instr == ssa.Instruction(g) && o.kind == opClose {
			// root, called through its summary, closes its parameter.
			if !m.closesOnlyThenStops(root, o.arg, group, sendsIn) {
				return false
			}
			signalled = true
			continue
		}
		if o.virtual || o.cancel {
			return false
		}
		if o.kind == opRecv {
			continue
		}
		if o.instr.Parent() != root || !m.nothingSentAfter(o.instr, root, group, sendsIn) {
			return false
		}
		signalled = true
	}
	return signalled
}

// nothingSentAfter reports whether no send on the group can follow the
// instruction at in root, its callees and the goroutines it starts
// included.
func (m *model) nothingSentAfter(at ssa.Instruction, root *ssa.Function, group map[int32]bool, sendsIn map[*ssa.Function]bool) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	var work []*ssa.BasicBlock
	check := func(instrs []ssa.Instruction) bool {
		for _, in := range instrs {
			for _, o := range m.opsOf[in] {
				if o.kind == opSend && group[o.class] {
					return false
				}
			}
			if c, ok := in.(ssa.CallInstruction); ok && m.maySendOnGroup(c, root, group, sendsIn) {
				return false
			}
		}
		return true
	}
	b := at.Block()
	for i, in := range b.Instrs {
		if in == at {
			if !check(b.Instrs[i+1:]) {
				return false
			}
			break
		}
	}
	work = append(work, b.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		if !check(b.Instrs) {
			return false
		}
		work = append(work, b.Succs...)
	}
	return true
}

// maySendOnGroup reports whether the call c in root can lead to a send on
// the group: a send another package's function makes there (an operation
// placed at the call), or a function of the package that reaches one of
// the functions sending on it (root itself, again), or a call through a
// value when any function but root sends on it.
func (m *model) maySendOnGroup(c ssa.CallInstruction, root *ssa.Function, group map[int32]bool, sendsIn map[*ssa.Function]bool) bool {
	for _, o := range m.opsOf[c] {
		if o.kind == opSend && group[o.class] {
			return true
		}
	}
	callee := c.Common().StaticCallee()
	if callee == nil {
		for f := range sendsIn {
			if f != root {
				return true
			}
		}
		return false
	}
	if !m.known[callee] {
		return false
	}
	for _, f := range m.reachFrom(callee) {
		if sendsIn[f] {
			return true
		}
	}
	return false
}

// nilTest splits a comparison with nil: the value compared, and which
// successor of the If on it (0 or 1) is taken when the value is not nil.
func nilTest(cond ssa.Value) (ssa.Value, int, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, 0, false
	}
	x, y := bin.X, bin.Y
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x, y = y, x
	}
	if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
		return nil, 0, false
	}
	if bin.Op == token.EQL {
		return x, 1, true
	}
	return x, 0, true
}

// failedIfNonNil returns the values that, when not nil, have already
// failed the running test on every path through the block at: a
// value computed once (outside every loop), tested against nil in a block
// that dominates at, whose non-nil branch is entered only from that test
// and calls a failing method of testing ("if err != nil { t.Error(err)
// }"). A later test of the same value that finds it not nil is on the run
// of a test that has failed.
func failedIfNonNil(at *ssa.BasicBlock, loops []*loop) map[ssa.Value]bool {
	var failed map[ssa.Value]bool
	for d := at.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		v, nonNil, ok := nilTest(iff.Cond)
		if !ok || inLoops(v, loops) {
			continue
		}
		s := d.Succs[nonNil]
		if len(s.Preds) != 1 || s.Dominates(at) || !callsFailure(s) {
			continue
		}
		if failed == nil {
			failed = make(map[ssa.Value]bool)
		}
		failed[v] = true
	}
	return failed
}

// inLoops reports whether v is computed inside one of the loops (and so
// may be a different value on each iteration).
func inLoops(v ssa.Value, loops []*loop) bool {
	in, ok := v.(ssa.Instruction)
	if !ok {
		return false // a parameter, a constant, a global, a function
	}
	for _, l := range loops {
		if l.body[in.Block()] {
			return true
		}
	}
	return false
}

// callsFailure reports whether block b calls a method that marks the
// running test failed.
func callsFailure(b *ssa.BasicBlock) bool {
	for _, in := range b.Instrs {
		if call, ok := in.(*ssa.Call); ok && failsTest(call.Common()) {
			return true
		}
	}
	return false
}

// failsTest reports whether a call on a parent's path to its return marks
// the running test as failed: one of testing's failing methods, a failing
// method of *testing.T called through an interface it implements (a
// helper's own `TestingT`), or an assertion that fails the test on every
// call (testify's require.Fail, by the knowledge table). The parent
// returns after it, or stops, and the test ends failed.
func failsTest(c *ssa.CallCommon) bool {
	fn := ssanav.CalleeFunc(c)
	return resource.AlwaysFailsTest(fn) || resource.FailsTestThroughInterface(fn)
}

// summarisedGroup returns, when root is called through its summary at g
// (the sends on the group are operations the summary places at g), the
// classes of root's own parameters that g passes the group's channels
// to; nil when some send on the group is neither root's nor placed at g
// through the summary, or root is not summarised.
func (m *model) summarisedGroup(g *ssa.Go, root *ssa.Function, group map[int32]bool) map[int32]bool {
	inner := make(map[int32]bool)
	for class := range group {
		for _, o := range m.flow.info[class].ops {
			if o.kind != opSend || o.instr.Parent() == root {
				continue
			}
			if !o.virtual || o.instr != ssa.Instruction(g) || o.arg >= len(root.Params) {
				return nil
			}
			pc := m.flow.classOf(root.Params[o.arg])
			if pc < 0 {
				return nil
			}
			inner[pc] = true
		}
	}
	if len(inner) == 0 {
		return nil
	}
	return inner
}

// closesOnlyThenStops reports whether root's parameter arg is only
// closed, in root itself, and no send on the group (classes of root's
// parameters) can follow any of its closes.
func (m *model) closesOnlyThenStops(root *ssa.Function, arg int, group map[int32]bool, sendsIn map[*ssa.Function]bool) bool {
	if arg >= len(root.Params) {
		return false
	}
	p := root.Params[arg]
	closes := 0
	for _, ref := range *p.Referrers() {
		switch r := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if b, ok := r.Call.Value.(*ssa.Builtin); !ok || b.Name() != "close" || !m.nothingSentAfter(r, root, group, sendsIn) {
				return false
			}
			closes++
		default:
			return false
		}
	}
	return closes > 0
}
