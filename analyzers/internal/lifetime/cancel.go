package lifetime

import (
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// cancelReleases marks, for a resource that its library releases once the
// acquisition's context is done (database/sql's rows and transactions),
// the calls of that context's cancel function as releases: `defer
// cancel()` covers every return, a `cancel()` the path it is on.
func (t *tracker) cancelReleases(call *ssa.Call) {
	c := call.Common()
	if c.IsInvoke() || len(c.Args) < 2 {
		return
	}
	callee := c.StaticCallee()
	if callee == nil {
		return
	}
	obj, _ := callee.Object().(*types.Func)
	if !resource.ReleasedOnCancel(obj) {
		return
	}
	// Args[0] is the receiver; Args[1] the context.
	ctx, ok := c.Args[1].(*ssa.Extract)
	if !ok || ctx.Index != 0 {
		return
	}
	mk, ok := ctx.Tuple.(*ssa.Call)
	if !ok || mk.Call.IsInvoke() || mk.Call.StaticCallee() == nil {
		return
	}
	if mkObj, _ := mk.Call.StaticCallee().Object().(*types.Func); !resource.MakesCancel(mkObj) {
		return
	}
	for _, r := range *mk.Referrers() {
		cancel, ok := r.(*ssa.Extract)
		if !ok || cancel.Index != 1 {
			continue
		}
		for _, u := range *cancel.Referrers() {
			if ci, ok := u.(ssa.CallInstruction); ok && ci.Common().Value == ssa.Value(cancel) {
				if _, isGo := ci.(*ssa.Go); !isGo {
					t.setEvent(ci, event{kind: evRelease})
				}
			}
		}
	}
}
