package lifetime

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// A sink is what a writer's destination does with the bytes written.
type sink int

const (
	sinkOther   sink = iota // a file, a connection, a parameter of unknown kind
	sinkBuffer              // keeps them in process memory
	sinkDiscard             // drops them
)

// heldInMemory reports whether the writer that call acquires, under an
// entry with a Dest, holds nothing outside memory and loses nothing
// anyone reads when it is left open: every destination it is given (at
// the call and through the kind's Redirect method) drops what it is
// written, or keeps it in memory while the function flushes or releases
// the writer somewhere, which makes what the buffer holds its choice.
func (e *engine) heldInMemory(call *ssa.Call, a resource.Acquirer, k *resource.Kind) bool {
	if a.Dest == "" {
		return false
	}
	c := call.Common()
	sig := c.Signature()
	offset := 0
	if sig.Recv() != nil {
		offset = 1
	}
	dest := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i).Name() == a.Dest {
			dest = i + offset
		}
	}
	if dest < 0 || dest >= len(c.Args) {
		return false
	}
	// The method a destination is written through: the one method of the
	// parameter's interface (Write of io.Writer).
	iface, ok := sig.Params().At(dest - offset).Type().Underlying().(*types.Interface)
	if !ok || iface.NumMethods() != 1 {
		return false
	}
	write := iface.Method(0).Name()
	worst := e.sinkOf(c.Args[dest], write, map[ssa.Value]bool{})
	if worst == sinkOther {
		return false
	}
	ended := false
	for _, w := range writerValues(call, a.Result) {
		for _, ref := range *w.Referrers() {
			mc, ok := ref.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := mc.Common().StaticCallee()
			if callee == nil || len(mc.Common().Args) == 0 || mc.Common().Args[0] != w || callee.Signature.Recv() == nil {
				continue
			}
			name := callee.Name()
			switch {
			case name == k.Redirect && len(mc.Common().Args) == 2:
				worst = min(worst, e.sinkOf(mc.Common().Args[1], write, map[ssa.Value]bool{}))
			case k.Releases(name) || slices.Contains(k.Ends, name):
				ended = true
			}
		}
	}
	return worst == sinkDiscard || worst == sinkBuffer && ended
}

// writerValues returns the acquired value (result i of call) and the φ
// nodes it flows into, where a loop keeps it in a variable.
func writerValues(call *ssa.Call, i int) []ssa.Value {
	var root ssa.Value = call
	if call.Common().Signature().Results().Len() > 1 {
		root = nil
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
				root = ex
			}
		}
	}
	if root == nil {
		return nil
	}
	vals := []ssa.Value{root}
	seen := map[ssa.Value]bool{root: true}
	for j := 0; j < len(vals); j++ {
		for _, ref := range *vals[j].Referrers() {
			if phi, ok := ref.(*ssa.Phi); ok && !seen[phi] {
				seen[phi] = true
				vals = append(vals, phi)
			}
		}
	}
	return vals
}

// sinkOf says what destination v does with the bytes written into it:
// the least of what any value it may hold does.
func (e *engine) sinkOf(v ssa.Value, write string, seen map[ssa.Value]bool) sink {
	v = ssanav.Unconverted(v)
	if seen[v] {
		return sinkDiscard // a cycle adds nothing
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Phi:
		s := sinkDiscard
		for _, ed := range x.Edges {
			s = min(s, e.sinkOf(ed, write, seen))
		}
		return s
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			if obj, _ := g.Object().(*types.Var); resource.IsDiscardWriter(obj) {
				return sinkDiscard
			}
			return sinkOther
		}
	case *ssa.Const:
		return sinkOther // nil: the writer is pointed somewhere later
	}
	if resource.IsMemoryWriter(v.Type()) {
		return sinkBuffer
	}
	return e.writerOfPackage(v.Type(), write)
}

// writerOfPackage derives, from the body of its Write method, what a
// writer type declared in the package being analysed does with what it is
// written: a Write (the method write) that calls nothing and looks at p only for its length
// drops it; one that calls nothing but builtins keeps it in memory.
func (e *engine) writerOfPackage(t types.Type, write string) sink {
	fn := e.packageMethod(t, write)
	if fn == nil || len(fn.Params) != 2 || len(fn.AnonFuncs) > 0 {
		return sinkOther
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case ssa.CallInstruction:
				if _, ok := x.Common().Value.(*ssa.Builtin); !ok || x.Common().IsInvoke() {
					return sinkOther
				}
			case *ssa.Store:
				if _, ok := x.Addr.(*ssa.Global); ok {
					return sinkOther // the bytes, or some state, outlive the writer
				}
			}
		}
	}
	p := fn.Params[1]
	for _, ref := range *p.Referrers() {
		if bc, ok := ref.(*ssa.Call); ok {
			if b, ok := bc.Call.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				continue
			}
		}
		return sinkBuffer
	}
	return sinkDiscard
}
