package locks

import (
	"go/token"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// isTestFunc reports whether fn is a test (or a subtest's body, a
// benchmark, a fuzz target): it takes the handle the testing package
// gives the run (resource.IsTestRun). The run passes or fails, and a run
// that hangs does not pass.
func isTestFunc(fn *ssa.Function) bool {
	for _, p := range fn.Params {
		if resource.IsTestRun(p.Type()) {
			return true
		}
	}
	return false
}

// takenAgainByTest reports whether the lock a closure returns holding is
// one the test that made the closure takes again itself, on its own
// goroutine, after every call it passes the closure to (on every path
// from the call to the test's return, or in a function it deferred
// before the call): had the closure left the lock held, the test would
// block there forever and never pass, so the path that leaves it is not
// one a passing run takes. The typical case is a data-driven test whose
// handler returns an error string, still holding the lock, on malformed
// input, while the test closes what it tested in a deferred function.
// The closure is assumed to run within the call it is passed to (a
// callback runner); calls that register it as a test cleanup (resource.RegistersCleanup) do not count.
// Every branch that decides the way to a return holding the lock must
// be computed from the closure's parameters alone (the test's input,
// decidedByInput): a return that depends on shared state (a poll that
// finds the work not yet done) is taken or not by timing, and a run that
// takes it hangs for real.
func (a *checker) takenAgainByTest(w *lockWalk) bool {
	fn, origin := w.fn, w.origin
	parent := fn.Parent()
	if parent == nil || !isTestFunc(parent) || !strings.HasPrefix(origin.key, "fv") {
		return false
	}
	for _, ret := range w.leaks {
		if !decidedByInput(fn, origin.instr, ret) {
			return false
		}
	}
	calls := 0
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok || mc.Fn != ssa.Value(fn) {
				continue
			}
			k := rebase(origin.key, nil, keysOf(parent, mc.Bindings))
			if k == "" {
				return false
			}
			for _, r := range *mc.Referrers() {
				call, ok := r.(*ssa.Call)
				if !ok {
					return false // stored, deferred, started as a goroutine
				}
				if f := ssanav.CalleeFunc(call.Common()); f != nil {
					if resource.RegistersCleanup(f) {
						return false // runs after the test and its deferred calls
					}
				}
				if !a.takenAfter(parent, call, lockMode{k, origin.read}) {
					return false
				}
				calls++
			}
		}
	}
	return calls > 0
}

// takenAfter reports whether fn acquires the lock m (in a mode that waits
// for m's holder) on every path from call to a normal return, or in a
// function deferred on every path to call.
func (a *checker) takenAfter(fn *ssa.Function, call *ssa.Call, m lockMode) bool {
	waits := func(ev event) bool {
		return (ev.kind == evAcquire || ev.kind == evLocks) && conflicts(m.read, ev.read)
	}
	cb := call.Block()
	for _, b := range fn.Blocks {
		for i, in := range b.Instrs {
			d, ok := in.(*ssa.Defer)
			if !ok || !(b == cb && i < indexOf(cb, call) || b != cb && b.Dominates(cb)) {
				continue
			}
			if a.deferredTakes(fn, d, m, waits) {
				return true
			}
		}
	}
	for _, read := range []bool{false, true} {
		if !conflicts(m.read, read) {
			continue
		}
		if a.mustPassFrom(fn, cb, indexOf(cb, call)+1, lockMode{m.key, read}, false, waits) {
			return true
		}
	}
	return false
}

// deferredTakes reports whether the call deferred at d acquires the lock
// m of fn. A deferred closure is walked itself, every path that returns
// but those on which the value the lock is reached through is nil
// (`defer func() { if d != nil { d.Close() } }()`): a closure that found
// it nil had no lock to wait for, and one that locked through it found
// it set.
func (a *checker) deferredTakes(fn *ssa.Function, d *ssa.Defer, m lockMode, waits func(event) bool) bool {
	if mc, ok := d.Common().Value.(*ssa.MakeClosure); ok && !d.Common().IsInvoke() {
		body, ok := mc.Fn.(*ssa.Function)
		if !ok || len(body.Blocks) == 0 {
			return false
		}
		for i, bk := range keysOf(fn, mc.Bindings) {
			if bk == "" || !strings.HasPrefix(m.key, bk+".") {
				continue
			}
			inner := "fv" + strconv.Itoa(i) + m.key[len(bk):]
			for _, read := range []bool{false, true} {
				if conflicts(m.read, read) && a.mustPassFrom(body, body.Blocks[0], 0, lockMode{inner, read}, true, waits) {
					return true
				}
			}
		}
		return false
	}
	for _, ev := range a.callEvents(fn, d.Common(), d) {
		if ev.key == m.key && waits(ev) {
			return true
		}
	}
	return false
}

// decidedByInput reports whether every branch after the acquisition acq
// that decides the way to ret (an If whose block dominates ret's) tests a
// value computed from fn's parameters and constants alone.
func decidedByInput(fn *ssa.Function, acq ssa.Instruction, ret *ssa.Return) bool {
	ab, rb := acq.Block(), ret.Block()
	for _, b := range fn.Blocks {
		cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || !b.Dominates(rb) || !ab.Dominates(b) {
			continue
		}
		if !inputOnly(fn, cond.Cond, map[ssa.Value]bool{}, 0) {
			return false
		}
	}
	return true
}

// inputOnly reports whether v is computed from fn's parameters and
// constants alone: through operators, conversions, fields and elements
// of such values, range iteration over them and calls of functions that
// take only such values (at least one). A load of a free variable, a
// package-level variable or a local cell, a receive or a call of a
// closure is not.
func inputOnly(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool, depth int) bool {
	if depth > 24 {
		return false
	}
	if seen[v] {
		return true // a loop's φ: its other edges decide
	}
	seen[v] = true
	sub := func(x ssa.Value) bool { return inputOnly(fn, x, seen, depth+1) }
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Parent() == fn
	case *ssa.Const:
		return true
	case *ssa.BinOp:
		return sub(v.X) && sub(v.Y)
	case *ssa.UnOp:
		switch v.Op {
		case token.ARROW:
			return false
		case token.MUL:
			switch v.X.(type) {
			case *ssa.FieldAddr, *ssa.IndexAddr:
				return sub(v.X)
			}
			return false
		}
		return sub(v.X)
	case *ssa.FieldAddr:
		return sub(v.X)
	case *ssa.IndexAddr:
		return sub(v.X) && sub(v.Index)
	case *ssa.Field:
		return sub(v.X)
	case *ssa.Index:
		return sub(v.X) && sub(v.Index)
	case *ssa.Lookup:
		return sub(v.X) && sub(v.Index)
	case *ssa.Slice:
		for _, x := range []ssa.Value{v.X, v.Low, v.High, v.Max} {
			if x != nil && !sub(x) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		return sub(v.Tuple)
	case *ssa.Convert:
		return sub(v.X)
	case *ssa.ChangeType:
		return sub(v.X)
	case *ssa.MakeInterface:
		return sub(v.X)
	case *ssa.TypeAssert:
		return sub(v.X)
	case *ssa.Range:
		return sub(v.X)
	case *ssa.Next:
		return sub(v.Iter)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !sub(e) {
				return false
			}
		}
		return true
	case *ssa.Call:
		c := v.Common()
		if c.IsInvoke() {
			if !sub(c.Value) {
				return false
			}
		} else {
			switch c.Value.(type) {
			case *ssa.Function, *ssa.Builtin:
			default:
				return false // a closure, a function value
			}
		}
		if len(c.Args) == 0 && !c.IsInvoke() {
			return false // the time, a random number: not the input
		}
		for _, x := range c.Args {
			if !sub(x) {
				return false
			}
		}
		return true
	}
	return false
}
