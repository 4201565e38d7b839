package lifetime

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// handsOutOtherResource reports whether a method called on a wrapper that
// holds the resource returns, besides its outcome, only resources of
// other kinds of the table (rows from a holder of a statement:
// `rows, err := p.query(id)`). Such a result is a resource of its own,
// released by its own Close, which leaves what the wrapper holds where it
// was: the wrapper still owes it, whatever becomes of the result.
func (t *tracker) handsOutOtherResource(instr ssa.CallInstruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	res := call.Common().Signature().Results()
	other := false
	for i := 0; i < res.Len(); i++ {
		typ := res.At(i).Type()
		if isOutcome(typ) {
			continue
		}
		k := t.e.table.KindOfType(typ)
		if k == nil || k == t.kind || types.TypeString(typ, nil) == t.kind.Type {
			return false
		}
		other = true
	}
	return other
}
