package lifetime

import (
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// receiverReleasedAtEnd reports whether what acq acquires goes with the
// value it was acquired from (resource.ReleasedWithReceiver: a statement
// prepared on a *sql.DB), and fn releases that value when it ends: a
// `defer` executed before the acquisition releases it (db.Close(), or a
// helper of this package that calls Close on its parameter), or, in a
// test, a cleanup registered with the test does. Every return after the
// acquisition runs the release, so nothing the receiver gave out is left
// held.
func (e *engine) receiverReleasedAtEnd(fn *ssa.Function, acq acquisition) bool {
	c := acq.call.Common()
	if c.IsInvoke() || len(c.Args) == 0 || c.Signature().Recv() == nil || !resource.ReleasedWithReceiver(ssanav.CalleeFunc(c)) {
		return false
	}
	recv := canon(c.Args[0])
	isRecv := func(v ssa.Value) bool { return canon(v) == recv }
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Defer:
				if !before(in, acq.call) {
					continue // not yet deferred on every path to the acquisition
				}
				if e.releaseCallOn(in.Common(), isRecv) || e.helperReleasesArg(in.Common(), isRecv) {
					return true
				}
			case *ssa.Call:
				if !resource.RegistersCleanup(ssanav.CalleeFunc(in.Common())) {
					continue
				}
				for _, a := range in.Common().Args {
					if mc, ok := a.(*ssa.MakeClosure); ok && e.closureReleases(mc, isRecv) {
						return true
					}
				}
			}
		}
	}
	return false
}

// helperReleasesArg reports whether c statically calls a function of this
// package that calls a release method (Close) on the parameter to which c
// passes a value match accepts, directly in its body
// (`closeDB(t, db)` with `db.Close()` or `check(t, db.Close())`).
func (e *engine) helperReleasesArg(c *ssa.CallCommon, match func(ssa.Value) bool) bool {
	callee := c.StaticCallee()
	if c.IsInvoke() || callee == nil || callee.Pkg != e.pkg || len(callee.Blocks) == 0 || len(callee.Params) != len(c.Args) {
		return false
	}
	for i, a := range c.Args {
		if !match(a) {
			continue
		}
		p := callee.Params[i]
		for _, b := range callee.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && e.releaseCallOn(call.Common(), func(v ssa.Value) bool { return v == p }) {
					return true
				}
			}
		}
	}
	return false
}
