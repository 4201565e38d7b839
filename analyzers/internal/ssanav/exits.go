package ssanav

import (
	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
)

// EndsProcess reports whether call sends a logger event that a fatal-level
// start made (resource.FatalEventStart, through methods that return the
// same event: `log.Fatal().Err(err).Msg("cannot listen")`): the call
// never returns, the process ends there.
func EndsProcess(call *ssa.CallCommon) bool {
	if call.IsInvoke() || !resource.FatalEventSend(CalleeFunc(call)) || len(call.Args) == 0 {
		return false
	}
	v := call.Args[0]
	for range 64 {
		c, ok := v.(*ssa.Call)
		if !ok || c.Call.IsInvoke() {
			return false
		}
		fn := CalleeFunc(&c.Call)
		if resource.FatalEventStart(fn) {
			return true
		}
		if !resource.FatalEventPasses(fn) || len(c.Call.Args) == 0 {
			return false
		}
		v = c.Call.Args[0]
	}
	return false
}

// ExitsIfError returns the error argument of call when call ends the
// process if that error is not nil and returns when it is nil
// (resource.ExitsOnError: `fisk.FatalIfError(err, "cannot edit")`).
func ExitsIfError(call *ssa.CallCommon) (ssa.Value, bool) {
	if call.IsInvoke() {
		return nil, false
	}
	fn := CalleeFunc(call)
	if !resource.ExitsOnError(fn) {
		return nil, false
	}
	i := 0
	if call.Signature().Recv() != nil || len(call.Args) > call.Signature().Params().Len() {
		i = 1 // a method: the receiver comes first
	}
	if i >= len(call.Args) {
		return nil, false
	}
	return call.Args[i], true
}
