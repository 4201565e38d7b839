package lifetime

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/mention"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// engine holds the per-package state of one run: summaries are memoised
// per function, so each function body is walked once per question.
type engine struct {
	pass  *analysis.Pass
	table *resource.Table
	// closer is the kind used for parameters whose type is not a table
	// type but can be released (io.Closer, io.ReadCloser, net.Conn, T
	// constrained by io.Closer).
	closer *resource.Kind

	pkg       *ssa.Package
	summaries map[*ssa.Function]*analysisResult
	keeps     map[paramRef]lending
	// failsOnFalse memoises failsTestWhenFalse for this package's helpers.
	failsOnFalse map[*ssa.Function]bool
	inProgress   map[*ssa.Function]bool
	closures     map[closureKey]closureEffect
	// retested memoises retestedIn (decided.go).
	retested map[*ssa.Function]*condInfo
	// testFail memoises what test code does to the running test
	// (testfail.go); made on the first question.
	testFail *testFail
	// funcRefs: the package's named functions (unreferenced.go); made on
	// the first question.
	funcRefs *funcRefs
	// quiet memoises quietWriterParam (nobody.go): whether a function of
	// the package writes no body through a ResponseWriter parameter.
	quiet map[paramRef]bool
	// memOnly memoises memoryOnlyResult; memBusy cuts recursion in
	// resultMethods (memreader.go).
	memOnly map[memKey]bool
	memBusy map[memKey]bool
	// nothing memoises ownsNothing (memreader.go), false while it is
	// being decided.
	nothing map[memKey]bool
	// flagged memoises flaggedEffect (flags.go); flaggedBusy cuts
	// recursion.
	flagged     map[flagKey]ParamEffect
	flaggedBusy map[flagKey]bool
	// waits memoises callWaits (heldover.go).
	waits map[*ssa.Function]bool
	// ownedParamsMemo memoises ownedParams (goowner.go).
	ownedParamsMemo map[*ssa.Function][]int
	// typeReach memoises reachableUnlessAsserted (typeguard.go).
	typeReach map[typeGuardKey]map[*ssa.BasicBlock]bool
	// impls memoises implementations (implementations.go); nil where
	// the answer is not known.
	impls map[implKey][]impl
	// conversions records what the package's own interfaces' values are
	// made from (implementations.go); made on the first question.
	conversions *conversions
	// rows indexes the reads of test tables' rows (tablerows.go); made on
	// the first question.
	rows *rowIndex
	// globalKeeps and paramStores memoise keepsInGlobal and
	// storesIntoParams (globalkeep.go).
	globalKeeps map[globalKeepKey]bool
	paramStores map[globalKeepKey][]int
	// errPreds memoises falseOnNil (errpred.go).
	errPreds map[errPredKey]bool
	// kindTypes memoises kindType (kindtype.go).
	kindTypes map[string]types.Type
}

type closureKey struct {
	fn      *ssa.Function
	fv      ssa.Value // a free variable, or a parameter of a deferred literal
	kind    string
	tracked tracked
}

// analysisResult is everything learnt from one function body.
type analysisResult struct {
	summary  *Summary
	findings []Finding
}

func newEngine(pass *analysis.Pass, table *resource.Table) *engine {
	return &engine{
		pass:  pass,
		table: table,
		closer: &resource.Kind{ID: closerKind, Check: "closecheck", Noun: "value",
			Release: table.ReleaseNames(), ReleaseText: "Close"},
		summaries:    map[*ssa.Function]*analysisResult{},
		keeps:        map[paramRef]lending{},
		failsOnFalse: map[*ssa.Function]bool{},
		inProgress:   map[*ssa.Function]bool{},
		closures:     map[closureKey]closureEffect{},
		retested:     map[*ssa.Function]*condInfo{},
		memOnly:      map[memKey]bool{},
		memBusy:      map[memKey]bool{},
		nothing:      map[memKey]bool{},
		flagged:      map[flagKey]ParamEffect{},
		impls:        map[implKey][]impl{},
		flaggedBusy:  map[flagKey]bool{},
		waits:        map[*ssa.Function]bool{},
		typeReach:    map[typeGuardKey]map[*ssa.BasicBlock]bool{},
		globalKeeps:  map[globalKeepKey]bool{},
		paramStores:  map[globalKeepKey][]int{},
		errPreds:     map[errPredKey]bool{},
	}
}

// closable reports whether a parameter of type t can receive a resource
// and release it: a table type, an interface with a release method, or a
// type parameter whose constraint has one.
func (e *engine) closable(t types.Type) bool {
	if t == nil {
		return false
	}
	if e.table.KindOfType(t) != nil {
		return true
	}
	var iface *types.Interface
	switch u := types.Unalias(t).(type) {
	case *types.TypeParam:
		iface, _ = u.Constraint().Underlying().(*types.Interface)
	default:
		iface, _ = t.Underlying().(*types.Interface)
	}
	if iface == nil {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if e.table.IsReleaseName(m.Name()) && m.Type().(*types.Signature).Params().Len() == 0 {
			return true
		}
	}
	return false
}

// kindFor returns the kind to track for a parameter of type t.
func (e *engine) kindFor(t types.Type) *resource.Kind {
	if k := e.table.KindOfType(t); k != nil {
		return k
	}
	return e.closer
}

// summaryOf returns fn's summary. known is false when fn's behaviour
// cannot be known (it is being summarised further up the stack: recursion).
func (e *engine) summaryOf(fn *ssa.Function) (*Summary, bool) {
	if fn.Pkg == e.pkg && fn.Blocks != nil {
		if e.inProgress[fn] {
			// Recursion: the function is being summarised further up the
			// stack. Assuming it does nothing keeps the walk finite and never
			// invents a release.
			return nil, true
		}
		return e.analyze(fn).summary, true
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		return nil, true
	}
	var s Summary
	if e.pass.ImportObjectFact(obj.Origin(), &s) {
		return &s, true
	}
	return nil, true
}

// analyze computes fn's summary and findings once.
func (e *engine) analyze(fn *ssa.Function) (r *analysisResult) {
	if r, ok := e.summaries[fn]; ok {
		return r
	}
	e.inProgress[fn] = true
	r = &analysisResult{summary: &Summary{}}
	defer func() {
		delete(e.inProgress, fn)
		if p := recover(); p != nil {
			// One function's failure must not cost the rest of the run: it
			// gets an empty summary and an internal error of its own.
			r = &analysisResult{summary: &Summary{}, findings: []Finding{e.internalError(fn, p)}}
		}
		e.summaries[fn] = r
	}()
	if panicHook != nil {
		panicHook(fn)
	}
	e.summariseParams(fn, r.summary)
	r.summary.Forwards = forwards(fn)
	r.summary.Holds = e.fieldHolds(fn)
	e.trackAcquisitions(fn, r)
	e.goroutineOwnedResults(fn, r.summary)
	r.summary.sort()
	return r
}

// panicHook lets tests force a failure inside the engine.
var panicHook func(*ssa.Function)

// CategoryInternal marks a finding that reports leakvet's own failure.
const CategoryInternal = "internal"

func (e *engine) internalError(fn *ssa.Function, p any) Finding {
	reason := strings.SplitN(fmt.Sprint(p), "\n", 2)[0]
	return Finding{
		Check:    AllChecks,
		Category: CategoryInternal,
		Pos:      fn.Pos(),
		End:      fn.Pos(),
		Message: "internal error: leakvet could not analyze " + fn.Name() + ": " + reason +
			" (this is a bug in leakvet; please report it with this function)",
	}
}

// AllChecks in Finding.Check means every lifetime check reports it.
const AllChecks = "*"

func (e *engine) summariseParams(fn *ssa.Function, s *Summary) {
	if len(fn.Blocks) == 0 {
		return
	}
	for i, p := range fn.Params {
		if e.drainsReader(fn, p) {
			s.Drains = append(s.Drains, i)
			continue
		}
		if e.usesDescriptor(fn, p) {
			s.Uses = append(s.Uses, i)
			continue
		}
		if !e.closable(p.Type()) && !e.hasReleaseMethod(p.Type()) {
			if isInterface(p.Type()) && !isEmptyInterface(p.Type()) && e.keepsInGlobal(fn, i) {
				s.Globals = append(s.Globals, i)
			}
			continue
		}
		eff, drains := e.walkParam(fn, i, decisions{})
		if drains {
			s.Drains = append(s.Drains, i)
			continue
		}
		if !e.closable(p.Type()) && !wrapperEffectKept(fn, i, eff) {
			continue
		}
		if eff.When != Never {
			eff.Index = i
			s.Params = append(s.Params, eff)
		}
	}
}

// walkParam walks fn from its entry with parameter i as the resource and
// turns the outcome into what fn does with it for its callers; drains
// reports that fn neither releases nor keeps it but reads it to its end on
// every path. start holds what the walk takes as decided from the entry
// on (flagged parameters, flags.go); the summary's walk decides nothing.
func (e *engine) walkParam(fn *ssa.Function, i int, start decisions) (eff ParamEffect, drains bool) {
	p := fn.Params[i]
	kind := e.kindFor(p.Type())
	t := newTracker(e, fn, kind)
	t.add(p, tracked{role: roleWhole})
	t.param = true
	t.startDec = start
	t.run()
	out := t.paths(fn.Blocks[0], 0, nil)
	eff = t.effect(out)
	if eff.When == Never && t.drainsOnEveryPath(out) {
		return eff, true
	}
	if eff.When == Always && !eff.Releases && t.cleanupRegistered() {
		// A test helper that registers the release of what it keeps
		// the parameter in: released when the test ends.
		eff.Releases = true
	}
	if eff.When == Always && !eff.Releases && returnsOutcome(fn) && !t.returnedOnFailure() {
		eff.NotOnFailure = true
	}
	if !e.closable(p.Type()) && !(eff.When == Always && eff.Releases) {
		switch e.tearsDownField(fn, p) {
		case Always:
			// A wrapper's teardown (`mc.cleanup()` closing mc.conn): a
			// release of the resource it holds.
			eff = ParamEffect{When: Always, Releases: true}
		case OnSuccess:
			// A protocol's goodbye (`c.Quit()` closing c.conn once the
			// server has answered, and returning nil only then): a
			// release where it succeeds.
			if eff.When == Never {
				eff = ParamEffect{When: OnSuccess, Releases: true}
			}
		case OnFailure:
			// A login that gives up the connection when it fails
			// (`c.conn.Close()` before each error return): a release
			// where it fails, while its success leaves the wrapper open.
			if eff.When == Never {
				eff = ParamEffect{When: OnFailure, Releases: true}
			}
		}
	}
	return eff, false
}

// drainsReader reports whether fn reads its parameter p, an interface
// through which a kind's released part can be passed (an io.Reader given
// a response body), to its end on every path: the parameter is walked as
// that part.
func (e *engine) drainsReader(fn *ssa.Function, p *ssa.Parameter) bool {
	if !isInterface(p.Type()) || isEmptyInterface(p.Type()) || e.closable(p.Type()) && e.table.KindOfType(p.Type()) != nil {
		return false
	}
	for _, k := range e.table.Kinds() {
		if len(k.DrainFuncs) == 0 || k.Field == "" {
			continue
		}
		t := newTracker(e, fn, k)
		t.add(p, tracked{role: rolePart, field: k.Field})
		t.param = true
		t.run()
		if !t.drains() {
			continue // nothing reads it to the end: no walk needed
		}
		if t.drainsOnEveryPath(t.paths(fn.Blocks[0], 0, nil)) {
			return true
		}
	}
	return false
}

// drains reports whether some use of the tracked value reads it to its end.
func (t *tracker) drains() bool {
	for _, ev := range t.events {
		if ev.kind == evDrain {
			return true
		}
	}
	return len(t.eofErrs) > 0
}

// drainsOnEveryPath reports whether the walk out, from a function's entry,
// found the tracked value read to its end at every normal return, and
// neither released nor handed on anywhere: what a caller passes there is
// drained by the call and still the caller's to release.
func (t *tracker) drainsOnEveryPath(out outcome) bool {
	if len(t.kind.DrainFuncs) == 0 || len(out.leaks) == 0 || out.pendingExit {
		return false
	}
	for _, ev := range t.events {
		if ev.kind != evDrain {
			return false
		}
	}
	for _, x := range out.leaks {
		if !x.drained || x.loop {
			return false
		}
	}
	return true
}

// wrapperEffectKept reports whether the effect eff of fn on its parameter
// i, whose type is a wrapper (not a table type, but with a release
// method), is worth a summary. A release on any path is: a teardown
// helper (`closeSession(s)`), one that releases only when it fails
// (`sendRPC(conn)` calling conn.Release() before each error return) or
// only when it succeeds (`c.Quit()` closing after the server's answer).
// Keeping it is worth one when the wrapper is handed to another function
// (`newPipeline(conn)` storing it in what it returns, a helper that
// closes it on failure and hands it back as its io.Closer result), but
// not for a method's own receiver: a method that stores or returns its
// receiver (`go c.loop()`, `return c` of a builder) is the wrapper's own
// behaviour, not a hand-over, and a long-lived value would be "kept" by
// every such method.
func wrapperEffectKept(fn *ssa.Function, i int, eff ParamEffect) bool {
	switch {
	case eff.When == Never:
		return false
	case eff.Releases:
		return true
	}
	return !(i == 0 && fn.Signature.Recv() != nil)
}

// effect turns the outcome of a walk from a function's entry into what the
// function does with the value for its callers.
func (t *tracker) effect(out outcome) ParamEffect {
	releases := true
	for _, ev := range t.events {
		if ev.kind != evRelease && !ev.ownUse() && !(ev.kind == evPendingSuccess && ev.releases) {
			releases = false
		}
	}
	switch {
	case len(out.leaks) == 0 && out.pendingExit:
		return ParamEffect{When: Always}
	case len(out.leaks) == 0:
		return ParamEffect{When: Always, Releases: releases}
	case out.unknownLeak || out.successLeak && out.failureLeak || !returnsOutcome(t.fn):
		return ParamEffect{When: Never}
	case out.failureLeak && hasExit(t.fn, 0):
		return ParamEffect{When: OnSuccess, Releases: releases}
	case out.successLeak && hasExit(t.fn, 1):
		return ParamEffect{When: OnFailure, Releases: releases}
	}
	// A function that always fails (a parseError helper) discharges
	// nothing "on success": it never succeeds.
	return ParamEffect{When: Never}
}

// tearsDownField reports on which paths fn releases a resource that its
// parameter p (a pointer to a struct) holds in a field. Always: every
// normal return has closed what it loaded from p.F, or finds p.F nil, or
// finds the once-only flag of an earlier teardown set; it makes a method
// such as `func (c *conn) cleanup()` closing one of the table's types a
// release of c for its callers. OnSuccess: every return that can carry a
// nil error has closed it, and only the returns of an error leave it
// open (`func (c *Client) Quit() error` closing the connection once the
// server has acknowledged). OnFailure: every return that can carry a
// non-nil error has closed it, and only the returns of nil leave it open
// (a login that closes the connection when the server refuses it). A
// struct may hold more than one resource: where the field is a wrapper
// with a release method (a *textproto.Conn), or the release happens only
// on one outcome, the answer holds only when fn releases every field that
// the type's own release method (its Close) releases on every path: fn
// does what Close does.
func (e *engine) tearsDownField(fn *ssa.Function, p *ssa.Parameter) When {
	tds := e.fieldTeardowns(fn, p)
	for _, td := range tds {
		if td.when == Always && td.table {
			return Always
		}
	}
	own, self, ok := e.ownReleaseFields(fn, p)
	if self {
		for _, td := range tds {
			if td.when == Always {
				return Always
			}
		}
		return Never
	}
	if !ok || len(own) == 0 {
		return Never
	}
	when := Always
	for _, f := range own {
		i := slices.IndexFunc(tds, func(td fieldTeardown) bool { return td.field == f })
		switch {
		case i < 0:
			return Never
		case tds[i].when == Always:
		case when == Always || when == tds[i].when:
			when = tds[i].when
		default:
			return Never // closes one field on success, another on failure
		}
	}
	return when
}

// fieldTeardown says on which paths a function releases one field of its
// parameter, and whether that field is of one of the table's types
// (rather than a wrapper with a release method).
type fieldTeardown struct {
	field int
	when  When
	table bool
}

// fieldTeardowns walks, for each field of the struct p points to that
// holds a resource and that fn loads from p, the loaded values as the
// resource, and returns the fields fn releases on some paths.
func (e *engine) fieldTeardowns(fn *ssa.Function, p *ssa.Parameter) []fieldTeardown {
	ptr, ok := p.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	if _, ok := ptr.Elem().Underlying().(*types.Struct); !ok {
		return nil
	}
	loads := map[int][]ssa.Value{}
	var fields []int
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			u, ok := instr.(*ssa.UnOp)
			if !ok || u.Op != token.MUL {
				continue
			}
			fa, ok := u.X.(*ssa.FieldAddr)
			if !ok || fa.X != p || !e.closable(u.Type()) && !e.hasReleaseMethod(u.Type()) {
				continue
			}
			if _, seen := loads[fa.Field]; !seen {
				fields = append(fields, fa.Field)
			}
			loads[fa.Field] = append(loads[fa.Field], u)
		}
	}
	slices.Sort(fields)
	var out []fieldTeardown
	for _, f := range fields {
		vs := loads[f]
		t := newTracker(e, fn, e.kindFor(vs[0].Type()))
		for _, v := range vs {
			t.add(v, tracked{role: roleWhole})
		}
		t.param = true
		t.run()
		eff := t.effect(t.paths(fn.Blocks[0], 0, nil))
		if eff.Releases && eff.When != Never {
			out = append(out, fieldTeardown{field: f, when: eff.When, table: e.closable(vs[0].Type())})
		}
	}
	return out
}

// ownReleaseFields returns the fields that the release method of p's
// type (its Close), a method of this package, releases on every path;
// self reports that fn is that method.
func (e *engine) ownReleaseFields(fn *ssa.Function, p *ssa.Parameter) (fields []int, self, ok bool) {
	name := e.releaseMethodOf(p.Type())
	if name == "" {
		return nil, false, false
	}
	obj, _, _ := types.LookupFieldOrMethod(p.Type(), true, e.pass.Pkg, name)
	m, isFunc := obj.(*types.Func)
	if !isFunc || m.Pkg() != e.pass.Pkg {
		return nil, false, false
	}
	rel := e.pkg.Prog.FuncValue(m)
	if rel == fn {
		return nil, true, true
	}
	if rel == nil || rel.Pkg != e.pkg || len(rel.Params) == 0 || !types.Identical(rel.Params[0].Type(), p.Type()) {
		return nil, false, false
	}
	for _, td := range e.fieldTeardowns(rel, rel.Params[0]) {
		if td.when == Always {
			fields = append(fields, td.field)
		}
	}
	return fields, false, true
}

// returnedOnFailure reports whether some return that can carry a non-nil
// error (or a false ok) hands the tracked value, or a holder of it, back to
// the caller.
func (t *tracker) returnedOnFailure() bool {
	for instr, ev := range t.events {
		ret, ok := instr.(*ssa.Return)
		if !ok || ev.kind != evTransfer || errNilness(ret) == 0 {
			continue
		}
		if ret.Block() == t.fn.Recover && !namedResults(t.fn) {
			// The return after a recovered panic hands back what a
			// return statement stored in the (unnamed) results before
			// the deferred calls ran, or zero values: nothing that the
			// function's own returns do not hand back.
			continue
		}
		return true
	}
	return false
}

// namedResults reports whether fn's results have names, which its body
// (or a deferred call) may assign anywhere.
func namedResults(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	for i := 0; i < res.Len(); i++ {
		if n := res.At(i).Name(); n != "" && n != "_" {
			return true
		}
	}
	return false
}

// hasExit reports whether fn has a return whose outcome is nilness
// (0 success, 1 failure) or unknown.
func hasExit(fn *ssa.Function, nilness int) bool {
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(b.Preds) > 0 || ok && b.Index == 0 {
			if n := errNilness(ret); n == nilness || n == -1 {
				return true
			}
		}
	}
	return false
}

// effectOn is what a function literal does with a captured variable.
// releasesSome reports whether the literal releases it on at least one
// path: a deferred cleanup closure guarded by a flag of its own
// (`if !closed { f.Close() }`) is trusted to release.
func (e *engine) effectOn(fn *ssa.Function, fv ssa.Value, kind *resource.Kind, tr tracked) (eff ParamEffect, releasesSome bool) {
	k := closureKey{fn, fv, kind.ID, tr}
	if c, ok := e.closures[k]; ok {
		return c.eff, c.some
	}
	e.closures[k] = closureEffect{ParamEffect{When: Always}, false, false} // recursion through itself: assume it keeps
	drains := false
	if len(fn.Blocks) > 0 && (tr.role == rolePart || tr.role == roleWhole || tr.role == roleCell) {
		t := newTracker(e, fn, kind)
		t.add(fv, tr)
		t.run()
		out := t.paths(fn.Blocks[0], 0, nil)
		eff = t.effect(out)
		drains = eff.When == Never && t.drainsOnEveryPath(out)
		releasesSome = false
		for _, ev := range t.events {
			if ev.kind == evRelease {
				releasesSome = true
			}
		}
		for _, ev := range t.events {
			if ev.kind != evRelease && !ev.ownUse() {
				releasesSome = false
			}
		}
	}
	e.closures[k] = closureEffect{eff, releasesSome, drains}
	return eff, releasesSome
}

// drainsCaptured reports whether the function literal fn reads the
// resource it captures as fv to its end on every path, neither releasing
// nor keeping it (see effectOn).
func (e *engine) drainsCaptured(fn *ssa.Function, fv ssa.Value, kind *resource.Kind, tr tracked) bool {
	e.effectOn(fn, fv, kind, tr)
	return e.closures[closureKey{fn, fv, kind.ID, tr}].drains
}

type closureEffect struct {
	eff    ParamEffect
	some   bool
	drains bool
}

// acquisition is one call whose result must be released.
type acquisition struct {
	call   *ssa.Call
	result int
	kind   *resource.Kind
	// evidence, for a resource that a callee's summary says it returns
	// owned: where the callee returns it unreleased ("client.go:42").
	evidence string
	// withError: the callee may return it together with a non-nil error.
	withError bool
	// drained: the callee read its released part to the end before
	// returning it (OwnedResult.Drained).
	drained bool
	// onlyIfNil: the caller's parameters that must be nil for the callee
	// to have acquired it (OwnedResult.OnlyIfNil mapped to the call).
	onlyIfNil []int
	// onlyIfType: the conditions on the caller's parameters' dynamic
	// types under which the callee acquired it (OwnedResult.OnlyIfType
	// mapped to the call).
	onlyIfType []TypeCondition
}

func (e *engine) acquisitions(call *ssa.Call) []acquisition {
	c := call.Common()
	var acqs []acquisition
	var obj *types.Func
	if c.IsInvoke() {
		obj = c.Method
	} else if callee := c.StaticCallee(); callee != nil {
		obj, _ = callee.Object().(*types.Func)
	}
	// The table states the API's contract and wins over a summary of the
	// callee's body, which may see what the API wraps instead: sqlx's
	// Queryx returns the *sql.Rows it acquires inside a *sqlx.Rows, and
	// pgxpool's Begin the pooled connection inside the transaction.
	a, ok := e.table.Acquirer(obj)
	if !ok && c.IsInvoke() && !e.implementationsKnown(c) {
		// An interface whose implementations the package cannot list:
		// the contract of the method it stands for answers, unless the
		// package itself makes values of the interface that do not keep
		// it (an in-memory stand-in for the client).
		a, ok = e.table.InterfaceAcquirerOf(obj, e.kindType)
		if ok && e.standInFor(call, a) {
			a, ok = resource.Acquirer{}, false
		}
	}
	if obj == nil {
		a, obj, ok = e.funcValueAcquirer(c)
	}
	if ok {
		if e.bodiless(call) {
			return nil // http.NoBody: nothing held
		}
		if e.acquiredInMemory(call, obj.Name(), a.Result) {
			return nil // the receiver's dynamic type hands out memory alone
		}
		if e.fromMemoryDatabase(c) {
			return nil // a mock database's driver answers from memory
		}
		if e.fromTestContext(c) {
			return nil // released when the test whose context it is ends
		}
		if e.intercepted(call, obj) {
			return nil // a mocking library's transport answers from memory
		}
		if k := e.table.Kind(a.Kind); k != nil && k.LocalOnly && !staysLocal(call, a.Result) {
			return nil // kept beyond the function, where such values live on
		}
		if k := e.table.Kind(a.Kind); k != nil && e.leaksIn(k, call.Pos()) && !e.heldInMemory(call, a, k) && !e.answeredInMemory(call, obj) {
			acqs = append(acqs, acquisition{call: call, result: a.Result, kind: k})
		}
		return acqs
	}
	if e.table.IsExempt(obj) {
		return nil
	}
	if c.IsInvoke() {
		return e.implementedAcquisitions(call)
	}
	if callee := c.StaticCallee(); callee != nil && !c.IsInvoke() {
		if s, _ := e.summaryOf(originOf(callee)); s != nil {
			if method, _ := e.roundTripOf(callee); method != "" && len(s.Results) > 0 && e.answeredInMemory(call, obj) {
				return nil // a round tripper of the package that answers in memory
			}
			if len(s.Results) > 0 && e.intercepted(call, obj) {
				return nil // a mocking library's transport, interception on
			}
			for _, r := range s.Results {
				if resource.HoldsNothing(obj, r.Index) {
					continue // documented to need no release
				}
				params, none := calledOnlyIfNil(call, r.OnlyIfNil)
				if none {
					continue // acquired only where this call passes a value
				}
				conds, none := calledOnlyIfType(call, r.OnlyIfType)
				if none {
					continue // acquired only for arguments of a type this call does not show
				}
				if e.fromMemoryHandle(call, r.Handle) {
					continue // taken from a mock database the receiver was made from
				}
				if passesTestHandle(call, r.UnlessTest) {
					continue // released by the Cleanup of the test's handle passed there
				}
				if k := e.kindByID(r.Kind); k != nil {
					acqs = append(acqs, acquisition{call, r.Index, k, r.At, r.WithError, r.Drained, params, conds})
				}
			}
			acqs = append(acqs, e.forwardedAcquisitions(call, s)...)
		}
	}
	return acqs
}

// forwardedAcquisitions returns what a call of a forwarding function (a
// timeout or retry wrapper that returns what its function parameter
// returns) acquires: the owned results of the function the call passes
// there, a function literal or a named function of the program.
func (e *engine) forwardedAcquisitions(call *ssa.Call, s *Summary) []acquisition {
	var acqs []acquisition
	args := call.Common().Args
	for _, f := range s.Forwards {
		if f.Param >= len(args) {
			continue
		}
		var fn *ssa.Function
		switch a := args[f.Param].(type) {
		case *ssa.Function:
			fn = a
		case *ssa.MakeClosure:
			fn, _ = a.Fn.(*ssa.Function)
		}
		if fn == nil {
			continue
		}
		fs, _ := e.summaryOf(originOf(fn))
		if fs == nil {
			continue
		}
		for _, r := range fs.Results {
			if r.Index != f.Result || len(r.OnlyIfNil) > 0 || len(r.OnlyIfType) > 0 || len(r.UnlessTest) > 0 {
				continue
			}
			if k := e.kindByID(r.Kind); k != nil {
				acqs = append(acqs, acquisition{call, r.Index, k, r.At, r.WithError, r.Drained, nil, nil})
			}
		}
	}
	return acqs
}

// forwards returns the results that every return of fn takes from a call
// of one of its parameters (the same parameter for all of them).
func forwards(fn *ssa.Function) []Forward {
	if len(fn.Blocks) == 0 {
		return nil
	}
	n := fn.Signature.Results().Len()
	var out []Forward
	for j := 0; j < n; j++ {
		param := -1
		returns := 0
		ok := true
		for _, b := range fn.Blocks {
			ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !isRet || !ok {
				continue
			}
			returns++
			k := forwardedParam(fn, ret, j, n)
			if k < 0 || param >= 0 && k != param {
				ok = false
				continue
			}
			param = k
		}
		if ok && returns > 0 && param >= 0 && !cancelsEveryCall(fn, fn.Params[param]) {
			out = append(out, Forward{Result: j, Param: param})
		}
	}
	return out
}

// cancelsEveryCall reports whether every call of f in fn is given a
// context that fn derives and cancels in a defer (a deadline wrapper): the
// transport tears down what the call returns once fn returns, so the
// caller is handed nothing that still holds a connection.
func cancelsEveryCall(fn *ssa.Function, f *ssa.Parameter) bool {
	calls := 0
	for _, ref := range *f.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok || call.Call.Value != f {
			continue
		}
		calls++
		if !slices.ContainsFunc(call.Call.Args, func(a ssa.Value) bool { return cancelledOnReturn(fn, a) }) {
			return false
		}
	}
	return calls > 0
}

// cancelledOnReturn reports whether ctx is the context of a
// context.WithCancel, WithTimeout or WithDeadline call in fn whose cancel
// function fn defers.
func cancelledOnReturn(fn *ssa.Function, ctx ssa.Value) bool {
	ex, ok := ctx.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "context" {
		return false
	}
	switch callee.Name() {
	case "WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause":
	default:
		return false
	}
	for _, ref := range *call.Referrers() {
		cancel, ok := ref.(*ssa.Extract)
		if !ok || cancel.Index != 1 {
			continue
		}
		for _, use := range *cancel.Referrers() {
			if d, ok := use.(*ssa.Defer); ok && d.Call.Value == cancel && d.Parent() == fn {
				return true
			}
		}
	}
	return false
}

// forwardedParam returns the index of the parameter whose call gives
// result j of ret, or -1. In a function with a defer the results go
// through slots that the returns load: every value stored in the slot
// (its zero value aside) must come from that call.
func forwardedParam(fn *ssa.Function, ret *ssa.Return, j, n int) int {
	if j >= len(ret.Results) {
		return -1
	}
	v := ret.Results[j]
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		slot, ok := ld.X.(*ssa.Alloc)
		if !ok {
			return -1
		}
		param := -1
		for _, ref := range *slot.Referrers() {
			st, ok := ref.(*ssa.Store)
			if !ok || st.Addr != slot {
				continue
			}
			if _, zero := st.Val.(*ssa.Const); zero {
				continue
			}
			k := forwardedCall(fn, st.Val, j, n)
			if k < 0 || param >= 0 && k != param {
				return -1
			}
			param = k
		}
		return param
	}
	return forwardedCall(fn, v, j, n)
}

// forwardedCall returns the index of the parameter whose call gives v as
// its result j, or -1.
func forwardedCall(fn *ssa.Function, v ssa.Value, j, n int) int {
	var call *ssa.Call
	switch x := v.(type) {
	case *ssa.Call:
		if n == 1 {
			call = x
		}
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok && x.Index == j && n > 1 {
			call = c
		}
	}
	if call == nil || call.Call.IsInvoke() || call.Call.Signature().Results().Len() != n {
		return -1
	}
	p, ok := call.Call.Value.(*ssa.Parameter)
	if !ok {
		return -1
	}
	return slices.Index(fn.Params, p)
}

// leaksIn reports whether kind k still leaks under the Go version of the
// file at pos (tickers stopped leaking in Go 1.23).
func (e *engine) leaksIn(k *resource.Kind, pos token.Pos) bool {
	if k.Until == "" {
		return true
	}
	v := e.pass.Pkg.GoVersion()
	if f := ssanav.FileOf(e.pass, pos); f != nil {
		if fv := e.pass.TypesInfo.FileVersions[f]; fv != "" {
			v = fv
		}
	}
	// An unknown version is the toolchain's own: new enough.
	return v != "" && version.Compare(v, k.Until) < 0
}

// trackAcquisitions follows every resource acquired in fn: the leaks are
// fn's findings, and the resources fn returns are its owned results.
func (e *engine) trackAcquisitions(fn *ssa.Function, r *analysisResult) {
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			for _, acq := range e.acquisitions(call) {
				e.trackOne(fn, b, i, acq, r)
			}
		}
	}
	e.trackAsserted(fn, r)
}

func (e *engine) trackOne(fn *ssa.Function, b *ssa.BasicBlock, i int, acq acquisition, r *analysisResult) {
	t := newTracker(e, fn, acq.kind)
	results := acq.call.Common().Signature().Results()
	var root ssa.Value
	switch {
	case acq.result < 0:
		// The receiver becomes a resource once the call succeeds
		// (cmd.Start): track it, and its variable if it lives in one.
		args := acq.call.Common().Args
		if len(args) == 0 {
			return
		}
		root = args[0]
		if ld, ok := root.(*ssa.UnOp); ok && ld.Op == token.MUL {
			switch x := ld.X.(type) {
			case *ssa.Alloc, *ssa.FreeVar:
				// The function's own variable, or one a function
				// literal captures (`go func() { cmd.Start(); ...;
				// cmd.Wait() }()`): each use loads the variable
				// again, so the loads are the resource.
				t.add(x, tracked{role: roleCell, inner: roleWhole})
			case *ssa.FieldAddr, *ssa.Global, *ssa.IndexAddr:
				// c.proc.Start(): the process lives in a longer-lived
				// value, whose owner waits for it.
				return
			}
		}
		t.addErr(outcomeResult(acq.call))
	case results.Len() == 1:
		root = acq.call
	default:
		for _, ref := range *acq.call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == acq.result {
				root = ex
			}
		}
		if results.Len() > 1 && isError(results.At(results.Len()-1).Type()) && !acq.withError {
			t.addErr(outcomeResult(acq.call))
		} else if results.Len() > 1 && isErrorPointer(results.At(results.Len()-1).Type()) && !acq.withError {
			// A concrete error type (`(FormFile, *ErrorDetail)`): a
			// non-nil one means the call failed, as for an error.
			for _, ref := range *acq.call.Referrers() {
				if ex, ok := ref.(*ssa.Extract); ok && ex.Index == results.Len()-1 {
					t.addErr(ex)
				}
			}
		}
	}
	t.root = root
	t.drainedAtStart = acq.drained
	t.dynType = dynamicType(acq.call.Common())
	t.acqBlock = acq.call.Block()
	if root != nil {
		t.add(root, tracked{role: roleWhole})
	}
	t.run()
	t.cancelReleases(acq.call)
	out := t.paths(b, i+1, acq.call)
	e.recordOwnedResults(fn, t, out, r, acq)
	if covered, via := t.deferredBefore(acq.call); covered {
		// A deferred cleanup registered before the acquisition
		// (`defer func() { if f != nil { f.Close() } }()`) covers it,
		// on the paths where the holder it closes holds the resource
		// by the time it runs.
		if via == nil {
			return
		}
		out.leaks = t.leaksBefore(b, i+1, acq.call, via)
		if len(out.leaks) == 0 {
			return
		}
	}
	if len(out.leaks) == 0 {
		if f, ok := e.deferInLoop(t, acq, b, i, out); ok {
			r.findings = append(r.findings, f)
		} else if len(out.undeferred) > 0 {
			r.findings = append(r.findings, e.undeferred(acq, t, out))
		}
		return
	}
	if acq.kind.SuccessOnly {
		// Data loss matters only where the output is kept: a writer
		// abandoned on an error return holds nothing but memory.
		out.leaks = slices.DeleteFunc(out.leaks, func(x exit) bool { return x.ret != nil && errNilness(x.ret) == 1 })
		if len(out.leaks) == 0 {
			return
		}
	}
	if isMain(fn) {
		// The process ends when main returns; what main leaves open is
		// released with it. Only a loop that overwrites one still leaks.
		out.leaks = slices.DeleteFunc(out.leaks, func(x exit) bool { return !x.loop })
		if len(out.leaks) == 0 {
			return
		}
	}
	if e.errorEndsProcess(fn) {
		// A function only main calls, which exits on its error: what a
		// failing return leaves open is released with the process. A
		// successful return is not taken as the program's end: a
		// command that leaves a descriptor open on success holds it
		// while the rest of the program runs, and the judged corpora
		// count that as a leak (docs/triage/fresh.md, "Rules").
		out.leaks = slices.DeleteFunc(out.leaks, func(x exit) bool { return x.ret != nil && errNilness(x.ret) == 1 })
		if len(out.leaks) == 0 {
			return
		}
	}
	if out.leaks = e.dropFailedTestExits(fn, out.leaks); len(out.leaks) == 0 || e.ownerClosedAtTestEnd(fn, acq) {
		return
	}
	if e.receiverReleasedAtEnd(fn, acq) {
		// Released with the value it came from when the function ends;
		// only a loop that acquires again piles them up until then.
		out.leaks = slices.DeleteFunc(out.leaks, func(x exit) bool { return !x.loop })
		if len(out.leaks) == 0 {
			return
		}
	}
	// Released with the value it came from by a plain call on every path
	// to the return (`db.Close()` at the end of a test).
	out.leaks = slices.DeleteFunc(out.leaks, func(x exit) bool { return !x.loop && e.receiverReleasedBefore(acq, x.ret) })
	if len(out.leaks) == 0 {
		return
	}
	if (root == nil || len(*root.Referrers()) == 0) && e.inTestFile(acq.call.Pos()) {
		// Tests discard results of calls they expect to fail
		// (`_, err := c.Get(badURL)`); reporting those is noise.
		return
	}
	r.findings = append(r.findings, e.finding(fn, acq, t, out))
}

// recordOwnedResults adds to fn's summary the results through which the
// walk out saw the tracked resource handed to the caller unreleased.
func (e *engine) recordOwnedResults(fn *ssa.Function, t *tracker, out outcome, r *analysisResult, acq acquisition) {
	var onlyIfNil []int
	var onlyIfType []TypeCondition
	var handle *HandleSource
	if acq.call != nil {
		handle = handleSource(fn, acq.call)
		onlyIfNil = nilGuards(fn, acq.call.Block())
		for _, i := range acq.onlyIfNil {
			if !slices.Contains(onlyIfNil, i) {
				onlyIfNil = append(onlyIfNil, i)
			}
		}
		slices.Sort(onlyIfNil)
		onlyIfType = e.typeGuards(fn, acq.call.Block())
		for _, c := range acq.onlyIfType {
			if !slices.ContainsFunc(onlyIfType, c.equal) {
				onlyIfType = append(onlyIfType, c)
			}
		}
		sortTypes(onlyIfType)
	}
	rets := make([]*ssa.Return, 0, len(t.returned))
	for ret := range t.returned {
		rets = append(rets, ret)
	}
	retPos := func(ret *ssa.Return) token.Pos {
		if ret.Pos().IsValid() {
			return ret.Pos()
		}
		return fnEnd(fn)
	}
	slices.SortFunc(rets, func(a, b *ssa.Return) int { return int(retPos(a) - retPos(b)) })
	var unlessTest []int
	if len(rets) > 0 {
		unlessTest = t.cleanupRegisteredThrough()
	}
	for _, ret := range rets {
		ra := t.returned[ret]
		if !t.ownedByCaller(out) || t.cleanupRegistered() {
			break
		}
		if !ra.container && !slices.Contains(out.returnedOwed, ssa.Instruction(ret)) {
			continue // kept elsewhere first (stored in a field, then returned)
		}
		if t.returnsCloser(ret) {
			continue // handed over with its own cleanup function, which the caller owns instead
		}
		drained := !ra.container && slices.Contains(out.returnedDrained, ssa.Instruction(ret)) &&
			!slices.Contains(out.returnedUndrained, ssa.Instruction(ret))
		if k := slices.IndexFunc(r.summary.Results, func(o OwnedResult) bool { return o.Index == ra.index }); k >= 0 {
			r.summary.Results[k].Drained = r.summary.Results[k].Drained && drained
			r.summary.Results[k].OnlyIfNil = intersect(r.summary.Results[k].OnlyIfNil, onlyIfNil)
			r.summary.Results[k].OnlyIfType = mergeTypes(r.summary.Results[k].OnlyIfType, onlyIfType)
			r.summary.Results[k].UnlessTest = intersect(r.summary.Results[k].UnlessTest, unlessTest)
			if !r.summary.Results[k].Handle.equal(handle) {
				r.summary.Results[k].Handle = nil
			}
		} else {
			p := e.pass.Fset.Position(retPos(ret))
			at := filepath.Base(p.Filename) + ":" + itoa(p.Line)
			r.summary.Results = append(r.summary.Results, OwnedResult{Index: ra.index, Kind: ra.kind, At: at, Drained: drained, OnlyIfNil: onlyIfNil, OnlyIfType: onlyIfType, UnlessTest: unlessTest, Handle: handle})
		}
		if !ra.container && errNilness(ret) == 1 {
			// Handed over unreleased with a non-nil error.
			for k := range r.summary.Results {
				if r.summary.Results[k].Index == ra.index {
					r.summary.Results[k].WithError = true
				}
			}
		}
	}
}

// ownedByCaller reports whether the function's callers may be told that
// it returns the resource owned. A summary is multiplied by every call
// site, so the claim must hold on every path that returns the value: where
// some path returns it already released (the body read and closed unless an
// option asks to keep it), the caller cannot know which it got, and no
// claim is made. A released value returned with a non-nil error is no
// counter-example: callers do not look at a resource returned with an
// error.
func (t *tracker) ownedByCaller(out outcome) bool {
	for _, ret := range out.returnedReleased {
		if errNilness(ret) != 1 {
			return false
		}
	}
	return true
}

// returnsCloser reports whether ret also returns a function that releases
// the resource (`return conn, cleanup, nil`): the caller's duty is to call
// that function, which an owned result cannot express.
func (t *tracker) returnsCloser(ret *ssa.Return) bool {
	for _, v := range ret.Results {
		if tr, ok := t.values[v]; ok && tr.role == roleCloser {
			return true
		}
		if tr, ok := t.values[canon(v)]; ok && tr.role == roleCloser {
			return true // loaded from the variable it was stored in once
		}
	}
	return false
}

// Finding is one leak, reported by the check that owns its kind.
type Finding struct {
	Check string
	// Category is "leak", "drained", "deferinloop" or "strict" (a release that is
	// reached on every path but not deferred; reported in strict mode only).
	Category string
	Kind     *resource.Kind
	Pos      token.Pos // the acquiring call
	End      token.Pos
	Message  string
	// Related is the leaking return, the deferred release in the loop, or
	// the undeferred release; NoPos if none.
	Related     token.Pos
	RelatedText string
	Fix         *analysis.SuggestedFix
}

// Finding categories.
const (
	CategoryLeak        = "leak"
	CategoryDeferInLoop = "deferinloop"
	// CategoryDrained: not released on some path, but read to its end
	// first on every such path: net/http reuses the connection, yet the
	// documented contract (close the body) is broken.
	CategoryDrained = "drained"
	CategoryStrict  = "strict"
)

// describe returns the noun and call name a message uses for acq.
func (e *engine) describe(acq acquisition) (noun, name string, call *ast.CallExpr) {
	call = e.callExpr(acq.call.Pos())
	name = "call"
	if call != nil {
		name = calleeText(call.Fun)
	}
	noun = acq.kind.Noun
	if acq.kind == e.closer {
		// A wrapper owning a resource: name its type.
		typ := acq.call.Type()
		if tup, ok := typ.(*types.Tuple); ok && acq.result >= 0 && acq.result < tup.Len() {
			typ = tup.At(acq.result).Type()
		}
		noun = types.TypeString(typ, types.RelativeTo(e.pass.Pkg))
	}
	return noun, name, call
}

// calleeText spells the called expression for a message, with the
// long arguments of calls inside it elided: `m.queryRaw(...).Rows`, not
// the whole query string, but `newClient(t).Get`.
func calleeText(fun ast.Expr) string {
	switch x := ast.Unparen(fun).(type) {
	case *ast.SelectorExpr:
		return calleeText(x.X) + "." + x.Sel.Name
	case *ast.CallExpr:
		args := make([]string, len(x.Args))
		for i, a := range x.Args {
			args[i] = types.ExprString(a)
		}
		if text := strings.Join(args, ", "); len(text) <= 24 {
			return calleeText(x.Fun) + "(" + text + ")"
		}
		return calleeText(x.Fun) + "(...)"
	case *ast.IndexExpr:
		return calleeText(x.X) + "[...]"
	case *ast.IndexListExpr:
		return calleeText(x.X) + "[...]"
	}
	return types.ExprString(fun)
}

func (e *engine) newFinding(acq acquisition, category string) Finding {
	f := Finding{Check: acq.kind.Check, Category: category, Kind: acq.kind, Pos: acq.call.Pos(), End: acq.call.Pos()}
	if call := e.callExpr(acq.call.Pos()); call != nil {
		f.Pos, f.End = call.Pos(), call.End()
	}
	return f
}

// deferInLoop reports a resource acquired in a loop whose release is
// deferred: every iteration's resource stays open until the function
// returns.
func (e *engine) deferInLoop(t *tracker, acq acquisition, b *ssa.BasicBlock, i int, out outcome) (Finding, bool) {
	if len(out.deferred) == 0 || !inCycle(b) {
		return Finding{}, false
	}
	def := out.deferred[0]
	if !ssanav.Reaches(def.Block(), b) {
		return Finding{}, false
	}
	// Only a resource still owed when the loop comes round again is held
	// by the defer: `defer tx.Rollback()` followed by a Commit in every
	// iteration holds nothing.
	saved := map[ssa.Instruction]event{}
	for _, d := range out.deferred {
		saved[d] = t.events[d]
		delete(t.events, d)
	}
	again := t.paths(b, i+1, acq.call)
	for d, ev := range saved {
		t.events[d] = ev
	}
	if !slices.ContainsFunc(again.leaks, func(x exit) bool { return x.loop }) {
		return Finding{}, false
	}
	if n, ok := e.loopBound(b); ok && n <= shortTable {
		// A loop over a short fixed table (a table-driven test's few
		// cases) holds at most that many until the function returns.
		return Finding{}, false
	}
	if e.inTestFile(acq.call.Pos()) && !benchmarkLoop(b) {
		// In test code the loop runs over the test's own data (its
		// table, fixtures, the connections it makes), and the defer
		// releases everything when the test function returns: only a
		// benchmark's measured loop, whose count grows until the timing
		// is stable, piles resources up.
		return Finding{}, false
	}
	if !benchmarkLoop(b) && !e.heldOver(b) {
		// Outside a benchmark's measured loop, whose count grows until
		// the timing is stable, resources released when the function
		// returns right after the loop are not held across anything.
		return Finding{}, false
	}
	if t.goesToGoroutineIn(b) {
		// Each iteration starts a goroutine that works on its resource
		// (a benchmark's subscriber draining its connection): the
		// resource must outlive the iteration, and the defer closes it
		// when the function, which outlives them, is done.
		return Finding{}, false
	}
	noun, name, _ := e.describe(acq)
	f := e.newFinding(acq, CategoryDeferInLoop)
	f.Message = noun + " from " + name + " is released by a defer inside the loop: every iteration's " + noun + " stays open until the function returns"
	f.Related, f.RelatedText = def.Pos(), "deferred here; the defer runs only when the function returns"
	return f, true
}

// goesToGoroutineIn reports whether a go statement in the loop around b
// hands the resource (a value that holds it) to the goroutine it starts,
// as an argument or captured by its function literal.
func (t *tracker) goesToGoroutineIn(b *ssa.BasicBlock) bool {
	for _, blk := range b.Parent().Blocks {
		if !ssanav.Reaches(b, blk) || !ssanav.Reaches(blk, b) {
			continue
		}
		for _, instr := range blk.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			args := g.Call.Args
			if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
				args = append(slices.Clip(args), mc.Bindings...)
			}
			for _, a := range args {
				if _, held := t.values[a]; held {
					return true
				}
			}
		}
	}
	return false
}

// undeferred is strict mode's finding: the release is reached on every
// path, but not deferred, and calls that can fail or panic run first.
func (e *engine) undeferred(acq acquisition, t *tracker, out outcome) Finding {
	noun, name, _ := e.describe(acq)
	rel := out.undeferred[0]
	line := e.pass.Fset.Position(rel.Pos()).Line
	f := e.newFinding(acq, CategoryStrict)
	f.Message = noun + " from " + name + " is released at line " + itoa(line) + " without defer: a panic in the calls before it leaves the " + noun + " open"
	f.Related, f.RelatedText = rel.Pos(), "released here"
	f.Fix = e.moveToDefer(acq, t, out.undeferred)
	return f
}

// inCycle reports whether b can reach itself.
// shortTable is the most iterations a loop over a fixed table may make
// for its deferred releases to count as bounded: a handful of open files
// until the function returns is no leak.
const shortTable = 16

// loopBound returns the number of iterations of the loop around b when it
// is fixed at compile time: its exit test compares the counter with a
// constant, or with the length of a slice of an array literal (`for _, tc
// := range []struct{...}{...}`).
func (e *engine) loopBound(b *ssa.BasicBlock) (int64, bool) {
	for _, h := range b.Parent().Blocks {
		iff, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
		if !ok || len(h.Succs) != 2 || !ssanav.Reaches(h, b) || !ssanav.Reaches(b, h) {
			continue
		}
		if ssanav.Reaches(h.Succs[1], h) {
			continue // the false edge stays in the loop: not its exit test
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.LSS {
			continue
		}
		if n, ok := constLen(cmp.Y); ok {
			return n, true
		}
		if n, ok := e.tableLen(cmp.Y); ok {
			return n, true
		}
	}
	return 0, false
}

// constLen returns v's value when v is an integer constant, or the length
// of the array behind v when v is len() of a slice of an array allocation.
func constLen(v ssa.Value) (int64, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
		return constant.Int64Val(c.Value)
	}
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return 0, false
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "len" {
		return 0, false
	}
	sl, ok := call.Call.Args[0].(*ssa.Slice)
	if !ok || sl.Low != nil || sl.High != nil {
		return 0, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return 0, false
	}
	ptr, ok := alloc.Type().Underlying().(*types.Pointer)
	if !ok {
		return 0, false
	}
	arr, ok := ptr.Elem().Underlying().(*types.Array)
	if !ok {
		return 0, false
	}
	return arr.Len(), true
}

// benchmarkLoop reports whether a loop around b is a benchmark's
// measured loop: its exit test compares with b.N, or calls b.Loop or
// pb.Next.
func benchmarkLoop(b *ssa.BasicBlock) bool {
	for _, h := range b.Parent().Blocks {
		if len(h.Instrs) == 0 || !ssanav.Reaches(h, b) || !ssanav.Reaches(b, h) {
			continue
		}
		iff, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		switch c := iff.Cond.(type) {
		case *ssa.Call:
			if resource.BenchmarkLoopCall(ssanav.CalleeFunc(&c.Call)) {
				return true
			}
		case *ssa.BinOp:
			for _, x := range []ssa.Value{c.X, c.Y} {
				if benchmarkCount(x) {
					return true
				}
			}
		}
	}
	return false
}

// benchmarkCount reports whether v is a load of a benchmark's b.N.
func benchmarkCount(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	owner, field, ok := ssanav.Field(fa)
	return ok && resource.BenchmarkCount(owner, field)
}

// failedWithResource reports whether block b runs only because a call
// that was handed the resource to wrap it failed (errpath.AfterFailure):
// the resource itself is one of its arguments, not its receiver, and it
// returns a value that has a Close method (`ws, err :=
// websocket.NewClient(cfg, conn)`), so on success the new value would
// have held the resource. Reads of the resource (io.ReadAll(resp.Body),
// a failing Write) do not count: those failures are often rarer than
// the returns before them.
func (t *tracker) failedWithResource(b *ssa.BasicBlock) bool {
	call := errpath.AfterFailure(b)
	if call == nil || !returnsCloser(call) {
		return false
	}
	args := call.Call.Args // an interface method's receiver is not among them
	if !call.Call.IsInvoke() && call.Call.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	for _, a := range args {
		if tr, ok := t.values[a]; ok && tr.role == roleWhole {
			return true
		}
	}
	return false
}

// returnsCloser reports whether some result of call, other than an
// error, has a Close method.
func returnsCloser(call *ssa.Call) bool {
	res := call.Call.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		typ := res.At(i).Type()
		if isError(typ) {
			continue
		}
		if obj, _, _ := types.LookupFieldOrMethod(typ, true, nil, "Close"); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

func inCycle(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if ssanav.Reaches(s, b) {
			return true
		}
	}
	return false
}

func (e *engine) finding(fn *ssa.Function, acq acquisition, t *tracker, out outcome) Finding {
	noun, name, _ := e.describe(acq)
	f := e.newFinding(acq, CategoryLeak)
	unreleased := acq.kind.Unreleased
	if unreleased == "" {
		unreleased = "not closed"
	}
	drained := len(out.leaks) > 0
	for _, x := range out.leaks {
		drained = drained && x.drained
	}
	// Report the earliest leaking return: it is the one a reader finds
	// first. Where some return leaves the resource held, it is the
	// earliest of those: a return on which it was read to its end is not
	// where it leaks. A return reached because a call that was handed the
	// resource failed comes before the others (a constructor that fails
	// without closing the connection it was given): the return after an
	// unrelated check may be one that cannot be taken, and a reader who
	// finds it so would dismiss a finding that another return makes right.
	var best *exit
	bestHanded := false
	loop := false
	for i := range out.leaks {
		x := &out.leaks[i]
		if x.loop {
			loop = true
			continue
		}
		if x.drained && !drained {
			continue
		}
		handed := x.ret != nil && x.replaced == "" && t.failedWithResource(x.ret.Block())
		switch {
		case best == nil, handed && !bestHanded:
		case handed != bestHanded:
			continue
		case !(x.pos.IsValid() && (x.pos < best.pos || !best.pos.IsValid())):
			continue
		}
		best, bestHanded = x, handed
	}
	if drained {
		f.Category = CategoryDrained
		unreleased = "read to the end but " + unreleased
	}
	switch {
	case t.root == nil || len(*t.root.Referrers()) == 0:
		f.Message = "result of " + name + " is discarded: its " + noun + " is never " + verbOf(unreleased)
	case loop:
		f.Message = noun + " from " + name + " is " + unreleased + " before the next loop iteration acquires another"
	case best != nil && best.replaced != "":
		line := e.pass.Fset.Position(best.pos).Line
		f.Related, f.RelatedText = best.pos, "the "+noun+" is dropped here"
		f.Message = noun + " from " + name + " is " + unreleased + ": line " + itoa(line) + " replaces its " + best.replaced + " with a value that does not hold it"
	case best != nil:
		pos := best.pos
		if !pos.IsValid() {
			pos = fnEnd(fn)
		}
		line := e.pass.Fset.Position(pos).Line
		f.Related, f.RelatedText = pos, "the "+noun+" leaks when the function returns here"
		f.Message = noun + " from " + name + " is " + unreleased + " when returning at line " + itoa(line)
	}
	if !loop {
		f.Fix = e.deferFix(acq, t)
		e.dropLaterReleases(f.Fix, t)
	}
	if drained {
		f.Message += ": its connection is reused, but the body must still be closed"
	}
	switch {
	case acq.evidence != "" && acq.drained:
		f.Message += " (" + name + " reads it to the end and returns it unreleased at " + acq.evidence + ")"
	case acq.evidence != "":
		// The finding rests on the callee's summary: say where to check it.
		f.Message += " (" + name + " returns it unreleased at " + acq.evidence + ")"
	}
	return f
}

func verbOf(unreleased string) string {
	if len(unreleased) > 4 && unreleased[:4] == "not " {
		return unreleased[4:]
	}
	return "released"
}

func fnEnd(fn *ssa.Function) token.Pos {
	if syn := fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return fn.Pos()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// callExpr finds the call expression whose '(' is at lparen.
func (e *engine) callExpr(lparen token.Pos) *ast.CallExpr {
	for _, f := range e.pass.Files {
		if f.FileStart > lparen || lparen > f.FileEnd {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.Pos() > lparen || n.End() < lparen {
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok && c.Lparen == lparen {
				found = c
				return false
			}
			return true
		})
		return found
	}
	return nil
}

// returnsOutcome reports whether fn's last result says whether it
// succeeded; only then can its summary be conditional.
func returnsOutcome(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	return res.Len() > 0 && isOutcome(res.At(res.Len()-1).Type())
}

func (e *engine) inTestFile(pos token.Pos) bool {
	return strings.HasSuffix(e.pass.Fset.Position(pos).Filename, "_test.go")
}

// closerKind is the ID of the kind for values whose type has a release
// method but is not in the table: wrappers that own a resource.
const closerKind = "closer"

func (e *engine) kindByID(id string) *resource.Kind {
	if id == closerKind {
		return e.closer
	}
	return e.table.Kind(id)
}

// hasReleaseMethod reports whether values of type t have a release method
// that takes no arguments (a wrapper's Close).
func (e *engine) hasReleaseMethod(t types.Type) bool { return e.releaseMethodOf(t) != "" }

func isMain(fn *ssa.Function) bool {
	return fn.Name() == "main" && fn.Parent() == nil && fn.Pkg != nil && fn.Pkg.Pkg.Name() == "main"
}

// deferredBefore reports whether a deferred release of the resource runs
// on every path before the acquisition: the defer then covers every exit.
// So does a goroutine started there that releases it (one that cancels
// the context database/sql closes the rows on: `go func() { <-done;
// cancel() }()`). Where every such defer closes local holders that the
// resource enters only through the instructions via (holderVia), it
// covers only the exits reached through one of them; via is nil when
// the defer covers every exit.
func (t *tracker) deferredBefore(acq ssa.Instruction) (covered bool, via []ssa.Instruction) {
	unknown := false
	for instr, ev := range t.events {
		// A deferred release, or a deferred closure over the collection
		// the resource goes into.
		switch in := instr.(type) {
		case *ssa.Defer:
			if ev.kind != evRelease && ev.kind != evTransfer {
				continue
			}
		case *ssa.Go:
			if !t.cancelGo[in] {
				continue
			}
		default:
			continue
		}
		if !before(instr, acq) {
			continue
		}
		covered = true
		if d, ok := instr.(*ssa.Defer); ok {
			if v := t.holderVia(d.Common()); v != nil {
				via = append(via, v...)
				continue
			}
		}
		unknown = true
	}
	if !covered || unknown {
		return covered, nil
	}
	return true, via
}

// holderVia returns the instructions that put the resource in the local
// holders the deferred call c works on (its function value, its
// arguments, what its function literal captures), when each of them is
// a holder that came to hold the resource only through stores (or
// setter calls) the walk saw; nil when that is not known.
func (t *tracker) holderVia(c *ssa.CallCommon) []ssa.Instruction {
	cands := append([]ssa.Value{c.Value}, c.Args...)
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		cands = append(slices.Clone(mc.Bindings), c.Args...)
	}
	var via []ssa.Instruction
	for _, v := range cands {
		tr, ok := t.values[v]
		if !ok {
			continue
		}
		switch tr.role {
		case roleContainer, roleCell:
			if t.heldUnknown[v] || len(t.heldVia[v]) == 0 {
				return nil
			}
			via = append(via, t.heldVia[v]...)
		default:
			return nil // the resource itself, or a closer of it
		}
	}
	return via
}

// leaksBefore walks the paths from the acquisition again with each store
// of via taken as handing the resource over (to the holder a deferred
// cleanup closes): what is left are the exits some path reaches holding
// the resource before it is in the holder.
func (t *tracker) leaksBefore(b *ssa.BasicBlock, start int, acq ssa.Instruction, via []ssa.Instruction) []exit {
	var set []ssa.Instruction
	for _, v := range via {
		if _, ok := t.events[v]; !ok {
			t.events[v] = event{kind: evTransfer}
			set = append(set, v)
		}
	}
	out := t.paths(b, start, acq)
	for _, v := range set {
		delete(t.events, v)
	}
	return out.leaks
}

// failsTestWhenFalse reports whether v is the result of a call that
// returns false only after marking the running test as failed: an
// assertion library's check (by the knowledge table) or a helper of this
// package whose every `return false` comes after t.Errorf or such a call.
func (e *engine) failsTestWhenFalse(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if resource.FailsTestWhenFalse(ssanav.CalleeFunc(call.Common())) {
		return true
	}
	if f, ok := e.importedTestFail(call.Common()); ok {
		return f.WhenFalse
	}
	callee := call.Common().StaticCallee()
	if callee == nil || call.Common().IsInvoke() || callee.Pkg != e.pkg {
		return false
	}
	return e.falseFailsTest(callee)
}

// falseFailsTest reports whether fn, a function of this package with a
// single result, returns false only after marking the running test as
// failed.
func (e *engine) falseFailsTest(callee *ssa.Function) bool {
	if len(callee.Blocks) == 0 {
		return false
	}
	if known, ok := e.failsOnFalse[callee]; ok {
		return known
	}
	e.failsOnFalse[callee] = false // recursion through itself: unknown
	fails := false
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		r := ret.Results[0]
		if c, ok := r.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
			if constant.BoolVal(c.Value) {
				continue
			}
			if !failedBefore(b) {
				fails = false
				break
			}
			fails = true
			continue
		}
		if e.failsTestWhenFalse(r) {
			fails = true
			continue
		}
		fails = false
		break
	}
	e.failsOnFalse[callee] = fails
	return fails
}

// failedBefore reports whether every path to b passes a call that marks
// the test failed: one in b before its end or in a block that dominates it.
func failedBefore(b *ssa.BasicBlock) bool {
	for d := b; d != nil; d = d.Idom() {
		for _, instr := range d.Instrs {
			if call, ok := instr.(*ssa.Call); ok && resource.FailsTest(ssanav.CalleeFunc(call.Common())) {
				return true
			}
		}
	}
	return false
}

type paramRef struct {
	fn *ssa.Function
	i  int
	// seenKeeps: only what is seen to keep counts; calls of functions
	// without a body here keep nothing.
	seenKeeps bool
}

// lending is what a function does with a value lent to it: keeps it (or
// something reachable from it) beyond the call, or calls a release method
// on something reachable from it.
type lending struct{ keeps, releases bool }

// lentTo answers lending for parameter i of fn. It answers the question for
// values the engine does not summarise (local aggregates, interfaces
// without a release method). Functions without a body here (other
// packages, function values) may keep anything.
func (e *engine) lentTo(fn *ssa.Function, i int) lending {
	return e.lent(paramRef{fn, i, false})
}

// seenToKeep reports whether fn is seen to keep parameter i: it stores it
// in memory that outlives the call, here or in a function of this package
// it hands it to (a setter taking an io.Reader).
func (e *engine) seenToKeep(fn *ssa.Function, i int) bool {
	return e.lent(paramRef{fn, i, true}).keeps
}

func (e *engine) lent(k paramRef) lending {
	if k.fn == nil || len(k.fn.Blocks) == 0 || k.i >= len(k.fn.Params) {
		return lending{keeps: !k.seenKeeps}
	}
	if l, ok := e.keeps[k]; ok {
		return l
	}
	e.keeps[k] = lending{keeps: !k.seenKeeps} // recursion through itself
	l := lending{}
	e.follow(k.fn.Params[k.i], k.seenKeeps, map[ssa.Value]bool{}, &l)
	e.keeps[k] = l
	return l
}

func (e *engine) follow(v ssa.Value, seenKeeps bool, seen map[ssa.Value]bool, l *lending) {
	if seen[v] || l.keeps || !mayHoldResource(v.Type()) {
		return
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Convert,
			*ssa.Phi, *ssa.TypeAssert, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Field, *ssa.Index, *ssa.Extract:
			e.follow(r.(ssa.Value), seenKeeps, seen, l)
		case *ssa.UnOp:
			if r.Op == token.MUL {
				e.follow(r, seenKeeps, seen, l)
			}
		case *ssa.Store:
			if r.Val != v {
				break
			}
			if base := localBase(r.Addr); base != nil {
				e.follow(base, seenKeeps, seen, l) // a local copy: follow it
			} else {
				l.keeps = true
			}
		case *ssa.MapUpdate:
			if r.Value == v || r.Key == v {
				l.keeps = true
			}
		case *ssa.Send:
			l.keeps = true
		case *ssa.Return, *ssa.MakeClosure, *ssa.Go, *ssa.Slice:
			l.keeps = l.keeps || !seenKeeps
		case ssa.CallInstruction:
			e.followCall(r, v, seenKeeps, seen, l)
		}
		if l.keeps {
			return
		}
	}
}

func (e *engine) followCall(instr ssa.CallInstruction, v ssa.Value, seenKeeps bool, seen map[ssa.Value]bool, l *lending) {
	c := instr.Common()
	if c.Value == v {
		if c.IsInvoke() {
			if e.table.IsReleaseName(c.Method.Name()) {
				l.releases = true
			}
			return // a method of the value itself
		}
		l.keeps = l.keeps || !seenKeeps // calling it: a function value may keep anything
		return
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" {
			l.keeps = l.keeps || !seenKeeps
		}
		return
	}
	callee := c.StaticCallee()
	for j, a := range c.Args {
		if a != v {
			continue
		}
		switch {
		case callee == nil:
			l.keeps = l.keeps || !seenKeeps
		case mentionedOnly(callee, j):
		case j == 0 && c.Signature().Recv() != nil && e.table.IsReleaseName(callee.Name()):
			l.releases = true
		default:
			sub := e.lent(paramRef{originOf(callee), j, seenKeeps})
			l.keeps = l.keeps || sub.keeps
			l.releases = l.releases || sub.releases
		}
	}
}

// mayHoldResource reports whether a value of type typ can hold a resource:
// anything but numbers, strings, booleans and collections of them.
func mayHoldResource(typ types.Type) bool {
	switch u := typ.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Slice:
		return mayHoldResource(u.Elem())
	case *types.Array:
		return mayHoldResource(u.Elem())
	}
	return true
}

// mentionedOnly reports whether argument j of a static call of callee is
// only mentioned (formatted, logged, inspected).
func mentionedOnly(callee *ssa.Function, j int) bool {
	fn, _ := callee.Object().(*types.Func)
	if fn == nil {
		return false
	}
	sig := callee.Signature
	if sig.Recv() != nil {
		if j == 0 {
			return false
		}
		j--
	}
	return mention.Only(fn, paramType(sig, j))
}
