package goroutineleak

import (
	"fmt"
	"go/token"

	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// The rangenoclose category, path by path: a goroutine that can only end
// once its channel is closed, whose channel the parent closes on some
// paths but can return without closing on another (an error return
// between the go statement and the close). Nothing else can close it: the
// channel is made by the parent, closed only there and never leaves the
// package's sight.

// closeSkipped returns the finding for g when its function, fn, ends only
// on the close of a channel that the parent can return without closing.
func (m *model) closeSkipped(g *ssa.Go, fn *ssa.Function) *finding {
	parent := g.Parent()
	seen := make(map[int32]bool)
	for _, f := range m.reachFrom(fn) {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				for _, o := range m.opsOf[in] {
					if o.kind != opRecv || o.virtual || seen[o.class] {
						continue
					}
					seen[o.class] = true
					if !m.closedOnlyBy(o.class, parent) || !m.endsOnlyOnClose(fn, o.class) || m.closedBefore(g, o.class) {
						continue
					}
					if ret := m.returnsUnclosed(g, o.class); ret.IsValid() {
						return &finding{
							pos:         g.Pos(),
							category:    catRangeNoClose,
							message:     fmt.Sprintf("goroutine never finishes: it receives from %s until it is closed, and the caller can return at %s without closing it", m.chanName(o), m.line(g.Pos(), ret)),
							related:     ret,
							relatedText: "the caller returns here without closing the channel",
						}
					}
				}
			}
		}
	}
	return nil
}

// closedOnlyBy reports whether the class is one channel made by parent,
// which no code the model cannot see may hold, and which only parent
// closes, with close statements (not deferred).
func (m *model) closedOnlyBy(class int32, parent *ssa.Function) bool {
	c := m.flow.info[class]
	if c.extSrc || c.escSend || c.escRecv || c.isDone || len(c.makes) != 1 || c.makes[0].Parent() != parent {
		return false
	}
	closes := 0
	for _, o := range c.ops {
		if o.kind != opClose {
			continue
		}
		if o.virtual || o.cancel || o.instr.Parent() != parent {
			return false
		}
		if _, deferred := o.instr.(*ssa.Defer); deferred {
			return false
		}
		closes++
	}
	return closes > 0
}

// closedBefore reports whether the parent closes the class before it
// starts g, on every path: the channel's one make runs once per call, and
// a close after it comes before the go statement ("fill the queue, close
// it, start the workers"). The goroutine then drains it and ends.
func (m *model) closedBefore(g *ssa.Go, class int32) bool {
	mk := m.flow.info[class].makes[0]
	if inCycle(mk.Block()) {
		return false
	}
	for _, o := range m.flow.info[class].ops {
		if o.kind == opClose && precedes(mk, o.instr) && precedes(o.instr, g) {
			return true
		}
	}
	return false
}

// precedes reports whether a runs before b on every path to b: in the
// same block, earlier; or in a block that dominates b's.
func precedes(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, in := range a.Block().Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// returnsUnclosed returns the earliest return of the parent that a path
// from g reaches without closing the class, or token.NoPos. A path that
// comes back to the channel's make, blocks, panics, fails the test or
// ends the process (a sent fatal logger event, a failing return of a
// function whose error ends the process: lifetime.ErrorEndsProcess)
// stops.
func (m *model) returnsUnclosed(g *ssa.Go, class int32) token.Pos {
	mk := m.flow.info[class].makes[0]
	var best token.Pos
	type state struct {
		b    *ssa.BasicBlock
		from int
	}
	seen := make(map[*ssa.BasicBlock]bool)
	idx := 0
	for i, in := range g.Block().Instrs {
		if in == g {
			idx = i + 1
		}
	}
	work := []state{{g.Block(), idx}}
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		var succs []*ssa.BasicBlock
		stopped := false
	instrs:
		for _, in := range st.b.Instrs[st.from:] {
			if in == ssa.Instruction(mk) || m.blocks(in) {
				stopped = true
				break
			}
			for _, o := range m.opsOf[in] {
				if o.kind == opClose && o.class == class {
					stopped = true
					break instrs
				}
			}
			if call, ok := in.(*ssa.Call); ok && (failsTest(call.Common()) || ssanav.EndsProcess(call.Common())) {
				stopped = true
				break
			}
			switch in := in.(type) {
			case *ssa.Return:
				if lifetime.FailingReturn(in) && m.errorEndsProcess(g.Parent()) {
					// A failing return of a command's runner, or of a
					// function only main calls and exits after: the
					// goroutine goes with the process.
					stopped = true
					break
				}
				if pos := returnPos(in); pos.IsValid() && (!best.IsValid() || pos < best) {
					best = pos
				}
				stopped = true
			case *ssa.Panic:
				stopped = true
			case *ssa.If:
				succs = m.liveSuccs(st.b, in)
			case *ssa.Jump:
				succs = st.b.Succs
			}
			if stopped {
				break
			}
		}
		if stopped {
			continue
		}
		for _, s := range succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, state{s, 0})
			}
		}
	}
	return best
}

// errorEndsProcess reports, once per function, whether a failing return
// of fn ends the process (lifetime.ErrorEndsProcess).
func (m *model) errorEndsProcess(fn *ssa.Function) bool {
	if v, ok := m.endsOnError[fn]; ok {
		return v
	}
	if m.endsOnError == nil {
		m.endsOnError = map[*ssa.Function]bool{}
	}
	v := lifetime.ErrorEndsProcess(m.pass, fn)
	m.endsOnError[fn] = v
	return v
}
