package lifetime

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// storesIntoReceiver reports whether fn, a method with a body, stores its
// parameter i in a field of its receiver on every path (a store in its
// entry block) and does nothing else with it that could hand it on: it
// only reads its fields and calls its methods. Params[0] is the receiver.
func storesIntoReceiver(fn *ssa.Function, i int) bool {
	if fn == nil || len(fn.Blocks) == 0 || i <= 0 || i >= len(fn.Params) || fn.Signature.Recv() == nil {
		return false
	}
	p, recv := fn.Params[i], fn.Params[0]
	stored := false
	for _, r := range *p.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			fa, ok := r.Addr.(*ssa.FieldAddr)
			if !ok || r.Val != p || fa.X != recv || r.Block() != fn.Blocks[0] || stored {
				return false
			}
			stored = true
		case *ssa.FieldAddr:
			if !onlyLoaded(r) {
				return false
			}
		case *ssa.Field, *ssa.DebugRef:
		case ssa.CallInstruction:
			c := r.Common()
			if c.IsInvoke() {
				if c.Value != p || slices.Contains(c.Args, ssa.Value(p)) {
					return false
				}
				continue
			}
			if c.Signature().Recv() == nil || len(c.Args) == 0 || c.Args[0] != p || slices.Contains(c.Args[1:], ssa.Value(p)) {
				return false
			}
			if _, ok := r.(*ssa.Call); !ok {
				return false // deferred or started: runs beyond the store
			}
		default:
			return false
		}
	}
	return stored
}

// onlyLoaded reports whether the field address fa is only read.
func onlyLoaded(fa *ssa.FieldAddr) bool {
	for _, u := range *fa.Referrers() {
		switch u := u.(type) {
		case *ssa.UnOp:
			if u.Op != token.MUL || !onlyCalledOn(u) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// onlyCalledOn reports whether v, a value read from a field, is only the
// receiver of method calls that do not pass it on.
func onlyCalledOn(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok {
			if _, dbg := r.(*ssa.DebugRef); dbg {
				continue
			}
			return false
		}
		c := call.Common()
		switch {
		case c.IsInvoke():
			if c.Value != v || slices.Contains(c.Args, v) {
				return false
			}
		case c.Signature().Recv() != nil && len(c.Args) > 0 && c.Args[0] == v:
			if slices.Contains(c.Args[1:], v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
