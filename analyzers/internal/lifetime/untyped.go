package lifetime

import (
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// untypedArgument decides what passing a resource whose type says nothing
// (a raw descriptor, a plain int) to a call does. No summary follows an
// int into a callee, so only the kind's own packages (UsedBy: syscall,
// x/sys/unix) are known to merely use it; any other callee, a function
// value or an interface method may close it or wrap it (os.NewFile), and
// the duty moves there.
func (t *tracker) untypedArgument(instr ssa.CallInstruction, c *ssa.CallCommon) {
	if fn := ssanav.CalleeFunc(c); fn != nil && fn.Pkg() != nil && slices.Contains(t.kind.UsedBy, fn.Pkg().Path()) {
		return
	}
	t.setEvent(instr, event{kind: evTransfer})
}
