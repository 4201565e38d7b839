package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Fields read back.
//
// `db := &DB{}; db.file, err = os.OpenFile(...); if err := db.load();
// err != nil { db.file.Close(); return nil, err }`: the allocation holds
// the file, and the load of the same field is the file again, provided
// nothing can have written the field in between. sameFieldLoads finds
// such loads.

// sameFieldLoads returns the loads of the field that s stores into, a
// field of an allocation of the function, that can only see s: s is the
// function's only store to that field and runs before each load on every
// path (its block dominates the load's), the allocation is not written
// whole or captured, and no call that receives it between s and the load
// can write that field (a callee out of sight, a function of the package
// that writes it, or one that passes the allocation on to code that may,
// through any chain of calls). Copies of the pointer stored in the heap
// are not followed, as elsewhere in the engine.
func (e *engine) sameFieldLoads(s *ssa.Store) []ssa.Value {
	fa, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	base, ok := fa.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var loads []*ssa.UnOp
	var calls []ssa.CallInstruction
	for _, r := range *base.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			if r.Field != fa.Field {
				continue
			}
			for _, u := range *r.Referrers() {
				switch u := u.(type) {
				case *ssa.UnOp:
					if u.Op != token.MUL {
						return nil
					}
					loads = append(loads, u)
				case *ssa.Store:
					if u != s || u.Val == r {
						return nil // another store into the field
					}
				case *ssa.DebugRef:
				default:
					return nil // the field's address escapes
				}
			}
		case ssa.CallInstruction:
			calls = append(calls, r)
		case *ssa.DebugRef, *ssa.Return:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.Store:
			if r.Addr == base {
				return nil // written whole
			}
			// Stored elsewhere (`&exctx{db}` kept by a comparator): an
			// alias in the heap, which the engine does not follow.
		default:
			return nil // captured, converted, compared: out of sight
		}
	}
	if len(loads) == 0 {
		return nil
	}
	var out []ssa.Value
	for _, ld := range loads {
		if !before(s, ld) {
			continue
		}
		clean := true
		for _, c := range calls {
			if between(s, c, ld) && mayWriteField(e, c, base, fa, map[ssa.Value]bool{}) {
				clean = false
				break
			}
		}
		if clean {
			out = append(out, ld)
		}
	}
	return out
}

// between reports whether c can run after from and before to on some
// path: it is reachable from from and reaches to.
func between(from, c, to ssa.Instruction) bool {
	return reaches(from, c) && reaches(c, to)
}

// reaches reports whether b can run after a on some path.
func reaches(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() && indexOf(a.Block(), a) < indexOf(b.Block(), b) {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), a.Block().Succs...)
	for len(stack) > 0 {
		bb := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[bb] {
			continue
		}
		seen[bb] = true
		if bb == b.Block() {
			return true
		}
		stack = append(stack, bb.Succs...)
	}
	return false
}

// mayWriteField reports whether the call c, which receives v (a pointer to
// the struct whose field fa addresses), may write that field: a callee out
// of sight, or one of the package that writes it through its parameter or
// passes the parameter to a call that may.
func mayWriteField(e *engine, c ssa.CallInstruction, v ssa.Value, fa *ssa.FieldAddr, seen map[ssa.Value]bool) bool {
	common := c.Common()
	if common.Value == v {
		return true // v called: not a function
	}
	callee := common.StaticCallee()
	if callee == nil || common.IsInvoke() {
		return true
	}
	for i, a := range common.Args {
		if a != v {
			continue
		}
		if callee.Pkg != e.pkg || len(callee.Blocks) == 0 || i >= len(callee.Params) {
			// Another package cannot name an unexported field.
			if f := fieldVar(fa); f != nil && !f.Exported() && callee.Pkg != nil && callee.Pkg.Pkg != f.Pkg() {
				continue
			}
			return true
		}
		if writesField(e, callee.Params[i], fa, seen) {
			return true
		}
	}
	return false
}

// writesField reports whether the function whose parameter p is may write
// the field fa addresses through p.
func writesField(e *engine, p *ssa.Parameter, fa *ssa.FieldAddr, seen map[ssa.Value]bool) bool {
	if seen[p] {
		return false // being looked at further up: recursion
	}
	seen[p] = true
	for _, r := range *p.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			if r.Field != fa.Field {
				continue
			}
			for _, u := range *r.Referrers() {
				if ld, ok := u.(*ssa.UnOp); ok && ld.Op == token.MUL {
					continue
				}
				if _, ok := u.(*ssa.DebugRef); ok {
					continue
				}
				return true // stored into, or its address escapes
			}
		case ssa.CallInstruction:
			if mayWriteField(e, r, p, fa, seen) {
				return true
			}
		case *ssa.UnOp, *ssa.DebugRef, *ssa.Return:
			if u, ok := r.(*ssa.UnOp); ok && u.Op != token.MUL {
				return true
			}
		case *ssa.Store:
			if r.Addr == p {
				return true // written whole
			}
			// A copy of the pointer kept in the heap: not followed, as
			// in sameFieldLoads.
		default:
			return true // captured, converted: out of sight
		}
	}
	return false
}

// fieldVar gives the field that fa addresses.
func fieldVar(fa *ssa.FieldAddr) *types.Var {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}
