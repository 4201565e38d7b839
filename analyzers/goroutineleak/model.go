package goroutineleak

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// model is the package-wide view the checks share: every function with a
// body, which of them code outside the package may call, the channel flow
// classes, and which channel operations can never complete.
//
// "Never completes" is decided as a greatest fixpoint. Start by assuming
// that every operation that could be stuck (a receive nobody outside can
// feed, an unbuffered send nobody outside can take) is stuck, and that no
// channel in the package is ever closed; find the code still reachable
// from the package's entry points under that assumption; release every
// operation whose partner (a send, receive or close on the same class) is
// reachable; repeat until nothing changes. An operation still stuck at the
// end cannot complete in any run: the first one to complete would need a
// partner reached without passing another stuck operation, and the
// reachability computed above contains every such path.
type model struct {
	pass *analysis.Pass
	pkg  *ssa.Package
	flow *flow
	life *lifespan.Lifespan

	// endsOnError: whether a failing return of a function ends the
	// process (errorEndsProcess).
	endsOnError map[*ssa.Function]bool

	// writeMemo: whether a function of the package sets the state its
	// parameter addresses.
	writeMemo map[paramKey]bool

	funcs []*ssa.Function
	known map[*ssa.Function]bool
	open  map[*ssa.Function]bool
	roots []*ssa.Function

	opsOf map[ssa.Instruction][]*op
	syn   *syntax

	// The fixpoint's results.
	stuck     map[*op]bool
	closable  map[int32]bool
	canReturn map[*ssa.Function]bool
	canEnd    map[*ssa.Function]bool
	reached   map[*ssa.BasicBlock]int
	// reachedFuncs holds the functions whose code computeReached walked.
	reachedFuncs map[*ssa.Function]bool
	callers      map[*ssa.Function][]*ssa.Function

	// foreignEnds memoises foreignNeverEnds.
	foreignEnds map[*ssa.Function]string

	// maker, while handoff judges the goroutines of a function that makes
	// their channels and returns them (helperMade), is that function: a
	// class it makes counts as the parent's, and receives in its other
	// callers are on other calls' channels.
	maker *ssa.Function

	// lens memoises fixedLen.
	lens map[ssa.Value]fixedValue

	// unsent, while endsOnlyOnClose asks about a class nothing sends on
	// (-1 otherwise), is that class: with no close either, a receive on
	// it never completes.
	unsent int32
}

func newModel(pass *analysis.Pass, pkg *ssa.Package, srcFuncs []*ssa.Function) *model {
	// Every later model has whole's functions and entry points: only the
	// summaries that calls go through differ.
	whole := buildModel(pass, pkg, srcFuncs, nil)
	started := whole.openStarts()
	helpers := whole.sharedSenders()
	if len(started) == 0 && len(helpers) == 0 {
		return whole
	}
	var m *model
	local := make(map[*ssa.Function]*startFact)
	// Summarise the shared senders first, each apart from its callers,
	// so that the summaries of the functions started below see their
	// calls of them as sends. A sender that calls another is summarised
	// in the round after its callee's.
	for round := 0; round < 3 && len(helpers) > 0; round++ {
		apart := make(map[*ssa.Function]*startFact)
		for fn, f := range local {
			apart[fn] = f
		}
		for _, fn := range helpers {
			apart[fn] = &startFact{}
		}
		m = buildModelFrom(whole, apart)
		var rest []*ssa.Function
		for _, fn := range helpers {
			if f := m.senderSummary(fn); f != nil {
				local[fn] = f
			} else {
				rest = append(rest, fn)
			}
		}
		if len(rest) == len(helpers) {
			break
		}
		helpers = rest
	}
	if len(started) > 0 {
		// Summarise those functions in a model where no call passes them a
		// channel (an empty summary makes every argument escape), so that
		// their summaries say only what they themselves do.
		apart := make(map[*ssa.Function]*startFact)
		for fn, f := range local {
			apart[fn] = f
		}
		for _, fn := range started {
			apart[fn] = &startFact{}
		}
		m = buildModelFrom(whole, apart)
		for _, fn := range started {
			if f := m.selfSummary(fn); f != nil {
				local[fn] = f
			}
		}
	}
	if len(local) == 0 {
		return whole
	}
	return buildModelFrom(whole, local)
}

// sharedSenders returns the functions of the package, not reachable from
// outside it, that send on a channel parameter through which several
// channels made in the package flow (a "report(c, result)" helper that two
// goroutines call with their own result channels). The model unifies what
// flows into a parameter, so such a helper makes the channels one class
// and none of them a hand-off of its own; calling the helper through a
// summary of its sends keeps them apart.
func (m *model) sharedSenders() []*ssa.Function {
	var out []*ssa.Function
	for _, fn := range m.funcs {
		if m.open[fn] || fn.Parent() != nil || fn.Synthetic != "" || len(fn.FreeVars) > 0 {
			continue
		}
		for _, p := range fn.Params {
			if _, isChan := p.Type().Underlying().(*types.Chan); !isChan {
				continue
			}
			c := m.flow.class(m.flow.node(p))
			if len(c.makes) > 1 && m.onlySendsIn(fn, c) {
				out = append(out, fn)
				break
			}
		}
	}
	return out
}

// onlySendsIn reports whether every operation on the class in the code fn
// reaches is a send.
func (m *model) onlySendsIn(fn *ssa.Function, c *classInfo) bool {
	in := make(map[*ssa.Function]bool)
	for _, f := range m.reachFrom(fn) {
		in[f] = true
	}
	any := false
	for _, o := range c.ops {
		if in[o.instr.Parent()] {
			if o.kind != opSend {
				return false
			}
			any = true
		}
	}
	return any
}

// senderSummary is fn's summary when it sends on a channel parameter and
// the summary accounts for every channel parameter (none is passed on
// where the summary cannot follow); nil otherwise.
func (m *model) senderSummary(fn *ssa.Function) *startFact {
	fact := &startFact{}
	reach := m.reachFrom(fn)
	sends := false
	for i, p := range fn.Params {
		if _, isChan := p.Type().Underlying().(*types.Chan); !isChan {
			continue
		}
		pf := m.paramSummary(fn, i, reach)
		if pf.Other {
			return nil
		}
		sends = sends || pf.Sends > 0
		fact.Params = append(fact.Params, pf)
	}
	if !sends {
		return nil
	}
	return fact
}

// buildModel builds and solves the model. Calls of the functions in local
// are modelled by their summaries, as calls of another package's are.
func buildModel(pass *analysis.Pass, pkg *ssa.Package, srcFuncs []*ssa.Function, local map[*ssa.Function]*startFact) *model {
	m := emptyModel(pass, pkg, local)
	m.discover(srcFuncs)
	m.findOpen()
	m.finishModel(local)
	return m
}

// buildModelFrom builds and solves the model of the package of prev, with
// prev's functions and entry points (which do not depend on summaries:
// they are only read once found), calling the functions in local through
// their summaries.
func buildModelFrom(prev *model, local map[*ssa.Function]*startFact) *model {
	m := emptyModel(prev.pass, prev.pkg, local)
	m.funcs, m.known, m.open, m.roots = prev.funcs, prev.known, prev.open, prev.roots
	m.finishModel(local)
	return m
}

// fixedValue is a value fixed at compile time, if ok.
type fixedValue struct {
	n  int64
	ok bool
}

// fixedLen returns v's value when it is fixed at compile time: a
// constant, or the length of a slice literal or of a fixed table of the
// package (lifetime.FixedLen).
func (m *model) fixedLen(v ssa.Value) (int64, bool) {
	if n, ok := intConst(v); ok {
		return n, true
	}
	if _, ok := v.(*ssa.Call); !ok {
		return 0, false
	}
	fv, ok := m.lens[v]
	if !ok {
		fv.n, fv.ok = lifetime.FixedLen(m.pass, v)
		m.lens[v] = fv
	}
	return fv.n, fv.ok
}

func emptyModel(pass *analysis.Pass, pkg *ssa.Package, local map[*ssa.Function]*startFact) *model {
	m := &model{
		pass:      pass,
		pkg:       pkg,
		flow:      newFlow(pkg),
		life:      pass.ResultOf[lifespan.Analyzer].(*lifespan.Lifespan),
		writeMemo: make(map[paramKey]bool),
		known:     make(map[*ssa.Function]bool),
		open:      make(map[*ssa.Function]bool),
		opsOf:     make(map[ssa.Instruction][]*op),
		unsent:    -1,
		lens:      make(map[ssa.Value]fixedValue),

		foreignEnds: make(map[*ssa.Function]string),
	}
	m.flow.summary = func(fn *ssa.Function) *startFact {
		if f, ok := local[fn]; ok {
			return f
		}
		return m.importFact(fn)
	}
	m.flow.fixed = m.fixedLen
	return m
}

// finishModel builds the flow classes of the model's functions and
// solves the model.
func (m *model) finishModel(local map[*ssa.Function]*startFact) {
	for _, fn := range m.funcs {
		m.flow.function(fn, m.open[fn])
		if _, summarised := local[fn]; summarised && !m.open[fn] {
			// Its callers pass their channels through the summary: its
			// own parameters stand for whatever they pass.
			for _, p := range fn.Params {
				m.flow.markExternal(p)
			}
		}
	}
	m.flow.finish()
	for _, o := range m.flow.ops {
		m.opsOf[o.instr] = append(m.opsOf[o.instr], o)
	}
	m.solve()
}

// openStarts returns the functions that other packages may call and that
// this package starts as goroutines with channels of its own. The model is
// context-insensitive: such a function's channel parameters also stand
// for every channel another package might pass, and a channel passed at
// this package's go statement would take on all of them. Calling through
// a summary keeps the two apart.
func (m *model) openStarts() []*ssa.Function {
	var out []*ssa.Function
	seen := make(map[*ssa.Function]bool)
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				g, ok := in.(*ssa.Go)
				if !ok {
					continue
				}
				callee := g.Call.StaticCallee()
				if !m.known[callee] || !m.open[callee] || seen[callee] {
					continue
				}
				seen[callee] = true
				for _, p := range callee.Params {
					if _, isChan := p.Type().Underlying().(*types.Chan); isChan {
						out = append(out, callee)
						break
					}
				}
			}
		}
	}
	return out
}

// selfSummary says what fn does with its channel parameters, or nil when
// it passes them all on.
func (m *model) selfSummary(fn *ssa.Function) *startFact {
	fact := &startFact{}
	reach := m.reachFrom(fn)
	for i, p := range fn.Params {
		if _, isChan := p.Type().Underlying().(*types.Chan); !isChan {
			continue
		}
		if pf := m.paramSummary(fn, i, reach); !pf.Other {
			fact.Params = append(fact.Params, pf)
		}
	}
	if len(fact.Params) == 0 {
		return nil
	}
	return fact
}

func (m *model) add(fn *ssa.Function) {
	if fn == nil || m.known[fn] || !hasBody(fn) {
		return
	}
	m.known[fn] = true
	m.funcs = append(m.funcs, fn)
}

// discover collects every function with a body that the package's code
// reaches: its declarations, their closures, and the wrappers and
// instantiations they use.
func (m *model) discover(srcFuncs []*ssa.Function) {
	for _, fn := range srcFuncs {
		m.add(fn)
	}
	if init := m.pkg.Func("init"); init != nil {
		m.add(init)
	}
	var rands []*ssa.Value
	for i := 0; i < len(m.funcs); i++ {
		fn := m.funcs[i]
		for _, anon := range fn.AnonFuncs {
			m.add(anon)
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				rands = in.Operands(rands[:0])
				for _, rand := range rands {
					if rand == nil {
						continue
					}
					switch v := (*rand).(type) {
					case *ssa.Function:
						if v.Pkg == m.pkg || v.Pkg == nil {
							m.add(v)
						}
					case *ssa.MakeClosure:
						m.add(v.Fn.(*ssa.Function))
					}
				}
			}
		}
	}
}

// findOpen marks the functions that code outside the model may call, and
// the package's entry points (roots).
func (m *model) findOpen() {
	mainPkg := m.pkg.Pkg.Name() == "main"
	directives := m.directiveFuncs()
	var rands []*ssa.Value
	for _, fn := range m.funcs {
		obj, _ := fn.Object().(*types.Func)
		if obj != nil && fn.Origin() == nil && fn.Synthetic == "" {
			if (!mainPkg && obj.Exported()) || directives[obj] || m.isTestEntry(fn) {
				m.open[fn] = true
			}
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				rands = m.valueUses(in, rands[:0])
				if mi, ok := in.(*ssa.MakeInterface); ok {
					m.openMethods(mi.X.Type())
				}
			}
		}
	}
	for fn := range m.open {
		// A function literal runs only once the code that makes it has
		// run: it is reached through its closure, not an entry point.
		if fn.Parent() == nil {
			m.roots = append(m.roots, fn)
		}
	}
	// A function that starts a goroutine, or calls one that does, is an
	// entry point too, even when nothing calls it: each finding is about
	// what happens once that code runs, so the code around it must count
	// as running (its sends and closes must not look dead).
	starts := make(map[*ssa.Function]bool)
	callers := make(map[*ssa.Function][]*ssa.Function)
	var work []*ssa.Function
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if _, ok := in.(*ssa.Go); ok && !starts[fn] {
					starts[fn] = true
					work = append(work, fn)
				}
				// A go statement calls its function as a call does:
				// with arguments the model sees.
				if c, ok := in.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); m.known[callee] {
						callers[callee] = append(callers[callee], fn)
					}
				}
			}
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if par := fn.Parent(); par != nil {
			if !starts[par] {
				starts[par] = true
				work = append(work, par)
			}
			continue
		}
		m.roots = append(m.roots, fn)
		if len(callers[fn]) == 0 && !m.open[fn] && fn != m.pkg.Func("main") {
			// Nothing calls it: what its parameters hold is unknown.
			m.open[fn] = true
			m.roots = append(m.roots, fn)
		}
		for _, c := range callers[fn] {
			if !starts[c] {
				starts[c] = true
				work = append(work, c)
			}
		}
	}
	if init := m.pkg.Func("init"); init != nil {
		m.roots = append(m.roots, init)
	}
	if mainPkg {
		if main := m.pkg.Func("main"); main != nil {
			m.roots = append(m.roots, main)
		}
	}
}

// valueUses opens every function that in uses as a value rather than
// calls: it may be called from anywhere. It lists in's operands in
// rands, whose array it returns for reuse.
func (m *model) valueUses(in ssa.Instruction, rands []*ssa.Value) []*ssa.Value {
	var callee *ssa.Value
	if c, ok := in.(ssa.CallInstruction); ok {
		callee = &c.Common().Value
	}
	if mc, ok := in.(*ssa.MakeClosure); ok {
		// The literal a closure is made of: how the closure is used
		// decides (below, where it is an operand).
		callee = &mc.Fn
	}
	rands = in.Operands(rands)
	for _, rand := range rands {
		if rand == nil || rand == callee {
			continue
		}
		switch v := (*rand).(type) {
		case *ssa.Function:
			if m.known[v] {
				m.open[v] = true
			}
		case *ssa.MakeClosure:
			if fn := v.Fn.(*ssa.Function); m.known[fn] && !m.onlyCalled(v) {
				m.open[fn] = true
			}
		}
	}
	return rands
}

// onlyCalled reports whether a closure value is only ever called (or
// started, or deferred) where it is made.
func (m *model) onlyCalled(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		c, ok := r.(ssa.CallInstruction)
		if !ok || c.Common().Value != mc {
			return false
		}
		for _, a := range c.Common().Args {
			if a == mc {
				return false
			}
		}
	}
	return true
}

// openMethods opens the methods of t declared in this package: once t is
// in an interface, anything may call them.
func (m *model) openMethods(t types.Type) {
	ms := m.pkg.Prog.MethodSets.MethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
		if _, isNamed := types.Unalias(t).(*types.Named); isNamed {
			ms = m.pkg.Prog.MethodSets.MethodSet(types.NewPointer(t))
		}
	}
	for i := 0; i < ms.Len(); i++ {
		obj, ok := ms.At(i).Obj().(*types.Func)
		if !ok || obj.Pkg() != m.pkg.Pkg {
			continue
		}
		fn := m.pkg.Prog.FuncValue(obj)
		if fn == nil && obj.Origin() != obj {
			// A method of a generic type instantiated with the type
			// parameters of the function that makes the interface: its
			// generic body is what the model holds.
			fn = m.pkg.Prog.FuncValue(obj.Origin())
		}
		if fn != nil {
			m.add(fn)
			m.open[fn] = true
		}
	}
}

// directiveFuncs returns the functions that a //go:linkname or //export
// directive exposes to code the analysis cannot see.
func (m *model) directiveFuncs() map[*types.Func]bool {
	out := make(map[*types.Func]bool)
	for _, f := range m.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			for _, c := range fd.Doc.List {
				if strings.HasPrefix(c.Text, "//go:linkname") || strings.HasPrefix(c.Text, "//export ") {
					if obj, ok := m.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						out[obj] = true
					}
				}
			}
		}
	}
	return out
}

// isTestEntry reports whether go test may call fn: a function of a
// _test.go file that takes one *testing.T, *testing.B, *testing.F or
// *testing.M, or an exported one that takes and returns nothing (an
// example).
func (m *model) isTestEntry(fn *ssa.Function) bool {
	sig := fn.Signature
	if sig.Recv() != nil || fn.Parent() != nil {
		return false
	}
	f := m.pass.Fset.File(fn.Pos())
	if f == nil || !strings.HasSuffix(f.Name(), "_test.go") {
		return false
	}
	if sig.Params().Len() == 0 && sig.Results().Len() == 0 {
		obj, ok := fn.Object().(*types.Func)
		return ok && obj.Exported()
	}
	if sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return false
	}
	p, ok := sig.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing"
}

// solve runs the fixpoint described on model.
func (m *model) solve() { m.solveRounds(true) }

// solveRounds runs the fixpoint, walking after the first round only what
// can change (incremental) or everything in every round.
func (m *model) solveRounds(incremental bool) {
	m.stuck = make(map[*op]bool)
	m.closable = make(map[int32]bool)
	for _, o := range m.flow.ops {
		if m.mayStick(o) {
			m.stuck[o] = true
		}
	}
	for id, c := range m.flow.info {
		if c != nil && (c.closer || c.escSend) {
			m.closable[int32(id)] = true
		}
	}
	m.inheritClosable()
	m.callers = make(map[*ssa.Function][]*ssa.Function)
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); m.known[callee] {
						m.callers[callee] = append(m.callers[callee], fn)
					}
				}
			}
		}
	}
	// Every assumption only weakens from one round to the next (fewer
	// stuck operations, more closable classes, more functions that can
	// return), so what a walk finds only grows: after the first round,
	// only the functions whose walk can find more are walked again (those
	// holding an operation the round released, or one on a class it made
	// closable, and the callers of a function that can now return).
	var dirty *funcSet
	for round := 0; ; round++ {
		returned := m.computeExits(dirty)
		for _, fn := range returned {
			for _, c := range m.callers[fn] {
				dirty.add(c)
			}
		}
		m.computeReached(dirty)
		dirty = m.release()
		if dirty == nil || round > 50 {
			return
		}
		if !incremental {
			dirty = nil
		}
	}
}

// funcSet is a set of functions in the order they were added. A nil set
// stands for every function.
type funcSet struct {
	in   map[*ssa.Function]bool
	list []*ssa.Function
}

func (s *funcSet) add(fn *ssa.Function) {
	if s == nil || s.in[fn] {
		return
	}
	if s.in == nil {
		s.in = make(map[*ssa.Function]bool)
	}
	s.in[fn] = true
	s.list = append(s.list, fn)
}

// mayStick reports whether o could be stuck at all: nothing outside the
// model can be its partner, and (for a send) no buffer can absorb it.
func (m *model) mayStick(o *op) bool {
	if o.virtual {
		return false
	}
	c := m.flow.info[o.class]
	if m.testSupplied(o, c) {
		return false
	}
	switch o.kind {
	case opRecv:
		return !c.extSrc && !c.escSend
	case opSend:
		if c.extSrc || c.escRecv {
			return false
		}
		for _, mk := range c.makes {
			if n, ok := m.flow.capacity(mk, m.open); !ok || n != 0 {
				return false
			}
		}
		return true
	}
	return false
}

// testSupplied reports whether o, in non-test code, works on a channel
// that no non-test code makes: not a context's, not an explicit nil, made
// (if at all) only in _test.go files. The package's own code leaves it nil
// (a test hook: "if db.syncChan != nil { db.syncChan <- msg }", a request
// type only tests build), so the operation runs only when a test has
// supplied the channel, and that test is its partner.
func (m *model) testSupplied(o *op, c *classInfo) bool {
	if c.isDone || c.hasNil || m.inTestFile(o.instr.Pos()) {
		return false
	}
	for _, mk := range c.makes {
		if !m.inTestFile(mk.Pos()) {
			return false
		}
	}
	return true
}

func (m *model) inTestFile(pos token.Pos) bool {
	f := m.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// release frees every stuck operation with a reachable partner and marks
// classes with a reachable close as closable. It returns the functions
// holding an operation whose assumption changed, or nil when nothing did.
func (m *model) release() *funcSet {
	type partners struct{ send, recv, close bool }
	live := make(map[int32]*partners)
	for _, o := range m.flow.ops {
		if !m.opReached(o) {
			continue
		}
		p := live[o.class]
		if p == nil {
			p = &partners{}
			live[o.class] = p
		}
		switch o.kind {
		case opSend:
			p.send = true
		case opRecv:
			p.recv = true
		case opClose:
			p.close = true
		}
	}
	before := make(map[int32]bool, len(m.closable))
	for class := range m.closable {
		before[class] = true
	}
	for class, p := range live {
		if p.close {
			m.closable[class] = true
		}
	}
	m.inheritClosable()
	changed := len(m.closable) != len(before)
	dirty := &funcSet{}
	for _, o := range m.flow.ops {
		if !before[o.class] && m.closable[o.class] {
			dirty.add(o.instr.Parent())
		}
		if !m.stuck[o] {
			continue
		}
		p := live[o.class]
		if o.kind == opRecv && m.closable[o.class] ||
			p != nil && (o.kind == opRecv && p.send || o.kind == opSend && p.recv) {
			delete(m.stuck, o)
			dirty.add(o.instr.Parent())
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return dirty
}

// inheritClosable marks a derived context's Done channel closable when
// the Done channel of a context it derives from is. It reports whether
// anything changed.
func (m *model) inheritClosable() bool {
	changed := false
	for again := true; again; {
		again = false
		for id, c := range m.flow.info {
			if c == nil || m.closable[int32(id)] {
				continue
			}
			for _, w := range c.within {
				if m.closable[m.flow.find(w)] {
					m.closable[int32(id)] = true
					again, changed = true, true
					break
				}
			}
		}
	}
	return changed
}

func (m *model) opReached(o *op) bool {
	b := o.instr.Block()
	n, ok := m.reached[b]
	if !ok {
		return false
	}
	for i := 0; i < n && i < len(b.Instrs); i++ {
		if b.Instrs[i] == o.instr {
			return true
		}
	}
	return false
}

// computeExits decides, for every function, whether it can return and
// whether it can end at all (return or panic), as a least fixpoint over
// the call graph: a function that only calls itself never returns. With
// a dirty set it starts from the last round's answers and walks again only
// the functions in it and, as answers change, their callers. It returns
// the functions that can return now and could not before.
func (m *model) computeExits(dirty *funcSet) []*ssa.Function {
	work := m.funcs
	if dirty == nil {
		m.canReturn = make(map[*ssa.Function]bool)
		m.canEnd = make(map[*ssa.Function]bool)
	} else {
		work = dirty.list
	}
	work = append([]*ssa.Function(nil), work...)
	var returned []*ssa.Function
	queued := make(map[*ssa.Function]bool)
	for _, fn := range work {
		queued[fn] = true
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		queued[fn] = false
		ret, end := false, false
		m.walk(fn, func(b *ssa.BasicBlock, n int) {
			last := b.Instrs[n-1]
			switch in := last.(type) {
			case *ssa.Return:
				ret, end = true, true
			case *ssa.Panic:
				if !syntheticPanic(in) {
					end = true
				}
			case ssa.CallInstruction:
				if callee := in.Common().StaticCallee(); m.known[callee] && m.canEnd[callee] {
					end = true
				}
			}
		})
		if ret != m.canReturn[fn] || end != m.canEnd[fn] {
			if ret && !m.canReturn[fn] && dirty != nil {
				returned = append(returned, fn)
			}
			m.canReturn[fn], m.canEnd[fn] = ret, end
			for _, c := range m.callers[fn] {
				if !queued[c] {
					queued[c] = true
					work = append(work, c)
				}
			}
		}
	}
	return returned
}

// computeReached finds the code reachable from the roots. With a dirty
// set it adds to the last round's answer: the functions in it that were
// reached are walked again, and whatever they now reach for the first
// time.
func (m *model) computeReached(dirty *funcSet) {
	var work []*ssa.Function
	again := make(map[*ssa.Function]bool)
	if dirty == nil {
		m.reached = make(map[*ssa.BasicBlock]int)
		m.reachedFuncs = make(map[*ssa.Function]bool)
		work = append(work, m.roots...)
	} else {
		for _, fn := range dirty.list {
			if m.reachedFuncs[fn] {
				again[fn] = true
				work = append(work, fn)
			}
		}
	}
	seen := m.reachedFuncs
	var rands []*ssa.Value
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[fn] && !again[fn] {
			continue
		}
		seen[fn] = true
		delete(again, fn)
		m.walk(fn, func(b *ssa.BasicBlock, n int) {
			m.reached[b] = n
			for _, in := range b.Instrs[:n] {
				switch in := in.(type) {
				case ssa.CallInstruction:
					if callee := in.Common().StaticCallee(); m.known[callee] && !seen[callee] {
						work = append(work, callee)
					}
				case *ssa.MakeClosure:
					// Made and called elsewhere (a value use opened it) or
					// called where made: either way reachable from here.
					if fn := in.Fn.(*ssa.Function); !seen[fn] {
						work = append(work, fn)
					}
				}
				rands = in.Operands(rands[:0])
				for _, rand := range rands {
					if fn, ok := (*rand).(*ssa.Function); ok && rand != nil && m.open[fn] && !seen[fn] {
						work = append(work, fn)
					}
				}
			}
		})
	}
}

// walk visits the blocks of fn reachable from its entry under the current
// assumptions, with the number of leading instructions of each block that
// run (fewer than all when the block stops at a stuck operation, a call
// that never returns, a panic or a return).
func (m *model) walk(fn *ssa.Function, visit func(b *ssa.BasicBlock, n int)) {
	if len(fn.Blocks) == 0 {
		return
	}
	seen := make([]bool, len(fn.Blocks))
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	seen[0] = true
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		n, succs := m.step(b)
		visit(b, n)
		for _, s := range succs {
			if !seen[s.Index] {
				seen[s.Index] = true
				work = append(work, s)
			}
		}
	}
}

// step returns how many instructions of b run and which successors
// control can reach.
func (m *model) step(b *ssa.BasicBlock) (int, []*ssa.BasicBlock) {
	for i, in := range b.Instrs {
		if m.blocks(in) {
			return i + 1, nil
		}
		switch in := in.(type) {
		case *ssa.Panic, *ssa.Return:
			return i + 1, nil
		case *ssa.If:
			return i + 1, m.liveSuccs(b, in)
		case *ssa.Jump:
			return i + 1, b.Succs
		}
	}
	return len(b.Instrs), b.Succs
}

// isStuck reports whether o can never complete: the fixpoint found it
// stuck, or it receives from the class endsOnlyOnClose takes to be never
// closed and that nothing sends on.
func (m *model) isStuck(o *op) bool {
	return m.stuck[o] || (o.kind == opRecv && o.class == m.unsent)
}

// blocks reports whether control never passes in.
func (m *model) blocks(in ssa.Instruction) bool {
	switch in := in.(type) {
	case *ssa.UnOp, *ssa.Send:
		for _, o := range m.opsOf[in] {
			if m.isStuck(o) {
				return true
			}
		}
	case *ssa.Select:
		if !in.Blocking {
			return false
		}
		for _, o := range m.opsOf[in] {
			if !m.isStuck(o) {
				return false
			}
		}
		return true
	case ssa.CallInstruction:
		if _, isCall := in.(*ssa.Call); !isCall {
			return false
		}
		callee := in.Common().StaticCallee()
		if m.known[callee] && !m.canReturn[callee] {
			return true
		}
		if callee != nil && !m.known[callee] && m.foreignNeverEnds(callee) != "" {
			return true
		}
	}
	return false
}

// foreignNeverEnds returns why fn, a function of another package, never
// returns or panics, as its summary says, or "".
func (m *model) foreignNeverEnds(fn *ssa.Function) string {
	why, ok := m.foreignEnds[fn]
	if !ok {
		if f := m.importFact(fn); f != nil {
			why = f.NeverEnds
		}
		m.foreignEnds[fn] = why
	}
	return why
}

// liveSuccs drops the branches of a select that pick a stuck case and the
// "closed" branch of a receive on a channel that nothing closes.
func (m *model) liveSuccs(b *ssa.BasicBlock, in *ssa.If) []*ssa.BasicBlock {
	if sel, k, ok := selectCase(in.Cond); ok {
		for _, o := range m.opsOf[sel] {
			if o.index == k && m.isStuck(o) {
				return b.Succs[1:]
			}
		}
		return b.Succs
	}
	if dead := m.closedBranch(in.Cond); dead >= 0 {
		return []*ssa.BasicBlock{b.Succs[1-dead]}
	}
	if dead := m.nilBranch(in.Cond); dead >= 0 {
		return []*ssa.BasicBlock{b.Succs[1-dead]}
	}
	return b.Succs
}

// nilBranch returns which successor (0 or 1) of an If comparing a variable
// with nil cannot be taken because nothing but nil is ever stored in the
// variable (a named result that is never set, "if conn != nil {
// conn.Close() }"), or -1.
func (m *model) nilBranch(cond ssa.Value) int {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return -1
	}
	x, y := bin.X, bin.Y
	if c, ok := x.(*ssa.Const); ok && c.IsNil() {
		x, y = y, x
	}
	if c, ok := y.(*ssa.Const); !ok || !c.IsNil() {
		return -1
	}
	ld, ok := x.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL || !m.onlyNil(ld.X, 0) {
		return -1
	}
	if bin.Op == token.NEQ {
		return 0 // "x != nil" is never true
	}
	return 1
}

// onlyNil reports whether the variable at addr (a local, or a closure's
// captured local) only ever holds nil: every store into it stores nil, and
// its address goes nowhere but to loads and closures that do the same.
func (m *model) onlyNil(addr ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch a := addr.(type) {
	case *ssa.Alloc:
		return m.usesOnlyNil(a, depth)
	case *ssa.FreeVar:
		fn := a.Parent()
		idx := -1
		for i, fv := range fn.FreeVars {
			if fv == a {
				idx = i
			}
		}
		par := fn.Parent()
		if idx < 0 || par == nil || !m.usesOnlyNil(a, depth) {
			return false
		}
		found := false
		for _, b := range par.Blocks {
			for _, in := range b.Instrs {
				if mc, ok := in.(*ssa.MakeClosure); ok && mc.Fn == fn {
					found = true
					if !m.onlyNil(mc.Bindings[idx], depth+1) {
						return false
					}
				}
			}
		}
		return found
	}
	return false
}

func (m *model) usesOnlyNil(addr ssa.Value, depth int) bool {
	refs := addr.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != addr {
				return false
			}
			// "return conn" stores the named result back into itself.
			if ld, ok := r.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && ld.X == addr {
				continue
			}
			if c, ok := r.Val.(*ssa.Const); !ok || !c.IsNil() {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			fn := r.Fn.(*ssa.Function)
			for i, b := range r.Bindings {
				if b == addr && (i >= len(fn.FreeVars) || !m.usesOnlyNil(fn.FreeVars[i], depth+1)) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// selectCase recognises the dispatch "index == k" after a select.
func selectCase(cond ssa.Value) (*ssa.Select, int, bool) {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || bin.Op.String() != "==" {
		return nil, 0, false
	}
	ex, ok := bin.X.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil, 0, false
	}
	sel, ok := ex.Tuple.(*ssa.Select)
	if !ok {
		return nil, 0, false
	}
	k, ok := bin.Y.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return nil, 0, false
	}
	return sel, int(k.Int64()), true
}

// closedBranch returns which successor (0 or 1) of an If on a receive's ok
// flag stands for "the channel was closed" when no close can happen, or -1.
func (m *model) closedBranch(cond ssa.Value) int {
	closedIf := 1
	if not, ok := cond.(*ssa.UnOp); ok && not.Op.String() == "!" {
		cond, closedIf = not.X, 0
	}
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return -1
	}
	switch t := ex.Tuple.(type) {
	case *ssa.UnOp:
		if t.CommaOk && len(m.opsOf[t]) > 0 && !m.closable[m.opsOf[t][0].class] {
			return closedIf
		}
	case *ssa.Select:
		any := false
		for _, o := range m.opsOf[t] {
			if o.kind == opRecv {
				any = true
				if m.closable[o.class] {
					return -1
				}
			}
		}
		if any {
			return closedIf
		}
	}
	return -1
}

// syntheticPanic recognises the panic SSA places after a blocking select's
// last case test, which no execution reaches.
func syntheticPanic(p *ssa.Panic) bool {
	mi, ok := p.X.(*ssa.MakeInterface)
	if !ok {
		return false
	}
	c, ok := mi.X.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String &&
		constant.StringVal(c.Value) == "blocking select matched no case"
}
