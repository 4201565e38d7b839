package ssanav

import (
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// ReceivesFromNeverClosed reports whether cond is the ok of a receive
// (`v, ok := <-ch`, or the test that ends `for range ch`) from a channel
// that nothing closes (a ticker's C): ok is then always true, and the
// edge on which it is false is no path.
func ReceivesFromNeverClosed(cond ssa.Value) bool {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return false
	}
	recv, ok := ex.Tuple.(*ssa.UnOp)
	if !ok || recv.Op != token.ARROW || !recv.CommaOk {
		return false
	}
	return neverClosedChan(recv.X)
}

func neverClosedChan(ch ssa.Value) bool {
	switch x := ch.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return neverClosedField(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		return neverClosedField(x.X.Type(), x.Field)
	case *ssa.Call:
		if callee := x.Call.StaticCallee(); callee != nil {
			if o := callee.Origin(); o != nil {
				callee = o
			}
			obj, _ := callee.Object().(*types.Func)
			return resource.NeverClosedFunc(obj)
		}
	case *ssa.ChangeType:
		return neverClosedChan(x.X)
	}
	return false
}

func neverClosedField(typ types.Type, index int) bool {
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		typ = p.Elem()
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok || index >= st.NumFields() {
		return false
	}
	return resource.NeverClosedField(types.TypeString(typ, nil), st.Field(index).Name())
}
