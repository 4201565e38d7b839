package lifetime

import (
	"go/constant"
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
