package lifetime

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// receiverReleasedAtEnd reports whether what acq acquires goes with the
// value it was acquired from (resource.ReleasedWithReceiver: a statement
// prepared on a *sql.DB), and fn releases that value when it ends: a
// `defer` executed before the acquisition releases it (db.Close(), or a
// helper of this package that calls Close on its parameter, or, where the
// receiver is a field of a holder, a function of this package that
// releases that field of the holder it is given: `defer p.Close()` of a
// client/server pair whose Close closes p.cli, or a deferred function
// literal that releases it: `defer func() { db.Close() }()`), or, in a
// test, a cleanup registered with the test does. Every return after the
// acquisition runs the release, so nothing the receiver gave out is left
// held.
func (e *engine) receiverReleasedAtEnd(fn *ssa.Function, acq acquisition) bool {
	c := acq.call.Common()
	if c.IsInvoke() || len(c.Args) == 0 || c.Signature().Recv() == nil || !resource.ReleasedWithReceiver(ssanav.CalleeFunc(c)) {
		return false
	}
	recv := canon(c.Args[0])
	isRecv := func(v ssa.Value) bool { return canon(unpromote(v)) == recv }
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Defer:
				if !before(in, acq.call) {
					continue // not yet deferred on every path to the acquisition
				}
				if e.releaseCallOn(in.Common(), isRecv) || e.helperReleasesArg(in.Common(), isRecv) || e.helperReleasesHolderField(in.Common(), recv) {
					return true
				}
				if mc, ok := in.Call.Value.(*ssa.MakeClosure); ok && e.closureReleases(mc, isRecv) {
					return true // defer func() { db.Close() }()
				}
			case *ssa.Call:
				if !resource.RegistersCleanup(ssanav.CalleeFunc(in.Common())) {
					continue
				}
				for _, a := range in.Common().Args {
					if mc, ok := a.(*ssa.MakeClosure); ok && e.closureReleases(mc, isRecv) {
						return true
					}
				}
			}
		}
	}
	return false
}

// helperReleasesArg reports whether c statically calls a function of this
// package that calls a release method (Close) on the parameter to which c
// passes a value match accepts, directly in its body
// (`closeDB(t, db)` with `db.Close()` or `check(t, db.Close())`).
func (e *engine) helperReleasesArg(c *ssa.CallCommon, match func(ssa.Value) bool) bool {
	callee := c.StaticCallee()
	if c.IsInvoke() || callee == nil || callee.Pkg != e.pkg || len(callee.Blocks) == 0 || len(callee.Params) != len(c.Args) {
		return false
	}
	for i, a := range c.Args {
		if !match(a) {
			continue
		}
		p := callee.Params[i]
		for _, b := range callee.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && e.releaseCallOn(call.Common(), func(v ssa.Value) bool { return v == p }) {
					return true
				}
			}
		}
	}
	return false
}

// receiverReleasedBefore reports whether what acq acquires goes with the
// value it was acquired from (resource.ReleasedWithReceiver) and every
// path from the acquisition to ret runs a plain call that releases that
// value: `db.Close()` (its error checked or not), or a helper of this
// package that calls Close on its parameter. A path that comes back to
// the acquisition before ret is not taken as released: the statement of
// the iteration before is what the loop leaves behind.
func (e *engine) receiverReleasedBefore(acq acquisition, ret *ssa.Return) bool {
	c := acq.call.Common()
	if ret == nil || c.IsInvoke() || len(c.Args) == 0 || c.Signature().Recv() == nil || !resource.ReleasedWithReceiver(ssanav.CalleeFunc(c)) {
		return false
	}
	recv := canon(c.Args[0])
	isRecv := func(v ssa.Value) bool { return canon(v) == recv }
	releases := func(instrs []ssa.Instruction) bool {
		for _, instr := range instrs {
			if call, ok := instr.(*ssa.Call); ok && (e.releaseCallOn(call.Common(), isRecv) || e.helperReleasesArg(call.Common(), isRecv)) {
				return true
			}
		}
		return false
	}
	start := acq.call.Block()
	after := start.Instrs[slices.Index(start.Instrs, ssa.Instruction(acq.call))+1:]
	if releases(after) {
		return true
	}
	if ret.Block() == start {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := slices.Clone(start.Succs)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		switch {
		case b == start:
			return false // back at the acquisition first
		case releases(b.Instrs):
			continue // this path has released the receiver
		case b == ret.Block():
			return false
		}
		stack = append(stack, b.Succs...)
	}
	return true
}

// fieldOf returns the holder and the field index when v is a field read
// of a struct (h.f of a struct value, or of a pointer to one): the holder
// is the pointer where the read goes through one, the struct value
// otherwise, both taken through canon and one dereference (a value
// receiver's copy `*p` is p).
func fieldOf(v ssa.Value) (ssa.Value, int, bool) {
	switch x := canon(v).(type) {
	case *ssa.Field:
		return holderBase(x.X), x.Field, true
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return holderBase(fa.X), fa.Field, true
		}
	}
	return nil, 0, false
}

// holderBase is v through canon, and through one load of a pointer that
// is not a local variable's cell (canon takes those); a local variable's
// cell stored once is the value stored (p.f of a local struct p reads
// through the cell).
func holderBase(v ssa.Value) ssa.Value {
	v = canon(v)
	if cell, ok := v.(*ssa.Alloc); ok {
		if val, ok := storedOnce(cell); ok {
			return canon(val)
		}
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if _, cell := ld.X.(*ssa.Alloc); !cell {
			return canon(ld.X)
		}
	}
	return v
}

// helperReleasesHolderField reports whether c statically calls a function
// of this package that, directly in its body, calls a release method on
// the field of its parameter from which recv was read in the caller:
// recv is h.f, c passes h, and the callee releases its parameter's f.
func (e *engine) helperReleasesHolderField(c *ssa.CallCommon, recv ssa.Value) bool {
	holder, field, ok := fieldOf(recv)
	if !ok {
		return false
	}
	callee := c.StaticCallee()
	if c.IsInvoke() || callee == nil || callee.Pkg != e.pkg || len(callee.Blocks) == 0 || len(callee.Params) != len(c.Args) {
		return false
	}
	for i, a := range c.Args {
		if holderBase(a) != holder {
			continue
		}
		p := callee.Params[i]
		isField := func(v ssa.Value) bool {
			h, f, ok := fieldOf(unpromote(v))
			return ok && f == field && h == ssa.Value(p)
		}
		for _, b := range callee.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && e.releaseCallOn(call.Common(), isField) {
					return true
				}
			}
		}
	}
	return false
}

// unpromote strips the embedded fields through which a promoted method is
// called (`c.Close()` calling (*clientConn).Close on &c.clientConn): the
// value whose method was selected.
func unpromote(v ssa.Value) ssa.Value {
	for {
		fa, ok := v.(*ssa.FieldAddr)
		if !ok {
			return v
		}
		st, ok := types.Unalias(fa.X.Type()).(*types.Pointer)
		if !ok {
			return v
		}
		s, ok := st.Elem().Underlying().(*types.Struct)
		if !ok || !s.Field(fa.Field).Embedded() {
			return v
		}
		v = fa.X
	}
}
