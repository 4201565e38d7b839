package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// assertsOwnType reports whether cond is the ok of `x.(T)` where x holds
// the tracked resource and T is the resource's own type, or the concrete
// type the knowledge table gives the acquiring call's result
// (resource.DynamicType: net.Listen("tcp", ...) returns a
// *net.TCPListener): while the
// resource is owed on the path, x holds it and the assertion cannot fail
// (sql-migrate keeps its transaction in an executor interface and commits
// it through `executor.(*gorp.Transaction)`).
func (t *tracker) assertsOwnType(cond ssa.Value) bool {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 || t.root == nil {
		return false
	}
	ta, ok := ex.Tuple.(*ssa.TypeAssert)
	if !ok || !ta.CommaOk {
		return false
	}
	tr, ok := t.values[ta.X]
	if !ok || tr.role != roleWhole {
		return false
	}
	return types.Identical(ta.AssertedType, t.root.Type()) ||
		t.dynType != "" && types.TypeString(ta.AssertedType, nil) == t.dynType
}

// dynamicType gives the concrete type of the interface value that the
// acquiring call returns, when the knowledge table decides it from the
// call's constant arguments (the listener of net.Listen("tcp", addr) is a
// *net.TCPListener).
func dynamicType(call *ssa.CallCommon) string {
	callee := call.StaticCallee()
	if callee == nil {
		return ""
	}
	fn, _ := callee.Object().(*types.Func)
	return resource.DynamicType(fn, func(i int) (string, bool) {
		if i >= len(call.Args) {
			return "", false
		}
		c, ok := call.Args[i].(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(c.Value), true
	})
}

// closedByHolder reports whether cond is the ok of a receive from a
// channel that a call given the resource returned, and that the library
// closes only once it has taken on the resource's release
// (resource.ClosedAfterRelease): where the receive finds it closed, the
// resource is the library's to close.
func (t *tracker) closedByHolder(cond ssa.Value) bool {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return false
	}
	recv, ok := ex.Tuple.(*ssa.UnOp)
	if !ok || recv.Op != token.ARROW || !recv.CommaOk {
		return false
	}
	ch := recv.X
	for {
		ct, ok := ch.(*ssa.ChangeType)
		if !ok {
			break
		}
		ch = ct.X
	}
	res, ok := ch.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := res.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	fn, _ := callee.Object().(*types.Func)
	if !resource.ClosedAfterRelease(fn, res.Index) {
		return false
	}
	for _, a := range call.Call.Args {
		if _, tracked := t.values[a]; tracked {
			return true
		}
	}
	return false
}
