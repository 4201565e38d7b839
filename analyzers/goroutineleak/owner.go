package goroutineleak

import (
	"go/token"
	"go/types"
	"maps"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// Goroutines that live exactly as long as their owner by design. A loop
// with no exit is a leak when every call of its starter leaves one more
// behind while the starter's caller goes on; it is the design when the
// goroutine is the service of something that itself lives on: the value
// its starter returns and that offers no way to stop, or a starter that
// never returns, or the process's own signal delivery.

// signalRegistrars deliver process signals to a channel argument for the
// rest of the process: the goroutine receiving from that channel is the
// process's signal handler.
var signalRegistrars = map[string]struct {
	Param int
	Why   string
}{
	"os/signal.Notify": {0, "relays the process's signals to c until signal.Stop(c)"},
}

// stopMethods are the method shapes by which a value lets its user stop
// what it started: a type with one of them can end its goroutines, so one
// that ignores it is a leak.
var stopMethods = []struct {
	Name    string
	ErrorOK bool // Name() error counts as well as Name()
	Why     string
}{
	{"Close", true, "io.Closer: the conventional end of a value's life"},
	{"Stop", true, "stops a service (time.Ticker, http.Server-like values)"},
	{"Shutdown", true, "ends a server's life; takes a context in net/http"},
}

// ownedForLife reports whether a goroutine that never ends is the design
// of its starter rather than a leak: the starter never returns once it has
// started it, or the goroutine serves the value its starter returns and
// that value has no way to be stopped (a middleware's clock updater, a
// storage's expiry loop, a constructor's worker with no Close).
func (m *model) ownedForLife(g *ssa.Go, feeds map[*types.Var]bool) bool {
	if m.starterStays(g) {
		return true
	}
	notStops := maps.Clone(feeds)
	if notStops == nil {
		notStops = make(map[*types.Var]bool)
	}
	maps.Copy(notStops, m.outputs(g))
	return m.servesReturned(g, notStops)
}

// outputs returns the struct fields holding channels that the goroutine g
// starts, in its own function and the callees it runs, only sends on: what
// it produces (an event queue's flush channel), which no one can end it
// by. A field whose channel the goroutine also receives from, selects on,
// closes or hands to a call is not one.
func (m *model) outputs(g *ssa.Go) map[*types.Var]bool {
	callee := g.Call.StaticCallee()
	if !m.known[callee] {
		return nil
	}
	sent := make(map[*types.Var]bool)
	other := make(map[*types.Var]bool)
	for _, fn := range m.reachFrom(callee) {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				ld, ok := in.(*ssa.UnOp)
				if !ok || ld.Op != token.MUL {
					continue
				}
				f := fieldOf(ld)
				if f == nil {
					continue
				}
				if _, isChan := f.Type().Underlying().(*types.Chan); !isChan {
					continue
				}
				for _, r := range refsOf(ld) {
					switch r := r.(type) {
					case *ssa.Send:
						if r.Chan == ssa.Value(ld) && r.X != ssa.Value(ld) {
							sent[f] = true
							continue
						}
					case *ssa.Select:
						if sendsOnly(r, ld) {
							sent[f] = true
							continue
						}
					case *ssa.DebugRef:
						continue
					}
					other[f] = true
				}
			}
		}
	}
	for f := range other {
		delete(sent, f)
	}
	return sent
}

// sendsOnly reports whether every case of sel on ch is a send of another
// value.
func sendsOnly(sel *ssa.Select, ch ssa.Value) bool {
	found := false
	for _, st := range sel.States {
		if st.Send == ch {
			return false
		}
		if st.Chan != ch {
			continue
		}
		if st.Dir != types.SendOnly {
			return false
		}
		found = true
	}
	return found
}

// starterStays reports whether the function that runs g never returns or
// panics after it, and runs it once per call (not in a loop): the goroutine
// lives exactly as long as its starter.
func (m *model) starterStays(g *ssa.Go) bool {
	b := g.Block()
	if inCycle(b) {
		return false
	}
	idx := -1
	for i, in := range b.Instrs {
		if in == g {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	// The rest of g's block, then every block control can reach from it.
	for _, in := range b.Instrs[idx+1:] {
		if m.blocks(in) {
			return true
		}
		switch in.(type) {
		case *ssa.Return, *ssa.Panic:
			return false
		}
	}
	_, succs := m.step(b)
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := append([]*ssa.BasicBlock(nil), succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		n, next := m.step(x)
		switch in := x.Instrs[n-1].(type) {
		case *ssa.Return:
			return false
		case *ssa.Panic:
			if !syntheticPanic(in) {
				return false
			}
		case ssa.CallInstruction:
			if callee := in.Common().StaticCallee(); m.known[callee] && m.canEnd[callee] && !m.canReturn[callee] {
				return false // it can panic out of the starter
			}
		}
		work = append(work, next...)
	}
	return true
}

// inCycle reports whether control can come back to b from its successors.
func inCycle(b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return false
}

// servesReturned reports whether g is started once per call of a function
// that returns a value the goroutine shares (its receiver or argument, or
// a variable captured by both the goroutine and the returned closure), and
// that value has no stop method and holds no channel or cancel function
// through which it could end the goroutine. The go statement may also be
// in a function literal that the returned value runs only through a
// sync.Once it holds (a pool started on first use): once per value too.
func (m *model) servesReturned(g *ssa.Go, feeds map[*types.Var]bool) bool {
	held := make(map[ssa.Value]bool)
	hold := func(v ssa.Value) {
		v = ssanav.Unconverted(v)
		held[v] = true
		if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
			held[ld.X] = true // loaded from a variable: the variable
		}
	}
	for _, v := range g.Call.Args {
		hold(v)
	}
	if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
		for _, v := range mc.Bindings {
			hold(v)
		}
	}
	fn := g.Parent()
	if !inCycle(g.Block()) && m.returnsHeld(fn, held, feeds) {
		return true
	}
	mc := m.runOncePerValue(fn)
	if mc == nil {
		return false
	}
	outer := make(map[ssa.Value]bool)
	for v := range held {
		if fv, ok := v.(*ssa.FreeVar); ok {
			for i, x := range fn.FreeVars {
				if x == fv {
					outer[ssanav.Unconverted(mc.Bindings[i])] = true
				}
			}
		}
	}
	return m.returnsHeld(fn.Parent(), outer, feeds)
}

// returnsHeld reports whether fn returns one of the held values (or a
// closure capturing one) whose type offers no way to stop.
func (m *model) returnsHeld(fn *ssa.Function, held map[ssa.Value]bool, feeds map[*types.Var]bool) bool {
	if fn == nil || fn.Signature.Results().Len() == 0 || len(held) == 0 {
		return false
	}
	found := false
	for ret := range ssanav.Returns(fn) {
		for _, r := range ret.Results {
			r = ssanav.Unconverted(r)
			shared := held[r]
			if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
				// Returned from the variable the goroutine captures.
				shared = shared || held[ld.X]
			}
			if mc, ok := r.(*ssa.MakeClosure); ok {
				for _, v := range mc.Bindings {
					shared = shared || held[ssanav.Unconverted(v)]
				}
			}
			if !shared {
				continue
			}
			if m.stoppable(r.Type(), feeds) {
				return false
			}
			found = true
		}
	}
	return found
}

// runOncePerValue returns the closure value of a function literal fn when
// the only thing done with it (directly or through the local variable
// holding it) is to capture it in other closures of the same parent that
// hand it to Do of a sync.Once they also capture: fn then runs at most
// once per value those closures make up.
func (m *model) runOncePerValue(fn *ssa.Function) *ssa.MakeClosure {
	par := fn.Parent()
	if par == nil {
		return nil
	}
	var made *ssa.MakeClosure
	for _, b := range par.Blocks {
		for _, in := range b.Instrs {
			if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == fn {
				if made != nil {
					return nil
				}
				made = mc
			}
		}
	}
	if made == nil {
		return nil
	}
	// The handles: the closure value, and a variable only it is stored in.
	handles := []ssa.Value{made}
	for _, r := range refsOf(made) {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != made {
			continue
		}
		cell, ok := st.Addr.(*ssa.Alloc)
		if !ok {
			return nil
		}
		for _, use := range refsOf(cell) {
			if other, ok := use.(*ssa.Store); ok && other != st {
				return nil
			}
		}
		handles = append(handles, cell)
	}
	captured := false
	for _, h := range handles {
		for _, r := range refsOf(h) {
			switch r := r.(type) {
			case *ssa.Store:
				// The handle's own cell, checked above.
			case *ssa.MakeClosure:
				ofn := r.Fn.(*ssa.Function)
				for i, v := range r.Bindings {
					if v != h {
						continue
					}
					if !onlyOnceDo(ofn.FreeVars[i], h != ssa.Value(made)) {
						return nil
					}
					captured = true
				}
			default:
				return nil
			}
		}
	}
	if !captured {
		return nil
	}
	return made
}

// onlyOnceDo reports whether every use of a captured function (through a
// load when it is a captured variable) is as the function of a sync.Once's
// Do.
func onlyOnceDo(fv *ssa.FreeVar, cell bool) bool {
	uses := refsOf(fv)
	if len(uses) == 0 {
		return false
	}
	for _, use := range uses {
		f := ssa.Value(fv)
		if cell {
			ld, ok := use.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL {
				return false
			}
			f = ld
			lu := refsOf(ld)
			if len(lu) != 1 {
				return false
			}
			use = lu[0]
		}
		c, ok := use.(ssa.CallInstruction)
		if !ok || !onceDo(c.Common(), f) {
			return false
		}
	}
	return true
}

func refsOf(v ssa.Value) []ssa.Instruction {
	if rs := v.Referrers(); rs != nil {
		return *rs
	}
	return nil
}

// onceDo reports whether a call is Do, on a sync.Once the calling closure
// captures, with f as its function.
func onceDo(c *ssa.CallCommon, f ssa.Value) bool {
	callee := c.StaticCallee()
	if callee == nil || len(c.Args) != 2 || c.Args[1] != f {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.FullName() != "(*sync.Once).Do" {
		return false
	}
	_, captured := c.Args[0].(*ssa.FreeVar)
	return captured
}

// stoppable reports whether a value of type t can be told to stop: it has
// a stop method, or (a struct or a pointer to one declared in this
// package, embedded structs of this package included) holds a channel or
// a function. Types other than functions and such structs count as
// stoppable: the rule stays silent only where it can see everything.
func (m *model) stoppable(t types.Type, feeds map[*types.Var]bool) bool {
	if _, isFunc := t.Underlying().(*types.Signature); isFunc {
		return false
	}
	if m.hasStopMethod(t) {
		return true
	}
	return holdsStop(t, 0, feeds)
}

func (m *model) hasStopMethod(t types.Type) bool {
	ms := m.pkg.Prog.MethodSets.MethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
		ms = m.pkg.Prog.MethodSets.MethodSet(types.NewPointer(t))
	}
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		for _, s := range stopMethods {
			if fn.Name() != s.Name {
				continue
			}
			res := sig.Results()
			if res.Len() == 0 || s.ErrorOK && res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()) {
				return true
			}
		}
	}
	return false
}

// holdsStop reports whether a struct (t, or what t points to, of this
// package or another) has a channel or function field, or is not such a
// struct at all. The channels in feeds are what the goroutine consumes
// and something else sends on, not a way to end it. An embedded
// interface adds only its methods, which hasStopMethod has read.
func holdsStop(t types.Type, depth int, feeds map[*types.Var]bool) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || depth > 4 {
		return true
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return true
	}
	for f := range st.Fields() {
		switch f.Type().Underlying().(type) {
		case *types.Chan:
			if !feeds[f] {
				return true
			}
			continue
		case *types.Signature:
			return true
		}
		if f.Embedded() {
			inner := f.Type()
			if p, ok := inner.Underlying().(*types.Pointer); ok {
				inner = p.Elem()
			}
			if types.IsInterface(inner) {
				continue
			}
			if _, ok := types.Unalias(inner).(*types.Named); ok && holdsStop(inner, depth+1, feeds) {
				return true
			}
		}
	}
	return false
}

// signalHandler reports whether one of the receives of a never-ending
// loop is on a channel registered for the process's signals.
func (m *model) signalHandler(recvs []*op) bool {
	for _, o := range recvs {
		if m.signalChan(o.ch) {
			return true
		}
	}
	return false
}

func (m *model) signalChan(v ssa.Value) bool {
	// The channel itself, or the variable that holds it (a closure's
	// captured variable resolved to the one it captures).
	for range 4 {
		if fv, ok := v.(*ssa.FreeVar); ok {
			if v = capturedBy(fv); v == nil {
				return false
			}
			continue
		}
		if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
			v = ld.X
			continue
		}
		break
	}
	// Every value that is the channel: v, what is stored in v and loaded
	// from it, and their conversions.
	vals := []ssa.Value{v}
	seen := map[ssa.Value]bool{v: true}
	for i := 0; i < len(vals) && i < 32; i++ {
		rs := vals[i].Referrers()
		if rs == nil {
			continue
		}
		for _, r := range *rs {
			var next ssa.Value
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == vals[i] {
					next = r.Val
				}
			case *ssa.UnOp:
				if r.Op == token.MUL {
					next = r
				}
			case *ssa.ChangeType:
				next = r
			case ssa.CallInstruction:
				if m.registersSignals(r.Common(), vals[i]) {
					return true
				}
			}
			if next != nil && !seen[next] {
				seen[next] = true
				vals = append(vals, next)
			}
		}
	}
	return false
}

// registersSignals reports whether a call hands ch to a signal registrar.
func (m *model) registersSignals(c *ssa.CallCommon, ch ssa.Value) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return false
	}
	reg, ok := signalRegistrars[obj.FullName()]
	return ok && reg.Param < len(c.Args) && c.Args[reg.Param] == ch
}
