package lifetime

import (
	"go/token"
	"go/types"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// goroutineOwnedResults adds to fn's summary the results through which fn
// returns a value it allocated and handed to a goroutine it started, when
// that goroutine runs until the value's release method stops it: it
// loops receiving from a channel field of the value, and the release
// method closes that field (sarama's NewClient starts
// backgroundMetadataUpdater on the *client it returns as a Client, which
// selects on client.closer until Close closes it). Whoever gets the value
// must call its release method, or the goroutine, and all the value holds,
// stays for the life of the process. The result may have an interface
// type: what decides is the value behind it. Only a return that every
// path reaches through the go statement returns the value owned: a
// goroutine started under a condition (an option the caller may leave
// unset) is not one that every caller's value holds.
func (e *engine) goroutineOwnedResults(fn *ssa.Function, s *Summary) {
	if len(fn.Blocks) == 0 || fn.Signature.Results().Len() == 0 {
		return
	}
	owners := map[*ssa.Alloc][]*ssa.BasicBlock{} // the blocks of the go statements
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			for _, a := range e.ownedByGoroutine(g) {
				owners[a] = append(owners[a], b)
			}
		}
	}
	if len(owners) == 0 {
		return
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for i, r := range ret.Results {
			a, ok := canon(r).(*ssa.Alloc)
			if !ok || !slices.ContainsFunc(owners[a], func(gb *ssa.BasicBlock) bool { return gb.Dominates(b) }) || !e.hasReleaseMethod(fn.Signature.Results().At(i).Type()) {
				continue
			}
			if slices.ContainsFunc(s.Results, func(o OwnedResult) bool { return o.Index == i }) {
				continue
			}
			pos := ret.Pos()
			if !pos.IsValid() {
				pos = fnEnd(fn)
			}
			p := e.pass.Fset.Position(pos)
			s.Results = append(s.Results, OwnedResult{Index: i, Kind: closerKind, At: filepath.Base(p.Filename) + ":" + itoa(p.Line)})
		}
	}
}

// ownedByGoroutine returns the values, allocated in the function that runs
// g, that the goroutine g starts runs on until their release method stops
// it.
func (e *engine) ownedByGoroutine(g *ssa.Go) []*ssa.Alloc {
	c := g.Common()
	if c.IsInvoke() {
		return nil
	}
	// The functions the goroutine runs, each with the value it runs on:
	// `go v.loop()`, `go run(v.loop)` (a bound method handed to a
	// wrapper) and `go func() { ... v ... }()`.
	type run struct {
		fn   *ssa.Function
		recv int // index of the value among fn's params, or -1 for a free variable
		free int
		val  ssa.Value
	}
	var runs []run
	if callee := c.StaticCallee(); callee != nil {
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			for k, bv := range mc.Bindings {
				runs = append(runs, run{callee, -1, k, bv})
			}
		} else if c.Signature().Recv() != nil && len(c.Args) > 0 {
			runs = append(runs, run{callee, 0, 0, c.Args[0]})
		}
	}
	for _, a := range c.Args {
		mc, ok := a.(*ssa.MakeClosure)
		if !ok || len(mc.Bindings) != 1 {
			continue
		}
		bound := mc.Fn.(*ssa.Function)
		m, ok := bound.Object().(*types.Func)
		if !ok || m.Type().(*types.Signature).Recv() == nil {
			continue // a closure, not a bound method
		}
		if method := bound.Prog.FuncValue(m); method != nil {
			runs = append(runs, run{method, 0, 0, mc.Bindings[0]})
		}
	}
	var owned []*ssa.Alloc
	for _, r := range runs {
		v := canon(r.val)
		if cell, ok := v.(*ssa.Alloc); ok && r.recv < 0 {
			// A variable captured by the literal: the value stored in it.
			if val, ok := storedOnce(cell); ok {
				v = canon(val)
			}
		}
		a, ok := v.(*ssa.Alloc)
		if !ok || !a.Heap || r.fn.Pkg != e.pkg || len(r.fn.Blocks) == 0 {
			continue
		}
		var self ssa.Value
		if r.recv >= 0 {
			if r.recv >= len(r.fn.Params) {
				continue
			}
			self = r.fn.Params[r.recv]
		} else {
			if r.free >= len(r.fn.FreeVars) {
				continue
			}
			self = r.fn.FreeVars[r.free]
		}
		release := e.releaseMethodOf(a.Type())
		if release == "" {
			continue
		}
		closeFn := e.methodFunc(a.Type(), release)
		if closeFn == nil || len(closeFn.Params) == 0 {
			continue
		}
		for _, field := range loopedReceiveFields(r.fn, self) {
			if closesField(closeFn, closeFn.Params[0], field) {
				owned = append(owned, a)
				break
			}
		}
	}
	return owned
}

// methodFunc returns the SSA function of the method name of type t,
// when it is declared in the package analysed.
func (e *engine) methodFunc(t types.Type, name string) *ssa.Function {
	obj, _, _ := types.LookupFieldOrMethod(t, true, e.pass.Pkg, name)
	m, ok := obj.(*types.Func)
	if !ok || m.Pkg() != e.pass.Pkg {
		return nil
	}
	f := e.pkg.Prog.FuncValue(m)
	if f == nil || f.Pkg != e.pkg || len(f.Blocks) == 0 {
		return nil
	}
	return f
}

// loopedReceiveFields returns the fields of self (a pointer to a struct)
// whose channel fn receives from inside a loop, directly or in a select:
// fn runs until that channel yields.
func loopedReceiveFields(fn *ssa.Function, self ssa.Value) []int {
	var fields []int
	add := func(ch ssa.Value, b *ssa.BasicBlock) {
		if f, ok := selfField(ch, self); ok && inCycle(b) && !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					add(x.X, b)
				}
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.RecvOnly {
						add(st.Chan, b)
					}
				}
			}
		}
	}
	return fields
}

// selfField reports the field of self that v loads: *(&self.f), where self
// may be read from a free variable's cell.
func selfField(v ssa.Value, self ssa.Value) (int, bool) {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return 0, false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return 0, false
	}
	x := fa.X
	if l, ok := x.(*ssa.UnOp); ok && l.Op == token.MUL && l.X == self {
		x = self // a captured variable's cell
	}
	return fa.Field, x == self
}

// closesField reports whether fn closes field f of self directly in its
// body: close(self.f).
func closesField(fn *ssa.Function, self ssa.Value, f int) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			bi, ok := call.Call.Value.(*ssa.Builtin)
			if !ok || bi.Name() != "close" || len(call.Call.Args) != 1 {
				continue
			}
			if g, ok := selfField(call.Call.Args[0], self); ok && g == f {
				return true
			}
		}
	}
	return false
}
