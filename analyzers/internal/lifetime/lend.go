package lifetime

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// lendsCollection reports whether argument i of an interface method or
// function value call is a slice of the resource's own type (the
// responses of a retry loop handed to a retry policy, `[]*http.Response`).
// Nothing is known of the callee, so the resources may be its; but where
// the caller then returns the resource itself, its caller gets it, and
// the function returns it owned all the same.
func (t *tracker) lendsCollection(c *ssa.CallCommon, i int) bool {
	if t.kind.Type == "" || i >= len(c.Args) {
		return false
	}
	sl, ok := c.Args[i].Type().Underlying().(*types.Slice)
	return ok && types.TypeString(sl.Elem(), nil) == t.kind.Type
}

// lentStep walks one instruction of a path on which the resource is lent
// (see lent). It reports whether the path ends there: a return (one that
// hands the resource itself to the caller is recorded as owed to it), a
// panic, a release, or the acquisition coming round again.
func (t *tracker) lentStep(instr, rootInstr ssa.Instruction, out *outcome) bool {
	switch in := instr.(type) {
	case *ssa.Return:
		if _, ok := t.returned[in]; ok {
			out.returnedOwed = appendOnce(out.returnedOwed, in)
		}
		return true
	case *ssa.Panic:
		return true
	}
	if instr == rootInstr {
		return true
	}
	ev, ok := t.events[instr]
	return ok && ev.kind == evRelease
}
