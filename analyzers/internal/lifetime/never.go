package lifetime

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// assertsOwnType reports whether cond is the ok of `x.(T)` where x holds
// the tracked resource and T is the resource's own type: while the
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
	return ok && tr.role == roleWhole && types.Identical(ta.AssertedType, t.root.Type())
}
