package lifetime

import (
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// untypedArgument decides what passing a resource whose type says nothing
// (a raw descriptor, a plain int) to a call does. The kind's own packages
// (UsedBy: syscall, x/sys/unix) merely use it, and so does a function of
// the program whose summary says it only hands the number on to them
// (usesDescriptor); any other callee, a function value or an interface
// method may close it or wrap it (os.NewFile), and the duty moves there.
func (t *tracker) untypedArgument(instr ssa.CallInstruction, c *ssa.CallCommon, callee *ssa.Function, i int) {
	if fn := ssanav.CalleeFunc(c); fn != nil && fn.Pkg() != nil && slices.Contains(t.kind.UsedBy, fn.Pkg().Path()) {
		return
	}
	if callee != nil && !c.IsInvoke() && c.StaticCallee() != nil {
		if s, _ := t.e.summaryOf(originOf(callee)); s.usesOnly(i) {
			return
		}
	}
	t.setEvent(instr, event{kind: evTransfer})
}

// usesDescriptor reports whether fn only uses its integer parameter p as
// a raw descriptor's number: p, and what converting it gives (uintptr(fd),
// int(fd)), is only compared, or passed to functions of the descriptor
// kinds' own packages that do not release it, or to functions whose
// summaries say the same of that parameter; and at least one such call is
// made. Any other use (a store, a return, an interface, a closure, a
// goroutine, a call through a function value) may keep or close it.
func (e *engine) usesDescriptor(fn *ssa.Function, p *ssa.Parameter) bool {
	if !isInteger(p.Type()) {
		return false
	}
	var kinds []*resource.Kind
	for _, k := range e.table.Kinds() {
		if len(k.UsedBy) > 0 {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 || fn.Pkg != nil && inUsedBy(kinds, fn.Pkg.Pkg.Path()) {
		return false
	}
	used := false
	seen := map[ssa.Value]bool{}
	work := []ssa.Value{p}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		for _, r := range *v.Referrers() {
			switch u := r.(type) {
			case *ssa.DebugRef, *ssa.BinOp:
			case *ssa.Convert, *ssa.ChangeType:
				work = append(work, u.(ssa.Value))
			case *ssa.Call, *ssa.Defer:
				c := u.(ssa.CallInstruction).Common()
				if c.IsInvoke() || c.Value == v {
					return false
				}
				callee := c.StaticCallee()
				if callee == nil {
					return false
				}
				obj, _ := callee.Object().(*types.Func)
				if obj != nil && obj.Pkg() != nil && inUsedBy(kinds, obj.Pkg().Path()) {
					// The kinds' own packages: the table says which of
					// their functions release.
					if releasedByAny(kinds, obj) {
						return false
					}
					used = true
					continue
				}
				s, _ := e.summaryOf(originOf(callee))
				for j, a := range c.Args {
					if a == v {
						if !s.usesOnly(j) {
							return false
						}
						used = true
					}
				}
			default:
				return false
			}
		}
	}
	return used
}

// inUsedBy reports whether the package of the path is one of those that
// use the descriptors of one of the kinds.
func inUsedBy(kinds []*resource.Kind, path string) bool {
	return slices.ContainsFunc(kinds, func(k *resource.Kind) bool { return slices.Contains(k.UsedBy, path) })
}

// releasedByAny reports whether fn releases the descriptors of one of the
// kinds.
func releasedByAny(kinds []*resource.Kind, fn *types.Func) bool {
	return slices.ContainsFunc(kinds, func(k *resource.Kind) bool { return slices.Contains(k.ReleaseFuncs, fn.Origin().FullName()) })
}

// isInteger reports whether t is an integer type, the type of a raw
// descriptor.
func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
