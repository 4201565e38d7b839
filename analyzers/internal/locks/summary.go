package locks

import (
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// effectKind is what a call does to a lock its caller can name.
type effectKind uint8

const (
	// effAcquires: the function returns holding the lock on every path
	// (a lock helper); its caller owns the release.
	effAcquires effectKind = iota + 1
	// effReleases: the function releases a lock it did not take (an
	// unlock helper).
	effReleases
	// effLocks: the function takes the lock on every path that returns,
	// and releases it again; a caller that holds it deadlocks.
	effLocks
)

// Effect is one entry of a summary: the lock (a key on the function's
// parameters or a package-level variable), what the function does to it
// and whether it is an RWMutex's read lock.
type Effect struct {
	Key  string
	Kind effectKind
	Read bool
}

func (e Effect) String() string {
	mode := ""
	if e.Read {
		mode = "read "
	}
	switch e.Kind {
	case effAcquires:
		return "acquires " + mode + e.Key
	case effReleases:
		return "releases " + mode + e.Key
	case effLocks:
		return "locks " + mode + e.Key
	}
	return "?"
}

// lockFact is a function's summary as other packages see it.
type lockFact struct {
	Effects []Effect
	Aliases []Alias // what the function's results hold (handle.go)
	Fresh   []int   // the results that are new objects or nil
}

func (*lockFact) AFact() {}

func (f *lockFact) String() string {
	var parts []string
	for _, e := range f.Effects {
		parts = append(parts, e.String())
	}
	for _, al := range f.Aliases {
		parts = append(parts, al.String())
	}
	for _, i := range f.Fresh {
		parts = append(parts, "r"+strconv.Itoa(i)+" new")
	}
	return "locks(" + strings.Join(parts, ", ") + ")"
}

// event is what one instruction does to one lock, in the keys of the
// function being walked.
type event struct {
	kind  eventKind
	key   key
	read  bool
	via   *ssa.Function // the callee whose summary says so, if any
	instr ssa.Instruction
}

type eventKind uint8

const (
	evAcquire      eventKind = iota + 1 // Lock, RLock, or a lock helper's call
	evTryAcquire                        // TryLock, TryRLock
	evRelease                           // Unlock, RUnlock, an unlock helper, a closure that unlocks
	evDeferRelease                      // a deferred release: covers every path after it
	evLocks                             // a call that takes and releases the lock
	evPassed                            // the lock itself is handed to code nobody can see
	evAdd                               // wg.Add
	evDone                              // wg.Done
	evDeferDone                         // defer wg.Done()
	evWait                              // wg.Wait
)

// checker is the state of one run: summaries per function, events per
// instruction, the findings.
type checker struct {
	pass      *analysis.Pass
	noReturn  *noreturn.Result
	funcs     []*ssa.Function
	summaries map[*ssa.Function][]Effect
	busy      map[*ssa.Function]bool
	events    map[ssa.Instruction][]event
	writers   map[any][]ssa.CallInstruction // by mutexIdentity, see writerOf
	writerFor map[originKey]ssa.CallInstruction
	// what results hold and the call roots of keys (handle.go)
	resultsOf   map[*ssa.Function]resultFacts
	resultsBusy map[*ssa.Function]bool
	rootsOf     map[*ssa.Function]map[string]callRoot
	findings    []report.Diagnostic
	exported    []exportedSummary

	callIdx    *callIndex
	consts     map[paramRef]paramConsts
	constsBusy map[paramRef]bool
}

func newAnalysis(pass *analysis.Pass, funcs []*ssa.Function) *checker {
	return &checker{
		pass:      pass,
		noReturn:  pass.ResultOf[noreturn.Analyzer].(*noreturn.Result),
		funcs:     funcs,
		summaries: map[*ssa.Function][]Effect{},
		busy:      map[*ssa.Function]bool{},
		events:    map[ssa.Instruction][]event{},
		writers:   map[any][]ssa.CallInstruction{},
		writerFor: map[originKey]ssa.CallInstruction{},

		resultsOf:   map[*ssa.Function]resultFacts{},
		resultsBusy: map[*ssa.Function]bool{},
		rootsOf:     map[*ssa.Function]map[string]callRoot{},

		consts:     map[paramRef]paramConsts{},
		constsBusy: map[paramRef]bool{},
	}
}

// summariseNamed summarises the package's named functions and methods,
// in source order, and lists those that acquire or release a lock their
// callers can name: the facts to export.
func (a *checker) summariseNamed() {
	for _, fn := range a.funcs {
		if fn.Parent() != nil || fn.Object() == nil {
			continue
		}
		var out []Effect
		for _, e := range a.summary(fn) {
			if !strings.HasPrefix(e.Key, "fv") {
				out = append(out, e)
			}
		}
		res := a.results(fn)
		if len(out) > 0 || len(res.aliases) > 0 {
			a.exported = append(a.exported, exportedSummary{fn, out, res})
		}
	}
}

// exportedSummary is a named function's summary as a fact will hold it.
type exportedSummary struct {
	fn      *ssa.Function
	effects []Effect
	results resultFacts
}

// summary returns fn's effects on the locks its callers can name. A
// function being summarised (recursion) has none, which never invents an
// acquisition or a release.
func (a *checker) summary(fn *ssa.Function) []Effect {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if s, ok := a.summaries[fn]; ok {
		return s
	}
	if fn.Blocks == nil || a.busy[fn] {
		return a.importedSummary(fn)
	}
	if fn.Pkg != nil && fn.Pkg.Pkg != a.pass.Pkg {
		return a.importedSummary(fn)
	}
	a.busy[fn] = true
	s := a.computeSummary(fn)
	delete(a.busy, fn)
	a.summaries[fn] = s
	return s
}

func (a *checker) importedSummary(fn *ssa.Function) []Effect {
	obj := fn.Object()
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == a.pass.Pkg {
		return nil
	}
	var f lockFact
	if a.pass.ImportObjectFact(obj, &f) {
		return f.Effects
	}
	return nil
}

type lockMode struct {
	key  key
	read bool
}

func (a *checker) computeSummary(fn *ssa.Function) []Effect {
	acquired := map[lockMode]bool{}
	released := map[lockMode]bool{}
	var order []lockMode
	note := func(m lockMode) {
		if !acquired[m] && !released[m] {
			order = append(order, m)
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(fn, in) {
				if !visible(ev.key) {
					continue
				}
				m := lockMode{ev.key, ev.read}
				switch ev.kind {
				case evAcquire, evTryAcquire, evLocks:
					note(m)
					acquired[m] = true
				case evRelease, evDeferRelease:
					note(m)
					released[m] = true
				}
			}
		}
	}
	var out []Effect
	for _, m := range order {
		switch {
		case released[m] && !acquired[m]:
			out = append(out, Effect{m.key, effReleases, m.read})
		case acquired[m] && !released[m]:
			if a.mustPass(fn, m, func(ev event) bool { return ev.kind == evAcquire }) {
				out = append(out, Effect{m.key, effAcquires, m.read})
			}
		case acquired[m] && released[m]:
			if a.enteredHolding(fn, m.key, m.read) {
				// Released and taken again: the caller's lock, held on
				// return as on entry.
				continue
			}
			if a.releasedFirst(fn, m.key, !m.read, m.read) {
				// Taken and released only after the caller's lock of the
				// other mode is released (`mu.Unlock(); mu.RLock();
				// mu.RUnlock(); mu.Lock()`): it holds none of the
				// caller's.
				continue
			}
			if a.mustPass(fn, m, func(ev event) bool { return ev.kind == evAcquire || ev.kind == evLocks }) {
				out = append(out, Effect{m.key, effLocks, m.read})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// releasedFirst reports whether every path from fn's entry to an
// acquisition of the lock k in mode acq has released it in mode rel
// before.
func (a *checker) releasedFirst(fn *ssa.Function, k key, rel, acq bool) bool {
	return a.releaseComesFirst(fn, k, rel, acq, true)
}

// mustPass reports whether every path from fn's entry to a normal return
// passes an event on m for which pass is true, and some path returns.
func (a *checker) mustPass(fn *ssa.Function, m lockMode, pass func(event) bool) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	return a.mustPassFrom(fn, fn.Blocks[0], 0, m, false, pass)
}

// mustPassFrom is mustPass for the paths from instruction from of b. With
// nonNil, a branch on whether the value the lock is reached through is
// nil follows only its non-nil edge: a path with a nil owner never had
// the lock to hold.
func (a *checker) mustPassFrom(fn *ssa.Function, b *ssa.BasicBlock, from int, m lockMode, nonNil bool, pass func(event) bool) bool {
	seen := map[*ssa.BasicBlock]bool{}
	returns := false
	var walk func(b *ssa.BasicBlock, from int) bool
	walk = func(b *ssa.BasicBlock, from int) bool {
		for _, in := range b.Instrs[from:] {
			for _, ev := range a.eventsOf(fn, in) {
				if ev.key == m.key && ev.read == m.read && pass(ev) {
					returns = true
					return true
				}
			}
			switch in.(type) {
			case *ssa.Return:
				return false
			case *ssa.Panic:
				return true
			}
			if a.blocksForever(in) {
				return true
			}
		}
		succs := b.Succs
		if nonNil {
			if s := nonNilEdge(fn, b, m.key); s != nil {
				succs = []*ssa.BasicBlock{s}
			}
		}
		for _, s := range succs {
			if seen[s] {
				continue
			}
			seen[s] = true
			if !walk(s, 0) {
				return false
			}
		}
		return true
	}
	return walk(b, from) && returns
}

// nonNilEdge returns the successor of b taken when the value the lock k
// is reached through is not nil, when b ends in such a test
// (`if d != nil`, `if d == nil`), or nil.
func nonNilEdge(fn *ssa.Function, b *ssa.BasicBlock, k key) *ssa.BasicBlock {
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.NEQ && bin.Op != token.EQL {
		return nil
	}
	x := bin.X
	if c, ok := x.(*ssa.Const); ok && c.Value == nil {
		x = bin.Y
	} else if c, ok := bin.Y.(*ssa.Const); !ok || c.Value != nil {
		return nil
	}
	if _, ok := x.(*ssa.Const); ok {
		return nil
	}
	if xk := keyOf(fn, x); xk == "" || !strings.HasPrefix(k, xk+".") {
		return nil
	}
	if bin.Op == token.NEQ {
		return b.Succs[0]
	}
	return b.Succs[1]
}

// blocksForever reports whether in is a call of a function that never
// returns and never ends the goroutine (SSA already ends the paths of
// calls that exit or panic).
func (a *checker) blocksForever(in ssa.Instruction) bool {
	c, ok := in.(*ssa.Call)
	if !ok {
		return false
	}
	callee := c.Call.StaticCallee()
	if callee == nil || callee.Object() == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	return ok && a.noReturn.BlocksForever(obj)
}

// eventsOf returns what in does to locks and WaitGroups, in fn's keys.
// Only calls, defers, go statements and closures do anything; the
// answer for them is kept, since every walk asks it again.
func (a *checker) eventsOf(fn *ssa.Function, in ssa.Instruction) []event {
	switch in.(type) {
	case *ssa.Call, *ssa.Defer, *ssa.Go, *ssa.MakeClosure:
	default:
		return nil
	}
	if evs, ok := a.events[in]; ok {
		return evs
	}
	a.events[in] = nil // a call cycle through closures sees nothing
	var evs []event
	switch in := in.(type) {
	case *ssa.Call:
		evs = a.callEvents(fn, in.Common(), in)
	case *ssa.Defer:
		for _, ev := range a.callEvents(fn, in.Common(), in) {
			switch ev.kind {
			case evRelease:
				ev.kind = evDeferRelease
				evs = append(evs, ev)
			case evDone:
				ev.kind = evDeferDone
				evs = append(evs, ev)
			case evPassed:
				evs = append(evs, ev)
			}
		}
	case *ssa.Go:
		// A goroutine that releases the lock is the lock handed over by
		// design; one that acquires it blocks itself, not this one.
		for _, ev := range a.callEvents(fn, in.Common(), in) {
			switch ev.kind {
			case evRelease, evPassed:
				evs = append(evs, ev)
			}
		}
		evs = append(evs, a.handedToGoroutine(fn, in)...)
	case *ssa.MakeClosure:
		// A closure that releases the lock (a callback, a returned
		// unlock function) hands the release to whoever calls it.
		for _, ev := range a.closureEvents(fn, in, in) {
			if ev.kind == evRelease || ev.kind == evDeferRelease {
				ev.kind = evRelease
				evs = append(evs, ev)
			}
		}
	}
	a.events[in] = evs
	return evs
}

// callEvents is what a call does, in the caller's keys. The keys of the
// arguments are made only where they name something: for code nobody
// can see, for the first argument of a sync operation, and for a callee
// whose summary has an effect.
func (a *checker) callEvents(fn *ssa.Function, c *ssa.CallCommon, in ssa.Instruction) []event {
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && !c.IsInvoke() {
		return a.closureEventsArgs(fn, mc, c.Args, in)
	}
	callee := c.StaticCallee()
	if c.IsInvoke() || callee == nil {
		// Code nobody can see: a lock (or WaitGroup) passed to it may be
		// released there.
		var evs []event
		passed := func(x ssa.Value) {
			if k := a.canon(fn, keyOf(fn, x)); k != "" {
				evs = append(evs, event{kind: evPassed, key: k, instr: in})
			}
		}
		for _, x := range c.Args {
			passed(x)
		}
		if c.IsInvoke() {
			passed(c.Value)
		}
		return evs
	}
	if op, ok := syncOpOf(funcObj(callee)); ok {
		if len(c.Args) == 0 {
			return nil
		}
		k := a.canon(fn, keyOf(fn, c.Args[0]))
		if k == "" {
			return nil
		}
		ev := event{key: k, read: op.read, instr: in}
		switch op.kind {
		case opAcquire:
			ev.kind = evAcquire
		case opTryAcquire:
			ev.kind = evTryAcquire
		case opRelease:
			ev.kind = evRelease
		case opAdd:
			ev.kind = evAdd
		case opDone:
			ev.kind = evDone
		case opWait:
			ev.kind = evWait
		}
		return []event{ev}
	}
	return a.summaryEvents(fn, callee, c.Args, nil, in)
}

func (a *checker) closureEvents(fn *ssa.Function, mc *ssa.MakeClosure, in ssa.Instruction) []event {
	return a.closureEventsArgs(fn, mc, nil, in)
}

// closureEventsArgs is what calling the closure mc with args does.
func (a *checker) closureEventsArgs(fn *ssa.Function, mc *ssa.MakeClosure, args []ssa.Value, in ssa.Instruction) []event {
	callee, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return nil
	}
	return a.summaryEvents(fn, callee, args, mc.Bindings, in)
}

// keysOf is the keys of vs in fn.
func keysOf(fn *ssa.Function, vs []ssa.Value) []key {
	if len(vs) == 0 {
		return nil
	}
	ks := make([]key, len(vs))
	for i, x := range vs {
		ks[i] = keyOf(fn, x)
	}
	return ks
}

// summaryEvents turns callee's summary into the events of calling it at
// in, with its parameters (and free variables) bound to args (bindings),
// values of fn.
func (a *checker) summaryEvents(fn, callee *ssa.Function, argVals, bindVals []ssa.Value, in ssa.Instruction) []event {
	effects := a.summary(callee)
	if len(effects) == 0 {
		return nil
	}
	args, bindings := keysOf(fn, argVals), keysOf(fn, bindVals)
	var evs []event
	for _, e := range effects {
		k := a.canon(fn, rebase(e.Key, args, bindings))
		if k == "" {
			continue
		}
		ev := event{key: k, read: e.Read, via: callee, instr: in}
		switch e.Kind {
		case effAcquires:
			ev.kind = evAcquire
		case effReleases:
			ev.kind = evRelease
		case effLocks:
			ev.kind = evLocks
		}
		evs = append(evs, ev)
	}
	return evs
}

func funcObj(fn *ssa.Function) *types.Func {
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// handedToGoroutine is the release of the locks a goroutine started at g
// is entered holding: its function releases the lock before it takes it
// on some path (`go func() { for { ...; mu.Unlock(); mu.Lock(); ... } }()`),
// so the starter's lock passes to it, and the starter's next Lock waits
// for that Unlock rather than for ever. The summary of such a function
// says nothing (it gives back what it was given), which is right for a
// call but not for a goroutine.
func (a *checker) handedToGoroutine(fn *ssa.Function, g *ssa.Go) []event {
	c := g.Common()
	callee := c.StaticCallee()
	var bindVals []ssa.Value
	if mc, ok := c.Value.(*ssa.MakeClosure); ok && !c.IsInvoke() {
		callee, _ = mc.Fn.(*ssa.Function)
		bindVals = mc.Bindings
	}
	if callee == nil || callee.Blocks == nil || callee.Pkg != fn.Pkg {
		return nil
	}
	var args, bindings []key
	seen := map[lockMode]bool{}
	var evs []event
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(callee, in) {
				m := lockMode{ev.key, ev.read}
				if ev.kind != evRelease || !visible(ev.key) || seen[m] {
					continue
				}
				seen[m] = true
				if !a.acquiredIn(callee, ev.key) || !a.enteredHolding(callee, ev.key, ev.read) {
					continue // an unlock helper's release is in its summary
				}
				if args == nil && bindings == nil {
					args, bindings = keysOf(fn, c.Args), keysOf(fn, bindVals)
				}
				if k := a.canon(fn, rebase(ev.key, args, bindings)); k != "" {
					evs = append(evs, event{kind: evRelease, key: k, read: ev.read, via: callee, instr: g})
				}
			}
		}
	}
	return evs
}
