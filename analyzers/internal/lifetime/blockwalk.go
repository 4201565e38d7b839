package lifetime

import "golang.org/x/tools/go/ssa"

// blockStep is what a blockWalk makes of one instruction.
type blockStep uint8

const (
	// stepOn: the path goes on to the next instruction.
	stepOn blockStep = iota
	// stepEnds: the path ends here and holds (a call that fails the
	// test, a panic, a return that gives the answer asked for).
	stepEnds
	// stepFails: the path does not hold, and neither does the walk.
	stepFails
)

// blockWalk asks a question of every path through a function's blocks:
// a depth-first walk that reads each block's instructions in order until
// one ends the path, and otherwise goes on to its successors, or to the
// one successor of an If that edge picks.
type blockWalk struct {
	// step judges instr, read in block b entered from from (nil in the
	// block the walk starts in).
	step func(instr ssa.Instruction, b, from *ssa.BasicBlock) blockStep
	// edge returns the successor (0: true, 1: false) that a path takes
	// at an If on cond, when the question decides it.
	edge func(cond ssa.Value) (int, bool)
	// byEdge walks a block once for each edge it is entered by rather
	// than once (the answer depends on where the path came from).
	byEdge bool
	// limit is how many blocks the walk reads at the most; a walk that
	// would read more fails.
	limit int
}

// holds reports whether every path from instruction start of b holds: it
// ends at an instruction step ends it at, or at a block with no
// successor, and no instruction on it fails.
func (w blockWalk) holds(b *ssa.BasicBlock, start int) bool {
	type item struct {
		b, from *ssa.BasicBlock
		start   int
	}
	type key struct{ b, from *ssa.BasicBlock }
	seen := map[key]bool{}
	stack := []item{{b, nil, start}}
	for steps := 0; len(stack) > 0; {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if steps++; steps > w.limit {
			return false
		}
		ended := false
		for _, instr := range it.b.Instrs[it.start:] {
			s := w.step(instr, it.b, it.from)
			if s == stepFails {
				return false
			}
			if s == stepEnds {
				ended = true
				break
			}
		}
		if ended {
			continue
		}
		succs := it.b.Succs
		if iff, ok := it.b.Instrs[len(it.b.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
			if edge, ok := w.edge(iff.Cond); ok {
				succs = succs[edge : edge+1]
			}
		}
		for _, s := range succs {
			k := key{b: s}
			if w.byEdge {
				k.from = it.b
			}
			if !seen[k] {
				seen[k] = true
				stack = append(stack, item{s, it.b, 0})
			}
		}
	}
	return true
}
