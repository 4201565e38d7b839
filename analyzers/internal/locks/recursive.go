package locks

import (
	"go/token"
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
// variable) and can come between the two read locks, or nil. Read-locking
// again while holding a read lock blocks as soon as such a Lock is waiting
// in between: sync.RWMutex forbids recursive read locking. A writer that
// ends the owner's use does not count (see endsUse).
func (a *checker) writerOf(origin event) ssa.CallInstruction {
	if !origin.read {
		return nil
	}
	at := originKey{origin.instr, origin.key}
	if w, done := a.writerFor[at]; done {
		return w
	}
	w := a.interleavingWriter(origin)
	a.writerFor[at] = w
	return w
}

// originKey names one acquisition: an instruction and the lock it takes.
type originKey struct {
	instr ssa.Instruction
	key   key
}

// interleavingWriter is writerOf's answer, computed.
func (a *checker) interleavingWriter(origin event) ssa.CallInstruction {
	id := mutexIdentity(mutexAddr(origin))
	if id == nil {
		return nil
	}
	ws, ok := a.writers[id]
	if !ok {
		ws = a.writeLocks(id)
		a.writers[id] = ws
	}
	var tested map[*types.Var]bool
	for _, w := range ws {
		if tested == nil {
			tested = testedFields(origin)
		}
		if !endsUse(w, tested) {
			return w
		}
	}
	return nil
}

// writeLocks returns the calls in the package that write-lock the
// RWMutex named by id.
func (a *checker) writeLocks(id any) []ssa.CallInstruction {
	var found []ssa.CallInstruction
	for _, fn := range a.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(ssa.CallInstruction)
				if !ok {
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
					found = append(found, c)
				}
			}
		}
	}
	return found
}

// testedFields returns the fields of the mutex's owner that the function
// holding the read lock tests in a branch under it (`r.mu.RLock(); if
// r.err != nil { return }`): the states of the owner in which it refuses
// to read.
func testedFields(origin event) map[*types.Var]bool {
	fa, ok := mutexAddr(origin).(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	fn := origin.instr.Parent()
	owner := keyOf(fn, fa.X)
	if owner == "" {
		return nil
	}
	ob := origin.instr.Block()
	out := map[*types.Var]bool{}
	for _, b := range fn.Blocks {
		if b != ob && !ob.Dominates(b) {
			continue
		}
		cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || b == ob && indexOf(b, cond) < indexOf(b, origin.instr) {
			continue
		}
		for _, f := range loadedFields(fn, cond.Cond, owner, 0) {
			out[f] = true
		}
	}
	return out
}

// loadedFields returns the fields of the value keyed owner whose loads
// the condition v is computed from (through comparisons and negations).
func loadedFields(fn *ssa.Function, v ssa.Value, owner key, depth int) []*types.Var {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.BinOp:
		return append(loadedFields(fn, x.X, owner, depth+1), loadedFields(fn, x.Y, owner, depth+1)...)
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if f := ownerField(fn, x.X, owner); f != nil {
				return []*types.Var{f}
			}
			return nil
		}
		return loadedFields(fn, x.X, owner, depth+1)
	}
	return nil
}

// ownerField returns the struct field addr selects when it is a field of
// the value keyed owner, or nil.
func ownerField(fn *ssa.Function, addr ssa.Value, owner key) *types.Var {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok || keyOf(fn, fa.X) != owner {
		return nil
	}
	f, _ := mutexIdentity(fa).(*types.Var)
	return f
}

// endsUse reports whether the write lock w is taken by a function that
// ends the use of the mutex's owner: it stores into a field of the owner
// that the reader tests under its read lock (Release setting `r.err =
// ErrReleased`, which every reader checks first). Such a writer runs
// after the readers by the owner's contract, not between two read locks
// of one of them: a reader still running then is a use after release.
func endsUse(w ssa.CallInstruction, tested map[*types.Var]bool) bool {
	if len(tested) == 0 {
		return false
	}
	fa, ok := w.Common().Args[0].(*ssa.FieldAddr)
	if !ok {
		return false
	}
	fn := w.Parent()
	owner := keyOf(fn, fa.X)
	if owner == "" {
		return false
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			st, ok := in.(*ssa.Store)
			if !ok {
				continue
			}
			if f := ownerField(fn, st.Addr, owner); f != nil && tested[f] {
				return true
			}
		}
	}
	return false
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
