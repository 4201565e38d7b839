package locks

import (
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// mutexAddr is the address of the mutex a direct sync call acts on (its
// receiver), or nil for a helper's call.
func mutexAddr(ev event) ssa.Value {
	if ev.via != nil {
		return nil
	}
	c, ok := ev.instr.(ssa.CallInstruction)
	if !ok || len(c.Common().Args) == 0 {
		return nil
	}
	return c.Common().Args[0]
}

// rootOf follows an address down to the value it is computed from:
// through field selections, loads, constant indexes and type changes.
func rootOf(v ssa.Value) ssa.Value {
	for range 16 {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.IndexAddr:
			if _, ok := x.Index.(*ssa.Const); !ok {
				return x
			}
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// loopInvariant reports whether the mutex an acquisition locks is the
// same one on every iteration of a loop around it: its address is
// computed from a parameter, a captured variable, a package-level
// variable, or a value made before the loop (a block the acquisition
// cannot reach). A loop variable (`for _, x := range xs { x.mu.Lock() }`)
// names another mutex each time.
func loopInvariant(ev event) bool {
	addr := mutexAddr(ev)
	if addr == nil || !everyIteration(ev.instr.Block()) {
		return false
	}
	switch r := rootOf(addr).(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	case ssa.Instruction:
		return r.Block() != nil && !ssanav.Reaches(ev.instr.Block(), r.Block())
	}
	return false
}

// everyIteration reports whether block b runs on every iteration of the
// loops around it that come back to it: it dominates the source of each
// back edge it reaches. An acquisition under a test inside the loop (`if
// !held { mu.Lock(); defer mu.Unlock(); held = true }`) may be skipped on
// the next iteration, by a flag the walk does not evaluate.
func everyIteration(b *ssa.BasicBlock) bool {
	fn := b.Parent()
	for _, p := range fn.Blocks {
		for _, h := range p.Succs {
			if !h.Dominates(p) || !h.Dominates(b) || !ssanav.Reaches(b, p) {
				continue // not a back edge of a loop around b
			}
			if !b.Dominates(p) {
				return false
			}
		}
	}
	return true
}

// mutexIdentity names a mutex across functions: the struct field that
// holds it (an embedded RWMutex included) or the package-level variable.
// It is nil for anything else (a local mutex, an element).
func mutexIdentity(addr ssa.Value) any {
	switch x := addr.(type) {
	case *ssa.FieldAddr:
		if p, ok := x.X.Type().Underlying().(*types.Pointer); ok {
			if s, ok := p.Elem().Underlying().(*types.Struct); ok && x.Field < s.NumFields() {
				return s.Field(x.Field)
			}
		}
	case *ssa.Global:
		return x.Object()
	}
	return nil
}

// writerOf returns a call in the package that write-locks the RWMutex a
// read acquisition holds (the same struct field or package-level
// variable), or nil. Read-locking again while holding a read lock blocks
// as soon as such a Lock is waiting in between: sync.RWMutex forbids
// recursive read locking.
func (a *checker) writerOf(origin event) ssa.CallInstruction {
	if !origin.read {
		return nil
	}
	id := mutexIdentity(mutexAddr(origin))
	if id == nil {
		return nil
	}
	if w, ok := a.writers[id]; ok {
		return w
	}
	var found ssa.CallInstruction
	for _, fn := range a.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(ssa.CallInstruction)
				if !ok || found != nil {
					continue
				}
				callee := c.Common().StaticCallee()
				if callee == nil || len(c.Common().Args) == 0 {
					continue
				}
				if obj := funcObj(callee); obj == nil || obj.Name() != "Lock" || obj.FullName() != "(*sync.RWMutex).Lock" {
					continue
				}
				if mutexIdentity(c.Common().Args[0]) == id {
					found = c
				}
			}
		}
	}
	a.writers[id] = found
	return found
}

// goroutineLocal reports whether the mutex an acquisition locks is a
// local variable only its own goroutine can reach: no closure captures it
// and its address goes nowhere but to the mutex's own methods. A Lock of
// it elsewhere in the function then runs on the same goroutine, never
// waiting in between two read locks.
func goroutineLocal(ev event) bool {
	addr := mutexAddr(ev)
	if addr == nil {
		return false
	}
	alloc, ok := rootOf(addr).(*ssa.Alloc)
	if !ok {
		return false
	}
	var onlyMutexCalls func(v ssa.Value, depth int) bool
	onlyMutexCalls = func(v ssa.Value, depth int) bool {
		if depth > 8 {
			return false
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.FieldAddr:
				if !onlyMutexCalls(r, depth+1) {
					return false
				}
			case *ssa.DebugRef:
			case *ssa.Call:
				callee := r.Call.StaticCallee()
				if callee == nil || len(r.Call.Args) == 0 || r.Call.Args[0] != v {
					return false
				}
				if _, ok := syncOpOf(funcObj(callee)); !ok {
					return false
				}
				for _, x := range r.Call.Args[1:] {
					if x == v {
						return false
					}
				}
			default:
				return false
			}
		}
		return true
	}
	return onlyMutexCalls(alloc, 0)
}
