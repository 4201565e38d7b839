package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// staysLocal reports whether result index of call, an acquisition of a
// resource.Kind marked LocalOnly (a database pool), never leaves the
// function: every use of it is a method call with it as the receiver and
// nowhere else among the arguments, a comparison or a merge of values
// (a phi). A value of the receiver's own package that such a call returns
// (the pool's rows, statements, transactions and connections, which keep
// the pool reachable) must stay in the same way. Anything else (a store, a
// return, an argument of another call, a capture by a closure, a
// conversion to an interface, a go statement) hands the value to code
// that may keep it for the program's lifetime, where such values usually
// live, and the acquisition is not tracked.
func staysLocal(call *ssa.Call, result int) bool {
	var roots []ssa.Value
	if call.Common().Signature().Results().Len() == 1 {
		roots = append(roots, call)
	} else {
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == result {
				roots = append(roots, ex)
			}
		}
	}
	seen := map[ssa.Value]bool{}
	for len(roots) > 0 {
		v := roots[len(roots)-1]
		roots = roots[:len(roots)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		if len(seen) > 64 {
			return false // too much to follow: say nothing
		}
		for _, ref := range *v.Referrers() {
			switch in := ref.(type) {
			case *ssa.DebugRef:
			case *ssa.Phi:
				roots = append(roots, in)
			case *ssa.BinOp:
				if in.Op != token.EQL && in.Op != token.NEQ {
					return false
				}
			case *ssa.Call:
				more, ok := receiverOnly(&in.Call, v)
				if !ok {
					return false
				}
				if more {
					roots = append(roots, samePackageResults(in)...)
				}
			case *ssa.Defer:
				if _, ok := receiverOnly(&in.Call, v); !ok {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// receiverOnly reports whether c is a static call of a method with v as
// its receiver and not among its other arguments; more says whether its
// results may carry v (some result is of the receiver's package).
func receiverOnly(c *ssa.CallCommon, v ssa.Value) (more, ok bool) {
	if c.IsInvoke() || len(c.Args) == 0 || c.Args[0] != v {
		return false, false
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil {
		return false, false
	}
	for _, a := range c.Args[1:] {
		if a == v {
			return false, false
		}
	}
	return true, true
}

// samePackageResults returns the values of call's results whose type is
// declared (under pointers) in the package of the receiver's type.
func samePackageResults(call *ssa.Call) []ssa.Value {
	recv := packageOfType(call.Call.Args[0].Type())
	if recv == nil {
		return nil
	}
	results := call.Call.Signature().Results()
	var out []ssa.Value
	for i := 0; i < results.Len(); i++ {
		if packageOfType(results.At(i).Type()) != recv {
			continue
		}
		if results.Len() == 1 {
			out = append(out, call)
			continue
		}
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
				out = append(out, ex)
			}
		}
	}
	return out
}

// packageOfType returns the package declaring the named type typ is
// (under any number of pointers), or nil.
func packageOfType(typ types.Type) *types.Package {
	for {
		p, ok := types.Unalias(typ).(*types.Pointer)
		if !ok {
			break
		}
		typ = p.Elem()
	}
	if n, ok := types.Unalias(typ).(*types.Named); ok && n.Obj() != nil {
		return n.Obj().Pkg()
	}
	return nil
}
