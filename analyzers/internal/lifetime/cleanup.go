package lifetime

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// cleanupRegistered reports whether the function registers, with the
// running test's Cleanup, a function that releases the tracked value (or
// the wrapper holding it): a test helper that returns a session it has
// registered for closing hands its caller a value the test closes, not
// an owned one.
func (t *tracker) cleanupRegistered() bool {
	for instr, ev := range t.events {
		if ev.kind != evTransfer && ev.kind != evRelease {
			continue
		}
		call, ok := instr.(*ssa.Call)
		if !ok || !resource.RegistersCleanup(ssanav.CalleeFunc(call.Common())) {
			continue
		}
		for _, a := range call.Common().Args {
			if mc, ok := a.(*ssa.MakeClosure); ok && t.releasedBy(mc) {
				return true
			}
			if tr, ok := t.values[a]; ok && tr.role == roleCloser {
				return true // t.Cleanup(s.Close)
			}
		}
	}
	return false
}

// cleanupRegisteredThrough returns the parameters through which the
// function registers, with a test's Cleanup reached through an interface
// of the package's own (resource.RegistersCleanupThroughInterface), a
// function that releases the tracked value: a helper taking its own
// TestingT that asserts it to `interface{ Cleanup(func()) }` and
// registers the release there. The release is registered only when the
// parameter holds a test's handle, so the summary keeps the result owned
// for other callers (OwnedResult.UnlessTest).
func (t *tracker) cleanupRegisteredThrough() []int {
	var params []int
	for instr, ev := range t.events {
		if ev.kind != evTransfer && ev.kind != evRelease {
			continue
		}
		call, ok := instr.(*ssa.Call)
		if !ok || !call.Common().IsInvoke() || !resource.RegistersCleanupThroughInterface(call.Common().Method) {
			continue
		}
		i := paramUnder(t.fn, call.Common().Value)
		if i < 0 || slices.Contains(params, i) {
			continue
		}
		for _, a := range call.Common().Args {
			mc, ok := a.(*ssa.MakeClosure)
			tr, isTracked := t.values[a]
			if ok && t.releasedBy(mc) || isTracked && tr.role == roleCloser {
				params = append(params, i)
				break
			}
		}
	}
	slices.Sort(params)
	return params
}

// paramUnder returns the index of fn's parameter that v is, under
// interface conversions and type assertions (the comma-ok form's value
// included), or -1.
func paramUnder(fn *ssa.Function, v ssa.Value) int {
	for range 8 {
		if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
			if ta, ok := ex.Tuple.(*ssa.TypeAssert); ok {
				v = ta.X
				continue
			}
		}
		u := unwrapIface(v)
		if u == v {
			break
		}
		v = u
	}
	if p, ok := v.(*ssa.Parameter); ok {
		return slices.Index(fn.Params, p)
	}
	return -1
}

// passesTestHandle reports whether the call passes a running test's
// handle (a *testing.T, B or F, or a testing.TB) at one of the
// parameters given.
func passesTestHandle(call *ssa.Call, params []int) bool {
	args := call.Common().Args
	for _, j := range params {
		if j < len(args) && resource.IsTestHandle(unwrapIface(args[j]).Type()) {
			return true
		}
	}
	return false
}

// releasedBy reports whether the closure releases, on some path, a value
// it captures that holds the tracked resource.
func (t *tracker) releasedBy(mc *ssa.MakeClosure) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	if tr, ok := t.values[mc]; ok && tr.role == roleCloser {
		return true
	}
	for i, b := range mc.Bindings {
		tr, ok := t.values[b]
		if !ok || i >= len(fn.FreeVars) {
			continue
		}
		kind := t.kind
		if tr.role == roleContainer {
			// A wrapper holding the resource (a session around the
			// connection): its own release method releases it.
			kind = t.e.closer
			tr = tracked{role: roleWhole}
			if p, ok := b.Type().Underlying().(*types.Pointer); ok && !t.e.hasReleaseMethod(b.Type()) && t.e.hasReleaseMethod(p.Elem()) {
				// The variable's cell (a named result the closure
				// captures), holding the wrapper.
				tr = tracked{role: roleCell, inner: roleWhole}
			}
		} else if tr.role == roleCell && tr.inner == roleContainer {
			// The variable holding a wrapper whose field holds the
			// resource (captured by the server's handler too): the
			// wrapper's own release method releases it.
			p, ok := b.Type().Underlying().(*types.Pointer)
			if !ok || !t.e.hasReleaseMethod(p.Elem()) {
				continue
			}
			kind = t.e.closer
			tr = tracked{role: roleCell, inner: roleWhole}
		}
		if eff, some := t.e.effectOn(fn, fn.FreeVars[i], kind, tr); some || eff.When == Always && eff.Releases {
			return true
		}
	}
	return false
}

// ownerClosedAtTestEnd reports whether, in a test file, the resource that
// acq acquires through a method of an owner (an *http.Client) is released
// with the owner's field that the table names (its Transport): that field
// is closed by a cleanup registered with the test, or by a deferred call
// of the acquiring function. The owner is a local value of the function,
// or the result of a helper of this package that registers the cleanup
// (newClient(t) with t.Cleanup(func() { tr.Close() })).
func (e *engine) ownerClosedAtTestEnd(fn *ssa.Function, acq acquisition) bool {
	c := acq.call.Common()
	if !e.inTestFile(acq.call.Pos()) || c.IsInvoke() || len(c.Args) == 0 || c.Signature().Recv() == nil {
		return false
	}
	field, ok := resource.OwnerField(c.Signature().Recv().Type())
	if !ok {
		return false
	}
	switch recv := c.Args[0].(type) {
	case *ssa.Alloc:
		return e.fieldClosed(fn, recv, field, true)
	case *ssa.Call:
		helper := recv.Call.StaticCallee()
		if helper == nil || recv.Call.IsInvoke() || helper.Pkg != e.pkg || len(helper.Blocks) == 0 {
			return false
		}
		// Every return of the helper hands back a value of its own whose
		// field it has registered for closing at the test's end.
		n := 0
		for _, b := range helper.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			a, ok := ret.Results[0].(*ssa.Alloc)
			if !ok || !e.fieldClosed(helper, a, field, false) {
				return false
			}
			n++
		}
		return n > 0
	}
	return false
}

// fieldClosed reports whether fn closes the named field of the local
// value owner when the test ends: a cleanup registered with the test (or,
// with deferred, a deferred call) calls a release method on the value
// stored in the field, or on the field itself.
func (e *engine) fieldClosed(fn *ssa.Function, owner *ssa.Alloc, field string, deferred bool) bool {
	idx := -1
	if st, ok := owner.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == field {
				idx = i
			}
		}
	}
	if idx < 0 {
		return false
	}
	var stored []ssa.Value
	fieldStores := func(a *ssa.Alloc) {
		for _, r := range *a.Referrers() {
			fa, ok := r.(*ssa.FieldAddr)
			if !ok || fa.Field != idx {
				continue
			}
			for _, u := range *fa.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
					stored = append(stored, canon(st.Val))
				}
			}
		}
	}
	fieldStores(owner)
	for _, r := range *owner.Referrers() {
		// cl := http.Client{...}: the literal is built aside and copied.
		if st, ok := r.(*ssa.Store); ok && st.Addr == owner {
			if ld, ok := st.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				if lit, ok := ld.X.(*ssa.Alloc); ok {
					fieldStores(lit)
				}
			}
		}
	}
	if len(stored) != 1 {
		return false // unset, or set more than once: which one is closed?
	}
	isField := func(v ssa.Value) bool {
		v = canon(v)
		if v == stored[0] {
			return true
		}
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return false
		}
		fa, ok := ld.X.(*ssa.FieldAddr)
		return ok && fa.X == owner && fa.Field == idx
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Defer:
				if deferred && e.releaseCallOn(in.Common(), isField) {
					return true
				}
			case *ssa.Call:
				if !resource.RegistersCleanup(ssanav.CalleeFunc(in.Common())) {
					continue
				}
				for _, a := range in.Common().Args {
					if mc, ok := a.(*ssa.MakeClosure); ok && e.closureReleases(mc, isField) {
						return true
					}
				}
			}
		}
	}
	return false
}

// closureReleases reports whether the closure (a function literal or a
// method value) calls a release method on a captured value that match
// accepts.
func (e *engine) closureReleases(mc *ssa.MakeClosure, match func(ssa.Value) bool) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	if strings.HasSuffix(fn.Name(), "$bound") {
		// tr.Close as a method value.
		return len(mc.Bindings) == 1 && match(mc.Bindings[0]) && e.table.IsReleaseName(strings.TrimSuffix(fn.Name(), "$bound"))
	}
	// The literal's view of a captured value: the free variable, or a
	// load from it when it is the variable's cell.
	inside := func(v ssa.Value) ssa.Value {
		v = unwrapIface(v)
		if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if fv, ok := ld.X.(*ssa.FreeVar); ok {
				for i, x := range fn.FreeVars {
					if x == fv && i < len(mc.Bindings) {
						if cell, ok := mc.Bindings[i].(*ssa.Alloc); ok {
							if val, ok := storedOnce(cell); ok {
								return canon(val)
							}
						}
					}
				}
			}
		}
		if fv, ok := v.(*ssa.FreeVar); ok {
			for i, x := range fn.FreeVars {
				if x == fv && i < len(mc.Bindings) {
					return mc.Bindings[i]
				}
			}
		}
		return v
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok && e.releaseCallOn(call.Common(), func(v ssa.Value) bool { return match(inside(v)) }) {
				return true
			}
		}
	}
	return false
}

// canon returns the value under interface conversions, type assertions
// and loads of a variable's cell that is stored once (a captured
// variable holds what its one assignment put there).
func canon(v ssa.Value) ssa.Value {
	for range 8 {
		v = unwrapIface(v)
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return v
		}
		cell, ok := ld.X.(*ssa.Alloc)
		if !ok {
			return v
		}
		val, ok := storedOnce(cell)
		if !ok {
			return v
		}
		v = val
	}
	return v
}

// storedOnce returns the value of the only store to a variable's cell.
func storedOnce(cell *ssa.Alloc) (ssa.Value, bool) {
	var only *ssa.Store
	for _, r := range *cell.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == cell {
			if only != nil {
				return nil, false
			}
			only = st
		}
	}
	if only == nil {
		return nil, false
	}
	return only.Val, true
}

// releaseCallOn reports whether c calls a release method (Close) on a
// receiver that match accepts.
func (e *engine) releaseCallOn(c *ssa.CallCommon, match func(ssa.Value) bool) bool {
	switch {
	case c.IsInvoke():
		return e.table.IsReleaseName(c.Method.Name()) && match(c.Value)
	case c.Signature().Recv() != nil && len(c.Args) > 0:
		callee := c.StaticCallee()
		return callee != nil && callee.Object() != nil && e.table.IsReleaseName(callee.Object().Name()) && match(c.Args[0])
	}
	return false
}

// unwrapIface returns the value under interface conversions and type
// assertions.
func unwrapIface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		default:
			return v
		}
	}
}
