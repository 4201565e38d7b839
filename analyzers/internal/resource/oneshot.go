package resource

import "go/types"

// oneShotGuards are the calls that let a release run once: the flag they
// set tells a second call that the first one has already released what
// it guards (`if c.closed.Swap(true) { return }` at the top of a cleanup).
// The value is the call's result on that "already done" path. Keyed by
// types.Func.FullName.
var oneShotGuards = map[string]struct {
	already bool
	reason  string
}{
	"(*sync/atomic.Bool).Swap":             {true, "Swap(true) returns the old value: true when another call set the flag first"},
	"(*sync/atomic.Bool).CompareAndSwap":   {false, "CompareAndSwap(false, true) fails when another call set the flag first"},
	"(*sync/atomic.Int32).CompareAndSwap":  {false, "CompareAndSwap(0, n) fails when another call changed the state first"},
	"(*sync/atomic.Int64).CompareAndSwap":  {false, "same for a 64-bit state"},
	"(*sync/atomic.Uint32).CompareAndSwap": {false, "same for an unsigned state"},
	"(*sync/atomic.Uint64).CompareAndSwap": {false, "same for an unsigned 64-bit state"},
	"sync/atomic.CompareAndSwapInt32":      {false, "the function form of CompareAndSwap(0, n)"},
	"sync/atomic.CompareAndSwapInt64":      {false, "the function form of CompareAndSwap(0, n) on 64 bits"},
	"sync/atomic.CompareAndSwapUint32":     {false, "the function form of CompareAndSwap(0, n), unsigned"},
	"sync/atomic.CompareAndSwapUint64":     {false, "the function form of CompareAndSwap(0, n), unsigned 64-bit"},
}

// OneShotGuard reports whether fn is a call that sets a once-only flag,
// and which of its boolean results means that an earlier call already
// set it.
func OneShotGuard(fn *types.Func) (already bool, ok bool) {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
		return false, false
	}
	g, ok := oneShotGuards[fn.FullName()]
	return g.already, ok
}
