package lifetime

import (
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// cleanupRegistered reports whether the function registers, with the
// running test's Cleanup, a function that releases the tracked value (or
// the wrapper holding it): a test helper that returns a session it has
// registered for closing hands its caller a value the test closes, not
// an owned one.
func (t *tracker) cleanupRegistered() bool {
	for instr, ev := range t.events {
		if ev.kind != evTransfer && ev.kind != evRelease {
			continue
		}
		call, ok := instr.(*ssa.Call)
		if !ok || !resource.RegistersCleanup(ssanav.CalleeFunc(call.Common())) {
			continue
		}
		for _, a := range call.Common().Args {
			if mc, ok := a.(*ssa.MakeClosure); ok && t.releasedBy(mc) {
				return true
			}
			if tr, ok := t.values[a]; ok && tr.role == roleCloser {
				return true // t.Cleanup(s.Close)
			}
		}
	}
	return false
}

// releasedBy reports whether the closure releases, on some path, a value
// it captures that holds the tracked resource.
func (t *tracker) releasedBy(mc *ssa.MakeClosure) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	if tr, ok := t.values[mc]; ok && tr.role == roleCloser {
		return true
	}
	for i, b := range mc.Bindings {
		tr, ok := t.values[b]
		if !ok || i >= len(fn.FreeVars) {
			continue
		}
		kind := t.kind
		if tr.role == roleContainer {
			// A wrapper holding the resource (a session around the
			// connection): its own release method releases it.
			kind = t.e.closer
			if _, isCell := b.(*ssa.Alloc); isCell {
				tr = tracked{role: roleCell, inner: roleWhole}
			} else {
				tr = tracked{role: roleWhole}
			}
		}
		if eff, some := t.e.effectOn(fn, fn.FreeVars[i], kind, tr); some || eff.When == Always && eff.Releases {
			return true
		}
	}
	return false
}
