package lifetime

import (
	"go/token"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"

	"golang.org/x/tools/go/ssa"
)

// cellOfLocalAggregate returns the cell of a local variable through which
// addr selects a field of an aggregate allocated here: `cn.c = conn`
// where cn, captured by a deferred closure, lives in a cell and only ever
// holds allocations of this function. The aggregate is a local holder
// like any other (dropped with the resource on an error return); or nil.
func cellOfLocalAggregate(addr ssa.Value) *ssa.Alloc {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	ld, ok := fa.X.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	cell, ok := ld.X.(*ssa.Alloc)
	if !ok || cell.Referrers() == nil {
		return nil
	}
	stored := false
	for _, r := range *cell.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != cell {
			continue
		}
		if _, fresh := st.Val.(*ssa.Alloc); !fresh {
			return nil
		}
		stored = true
	}
	if !stored {
		return nil
	}
	return cell
}

// returnsConstant reports whether r, a load of a result variable that a
// return statement reads back after the defers ran, holds the constant
// stored just before (`return nil, err` in a function with defers whose
// result variable holds the holder of the resource on another path): that
// return hands nothing over. (Where the variable is the resource's own, a
// deferred helper may still act on it, and the return stays a hand-off.)
func returnsConstant(r ssa.Value) bool {
	if sv := ssanav.StoredResult(r); sv != r {
		_, ok := sv.(*ssa.Const)
		return ok
	}
	return false
}
