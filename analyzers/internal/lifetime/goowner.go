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
// selects on client.closer until Close closes it), or it loops waiting
// for a context the function made with context.WithCancel, from a parent
// that is not its own parameter, whose cancel function the value keeps in
// a field that the release method calls (a poller rooted in
// context.Background, which nothing else can end). Whoever gets the value
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
	owners := map[ssa.Value][]*ssa.BasicBlock{} // the blocks of the go statements
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Go:
				for _, a := range e.ownedByGoroutine(instr) {
					owners[a] = append(owners[a], b)
				}
			case *ssa.Call:
				// A method of the package that starts the goroutine on
				// the value it is called on, on every path (p.goPurge()
				// in the constructor): the call starts it.
				h := instr.Call.StaticCallee()
				if h == nil || h == fn || h.Pkg != e.pkg || h.Parent() != nil {
					continue
				}
				for _, j := range e.ownedParams(h) {
					if j < len(instr.Call.Args) {
						if a, ok := canon(instr.Call.Args[j]).(*ssa.Alloc); ok {
							owners[a] = append(owners[a], b)
						}
					}
				}
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

// ownedParams returns the indices of fn's parameters that a goroutine fn
// starts on every path runs on until their release method stops it.
func (e *engine) ownedParams(fn *ssa.Function) []int {
	if out, ok := e.ownedParamsMemo[fn]; ok {
		return out
	}
	var out []int
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok || !dominatesReturns(b, fn) {
				continue
			}
			for _, v := range e.ownedByGoroutine(g) {
				if p, ok := v.(*ssa.Parameter); ok {
					if j := slices.Index(fn.Params, p); j >= 0 && !slices.Contains(out, j) {
						out = append(out, j)
					}
				}
			}
		}
	}
	if e.ownedParamsMemo == nil {
		e.ownedParamsMemo = map[*ssa.Function][]int{}
	}
	e.ownedParamsMemo[fn] = out
	return out
}

// dominatesReturns reports whether b dominates every block of fn that
// returns.
func dominatesReturns(b *ssa.BasicBlock, fn *ssa.Function) bool {
	returns := false
	for _, rb := range fn.Blocks {
		if _, ok := rb.Instrs[len(rb.Instrs)-1].(*ssa.Return); ok {
			returns = true
			if !b.Dominates(rb) {
				return false
			}
		}
	}
	return returns
}

// holderValue reports whether v can hold the goroutine: a value allocated
// on the heap in the function that starts it, or a parameter of that
// function (its caller's value, for ownedParams).
func holderValue(v ssa.Value, starter *ssa.Function) bool {
	switch v := v.(type) {
	case *ssa.Alloc:
		return v.Heap
	case *ssa.Parameter:
		return v.Parent() == starter
	}
	return false
}

// ownedByGoroutine returns the values, allocated in the function that runs
// g (or its parameters), that the goroutine g starts runs on until their
// release method stops it.
func (e *engine) ownedByGoroutine(g *ssa.Go) []ssa.Value {
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
	var owned []ssa.Value
	for _, r := range runs {
		v := canon(r.val)
		if cell, ok := v.(*ssa.Alloc); ok && r.recv < 0 {
			// A variable captured by the literal: the value stored in it.
			if val, ok := storedOnce(cell); ok {
				v = canon(val)
			}
		}
		a := v
		if !holderValue(a, g.Parent()) || r.fn.Pkg != e.pkg || len(r.fn.Blocks) == 0 {
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
		stops := false
		for _, field := range loopedReceiveFields(r.fn, self) {
			if closesField(closeFn, closeFn.Params[0], field) {
				stops = true
				break
			}
		}
		if !stops {
			// The goroutine waits, in a loop, for a context that a's
			// release method cancels.
			for _, ctx := range loopedDoneContexts(r.fn, self) {
				var made ssa.Value
				switch {
				case ctx.param >= 0 && r.recv >= 0 && c.StaticCallee() == r.fn && ctx.param < len(c.Args):
					made = c.Args[ctx.param]
				case ctx.free >= 0 && r.recv < 0:
					if mc, ok := c.Value.(*ssa.MakeClosure); ok && ctx.free < len(mc.Bindings) {
						made = mc.Bindings[ctx.free]
						if cell, ok := made.(*ssa.Alloc); ok {
							made, _ = storedOnce(cell)
						}
					}
				case ctx.field >= 0:
					made = storedField(a, ctx.field)
				}
				if made != nil && slices.ContainsFunc(cancelHolders(canon(made)), func(h cancelHolder) bool {
					return h.value == a && callsField(closeFn, closeFn.Params[0], h.field)
				}) {
					stops = true
					break
				}
			}
		}
		if stops {
			owned = append(owned, a)
		}
	}
	// A literal that captures only the context: the value it belongs to
	// is the one holding its cancel function.
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && c.StaticCallee() != nil {
		for _, ctx := range loopedDoneContexts(c.StaticCallee(), nil) {
			if ctx.free < 0 || ctx.free >= len(mc.Bindings) {
				continue
			}
			made := mc.Bindings[ctx.free]
			if cell, ok := made.(*ssa.Alloc); ok {
				if made, ok = storedOnce(cell); !ok {
					continue
				}
			}
			for _, h := range cancelHolders(canon(made)) {
				if !holderValue(h.value, g.Parent()) || slices.Contains(owned, h.value) {
					continue
				}
				release := e.releaseMethodOf(h.value.Type())
				if release == "" {
					continue
				}
				if closeFn := e.methodFunc(h.value.Type(), release); closeFn != nil && len(closeFn.Params) > 0 && callsField(closeFn, closeFn.Params[0], h.field) {
					owned = append(owned, h.value)
				}
			}
		}
	}
	return owned
}

// doneContext names a context that a goroutine's function waits on: its
// parameter param, its free variable free, or the field field of the
// value it runs on (-1 for the others).
type doneContext struct{ param, free, field int }

// loopedDoneContexts returns the contexts whose Done channel fn receives
// from inside a loop, directly or in a select: fn runs until that context
// is done.
func loopedDoneContexts(fn *ssa.Function, self ssa.Value) []doneContext {
	var out []doneContext
	add := func(ch ssa.Value, b *ssa.BasicBlock) {
		call, ok := ch.(*ssa.Call)
		if !ok || !inCycle(b) || !call.Call.IsInvoke() || call.Call.Method.Name() != "Done" || len(call.Call.Args) != 0 || !isContext(call.Call.Value.Type()) {
			return
		}
		ctx := doneContext{-1, -1, -1}
		switch v := call.Call.Value.(type) {
		case *ssa.Parameter:
			ctx.param = slices.Index(fn.Params, v)
		case *ssa.FreeVar:
			ctx.free = slices.Index(fn.FreeVars, v)
		case *ssa.UnOp:
			if f, ok := selfField(v, self); ok {
				ctx.field = f
			} else if fv, ok := v.X.(*ssa.FreeVar); ok && v.Op == token.MUL {
				ctx.free = slices.Index(fn.FreeVars, fv) // a captured variable's cell
			}
		}
		if (ctx.param >= 0 || ctx.free >= 0 || ctx.field >= 0) && !slices.Contains(out, ctx) {
			out = append(out, ctx)
		}
	}
	eachReceive(fn, add)
	return out
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// storedField returns the only value stored in field f of the value a.
func storedField(a ssa.Value, f int) ssa.Value {
	var only ssa.Value
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.Field != f {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
				if only != nil {
					return nil
				}
				only = st.Val
			}
		}
	}
	return only
}

// cancelHolder is a field of a value allocated in the function that holds
// a context's cancel function.
type cancelHolder struct {
	value ssa.Value // an *ssa.Alloc or an *ssa.Parameter
	field int
}

// cancelHolders returns where the cancel function of ctx is stored, when
// ctx is the context of a context.WithCancel (or WithCancelCause) call
// whose parent is not a parameter of the function that makes it: a
// caller's context may end the goroutine by itself (a request's), while
// a context the function roots elsewhere (context.Background, a copy of
// its values) ends only when cancelled.
func cancelHolders(ctx ssa.Value) []cancelHolder {
	ex, ok := ctx.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	mk, ok := ex.Tuple.(*ssa.Call)
	if !ok || mk.Call.IsInvoke() || len(mk.Call.Args) == 0 {
		return nil
	}
	callee := mk.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "context" || callee.Name() != "WithCancel" && callee.Name() != "WithCancelCause" {
		return nil
	}
	if _, isParam := mk.Call.Args[0].(*ssa.Parameter); isParam {
		return nil
	}
	var out []cancelHolder
	for _, r := range *mk.Referrers() {
		cancel, ok := r.(*ssa.Extract)
		if !ok || cancel.Index != 1 {
			continue
		}
		for _, u := range *cancel.Referrers() {
			st, ok := u.(*ssa.Store)
			if !ok || st.Val != cancel {
				continue
			}
			if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
				switch x := fa.X.(type) {
				case *ssa.Alloc, *ssa.Parameter:
					out = append(out, cancelHolder{x, fa.Field})
				}
			}
		}
	}
	return out
}

// callsField reports whether fn calls the function in field f of self
// directly in its body: self.f().
func callsField(fn *ssa.Function, self ssa.Value, f int) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Call.IsInvoke() {
				continue
			}
			if g, ok := selfField(call.Call.Value, self); ok && g == f {
				return true
			}
		}
	}
	return false
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
	eachReceive(fn, add)
	return fields
}

// eachReceive calls add with the channel and the block of every receive
// in fn, a plain one or a select's case.
func eachReceive(fn *ssa.Function, add func(ch ssa.Value, b *ssa.BasicBlock)) {
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
