package lifetime

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// This file answers, for the code of tests, "has the running test failed
// on this path?": a path after which the test has failed is not the run
// of a passing test, and what it leaves open is not a leak.
//
// Three answers are derived from bodies rather than listed by name:
//
//   - a function of this package that marks the test failed on every path
//     to its return (a fail(t, msg) helper around t.Errorf) fails the
//     test like t.Errorf itself;
//   - a function of this package with an error parameter that, on every
//     path where that error is not nil, fails the test (or never returns)
//     before returning is a guard (a check(t, err) helper around
//     t.Fatal): after it, a non-nil error means a failed test;
//   - test-only code (a function literal, or an unexported function of a
//     _test.go file, whose every call is in sight) whose every caller turns
//     its error into a failed test leaks nothing on its error returns;
//   - test code handed as a value to callers out of sight (a dial hook, a
//     handler, a method reached only through an interface) leaks nothing
//     on its returns of an error after one of its calls failed, unless
//     the test in sight expects an error: such a return is the hook's
//     signal of failure, which the library it is given to passes on as
//     the failure of what the test asked of it.

// testFail memoises the answers for this package's functions.
type testFail struct {
	always map[*ssa.Function]bool
	guards map[guardKey]bool
	// callers indexes the static calls of this package's functions, built
	// once on the first question about an unexported function.
	callers map[*ssa.Function][]*ssa.Call
	// asValue holds functions used otherwise than as a static callee.
	asValue map[*ssa.Function]bool
	// errFails memoises errorFailsCallers.
	errFails map[*ssa.Function]bool
	// started holds functions run by a go or defer statement, which
	// discards their results.
	started map[*ssa.Function]bool
	// valueUsers holds, for a function used as a value, the functions
	// that use it so; lentHere, those used as an argument of a call of a
	// function of this package.
	valueUsers map[*ssa.Function][]*ssa.Function
	lentHere   map[*ssa.Function]bool
	// outOfSight memoises errorLeavesSight; expects, expectsErrorIn.
	outOfSight map[*ssa.Function]bool
	expects    map[*ssa.Function]bool
	// helpers memoises usesTestFailure: 0 unknown, 1 no, 2 yes.
	helpers int
	// inTest memoises runsInTest for the functions it asks about their
	// users; toTest, errorGoesToTest.
	inTest map[*ssa.Function]bool
	toTest map[*ssa.Function]bool
}

type guardKey struct {
	fn  *ssa.Function
	arg int
	// onNil: the question is about the paths where the error is nil (an
	// expecter: require.Error) rather than not nil (a guard).
	onNil bool
}

func (e *engine) tf() *testFail {
	if e.testFail == nil {
		e.testFail = &testFail{
			always:     map[*ssa.Function]bool{},
			guards:     map[guardKey]bool{},
			errFails:   map[*ssa.Function]bool{},
			outOfSight: map[*ssa.Function]bool{},
			expects:    map[*ssa.Function]bool{},
			inTest:     map[*ssa.Function]bool{},
			toTest:     map[*ssa.Function]bool{},
		}
	}
	return e.testFail
}

// failsTest reports whether the call marks the running test as failed on
// every path through it: testing's Error, Errorf and Fail, an assertion
// that always fails (by the knowledge table), or a function of this
// package that does one of those on every path to its return.
func (e *engine) failsTest(call *ssa.CallCommon) bool {
	if resource.AlwaysFailsTest(ssanav.CalleeFunc(call)) {
		return true
	}
	if f, ok := e.importedTestFail(call); ok {
		return f.Always
	}
	callee := call.StaticCallee()
	if callee == nil || call.IsInvoke() || callee.Pkg != e.pkg {
		return false
	}
	return e.alwaysFailsTest(callee)
}

// alwaysFailsTest reports whether fn, a function of this package, marks
// the running test as failed on every path to its return.
func (e *engine) alwaysFailsTest(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 || fn.Recover != nil {
		// (A function with a defer may recover from its panics.)
		return false
	}
	tf := e.tf()
	if v, ok := tf.always[fn]; ok {
		return v
	}
	tf.always[fn] = false // recursion through itself: unknown
	v := e.failsOnEveryPath(fn.Blocks[0], 0, nil, false)
	tf.always[fn] = v
	return v
}

// expectsError reports whether call fails the running test when err, one
// of its arguments, is nil: require.Error or assert.ErrorIs (by the
// knowledge table), or a function of this package whose every path with
// that parameter nil fails the test or never returns (a
// require_Error(t, err) helper around t.Fatal).
func (e *engine) expectsError(call *ssa.CallCommon, err ssa.Value) bool {
	return e.failsOnError(call, err, true)
}

// failsOnError reports whether call fails the running test when err, one
// of its arguments, is not nil (onNil false: require.NoError or
// assert.NoError by the knowledge table, or a function of this package
// whose every path with that parameter not nil fails the test or never
// returns), or when it is nil (onNil true, as expectsError).
func (e *engine) failsOnError(call *ssa.CallCommon, err ssa.Value, onNil bool) bool {
	if err == nil || call.IsInvoke() {
		return false
	}
	known := resource.GuardsError
	if onNil {
		known = resource.ExpectsError
	}
	if arg, ok := known(ssanav.CalleeFunc(call)); ok {
		return arg < len(call.Args) && call.Args[arg] == err
	}
	if arg, ok := resource.ComparisonAssert(ssanav.CalleeFunc(call)); ok && onNil && arg < len(call.Args) {
		// assert.Check(t, is.Error(err, msg)): the comparison fails, and
		// with it the test, when err is nil.
		v := call.Args[arg]
		if mi, ok := v.(*ssa.MakeInterface); ok {
			v = mi.X
		}
		inner, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		iarg, ok := resource.ExpectsErrorComparison(ssanav.CalleeFunc(&inner.Call))
		return ok && iarg < len(inner.Call.Args) && inner.Call.Args[iarg] == err
	}
	if f, ok := e.importedTestFail(call); ok {
		params := f.Guards
		if onNil {
			params = f.Expects
		}
		for _, i := range params {
			if i < len(call.Args) && call.Args[i] == err {
				return true
			}
		}
		return false
	}
	callee := call.StaticCallee()
	if callee == nil || callee.Pkg != e.pkg {
		return false
	}
	for i, a := range call.Args {
		if a == err && e.guardsParam(callee, i, onNil) {
			return true
		}
	}
	return false
}

// guardsParam reports whether every path through fn, a function of this
// package, on which its parameter i, an error, is not nil (onNil: is nil)
// fails the running test or ends before it returns.
func (e *engine) guardsParam(fn *ssa.Function, i int, onNil bool) bool {
	if len(fn.Blocks) == 0 || fn.Recover != nil || i >= len(fn.Params) || !isError(fn.Params[i].Type()) {
		return false
	}
	k := guardKey{fn, i, onNil}
	tf := e.tf()
	v, ok := tf.guards[k]
	if !ok {
		tf.guards[k] = false // recursion through itself: unknown
		v = e.failsOnEveryPath(fn.Blocks[0], 0, fn.Params[i], onNil)
		tf.guards[k] = v
	}
	return v
}

// failsOnEveryPath reports whether every path from instruction start of b
// on which err (when not nil) is not nil (with onNil: is nil) fails the
// running test or ends (a panic, a call that never returns) before it
// returns; one that comes round to the call that made err again does not.
// With err nil, every path counts.
func (e *engine) failsOnEveryPath(b *ssa.BasicBlock, start int, err ssa.Value, onNil bool) bool {
	var def ssa.Value // the call that makes err, when err is a result
	switch x := err.(type) {
	case *ssa.Call:
		def = x
	case *ssa.Extract:
		def = x.Tuple
	}
	w := blockWalk{
		step: func(instr ssa.Instruction, _, _ *ssa.BasicBlock) blockStep {
			switch in := instr.(type) {
			case *ssa.Call:
				if e.failsTest(in.Common()) || e.failsOnError(in.Common(), err, onNil) {
					return stepEnds
				}
			case *ssa.Panic:
				return stepEnds
			case *ssa.Return:
				return stepFails
			}
			if v, ok := instr.(ssa.Value); ok && v == def {
				// Round a loop to the call again: its error is a new
				// one (a retry), and the earlier failure is behind.
				return stepFails
			}
			return stepOn
		},
		edge: func(cond ssa.Value) (int, bool) {
			if err == nil {
				return 0, false
			}
			nonNil, ok := nonNilEdge(cond, err)
			if ok && onNil {
				nonNil = 1 - nonNil
			}
			return nonNil, ok
		},
		limit: 512, // blocks; a larger walk is not worth the answer
	}
	return w.holds(b, start)
}

// nonNilEdge returns the successor index (0 for true, 1 for false) on
// which err is not nil when cond compares err with nil.
func nonNilEdge(cond, err ssa.Value) (int, bool) {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return 0, false
	}
	if !(cmp.X == err && isNil(cmp.Y) || cmp.Y == err && isNil(cmp.X)) {
		return 0, false
	}
	if cmp.Op == token.NEQ {
		return 0, true
	}
	return 1, true
}

// errorFailsCallers reports whether fn is test-only code whose every call
// is in sight and turns fn's error result into a failed test: fn is a
// function literal in a _test.go file that is only called (directly or
// through the closures that capture it), or an unexported function
// declared in a _test.go file that is only called (only this package's
// test files can name it). At each call the path on which the error is
// not nil must fail the test or end before it returns.
func (e *engine) errorFailsCallers(fn *ssa.Function) bool {
	if !returnsOutcome(fn) || !isError(lastResult(fn)) || !e.runsInTest(fn) {
		return false
	}
	tf := e.tf()
	if v, ok := tf.errFails[fn]; ok {
		return v
	}
	tf.errFails[fn] = false
	var calls []*ssa.Call
	var ok bool
	switch {
	case fn.Parent() != nil:
		calls, ok = literalCalls(fn)
	default:
		obj, isFunc := fn.Object().(*types.Func)
		if !isFunc || obj.Exported() || fn.Signature.Recv() != nil {
			return false
		}
		e.indexCalls()
		calls, ok = tf.callers[fn], !tf.asValue[fn]
	}
	if !ok || len(calls) == 0 {
		return false
	}
	for _, c := range calls {
		errv := outcomeResult(c)
		if errv == nil || !e.failsOnErrorAt(c, errv) {
			return false
		}
	}
	tf.errFails[fn] = true
	return true
}

// failsOnErrorAt reports whether, after call, every path on which its
// error errv is not nil fails the running test or ends before returning.
func (e *engine) failsOnErrorAt(call *ssa.Call, errv ssa.Value) bool {
	b := call.Block()
	for i, instr := range b.Instrs {
		if instr == call {
			return e.failsOnEveryPath(b, i+1, errv, false)
		}
	}
	return false
}

func lastResult(fn *ssa.Function) types.Type {
	res := fn.Signature.Results()
	return res.At(res.Len() - 1).Type()
}

// literalCalls returns the calls of the function literal fn, following
// the closures that capture it; ok is false when it is used any other way
// (stored, passed, returned: then its callers are out of sight).
func literalCalls(fn *ssa.Function) (calls []*ssa.Call, ok bool) {
	var v ssa.Value = fn
	parent := fn.Parent()
	if len(fn.FreeVars) > 0 {
		v = nil
		for _, b := range parent.Blocks {
			for _, instr := range b.Instrs {
				if mc, isMC := instr.(*ssa.MakeClosure); isMC && mc.Fn == fn {
					if v != nil {
						return nil, false
					}
					v = mc
				}
			}
		}
		if v == nil {
			return nil, false
		}
		return valueCalls(v, map[ssa.Value]bool{})
	}
	// A literal without free variables is the function itself wherever it
	// is used: scan its parent (and the literals inside it) for uses.
	var scan func(f *ssa.Function) bool
	scan = func(f *ssa.Function) bool {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if op == nil || *op != v {
						continue
					}
					switch u := instr.(type) {
					case *ssa.Call:
						if u.Call.Value != v {
							more, ok := collectorCalls(u, v)
							if !ok {
								return false
							}
							calls = append(calls, more...)
							continue
						}
						if slices.Contains(u.Call.Args, v) {
							return false
						}
						calls = append(calls, u)
					case *ssa.MakeClosure:
						// Captured by another literal (a subtest's).
						fn2, isFn := u.Fn.(*ssa.Function)
						if !isFn {
							return false
						}
						for i, b := range u.Bindings {
							if b != v || i >= len(fn2.FreeVars) {
								continue
							}
							more, ok := valueCalls(fn2.FreeVars[i], map[ssa.Value]bool{})
							if !ok {
								return false
							}
							calls = append(calls, more...)
						}
					case *ssa.Store:
						// The variable holding it is captured: its cell.
						alloc, isAlloc := u.Addr.(*ssa.Alloc)
						if !isAlloc || u.Val != v {
							return false
						}
						more, ok := cellCalls(alloc, u, map[ssa.Value]bool{})
						if !ok {
							return false
						}
						calls = append(calls, more...)
					default:
						return false
					}
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			if anon != fn && !scan(anon) {
				return false
			}
		}
		return true
	}
	if !scan(parent) {
		return nil, false
	}
	return calls, true
}

// valueCalls returns the calls of the function value v, following the
// closures that capture it.
func valueCalls(v ssa.Value, seen map[ssa.Value]bool) (calls []*ssa.Call, ok bool) {
	if seen[v] {
		return nil, true
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return nil, false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Call:
			if r.Call.Value != v {
				more, ok := collectorCalls(r, v)
				if !ok {
					return nil, false
				}
				calls = append(calls, more...)
				continue
			}
			if slices.Contains(r.Call.Args, v) {
				return nil, false
			}
			calls = append(calls, r)
		case *ssa.MakeClosure:
			more, ok := boundCalls(r, v, func(fv ssa.Value) ([]*ssa.Call, bool) { return valueCalls(fv, seen) })
			if !ok {
				return nil, false
			}
			calls = append(calls, more...)
		case *ssa.Store:
			alloc, isAlloc := r.Addr.(*ssa.Alloc)
			if !isAlloc || r.Val != v {
				return nil, false
			}
			more, ok := cellCalls(alloc, r, seen)
			if !ok {
				return nil, false
			}
			calls = append(calls, more...)
		default:
			return nil, false
		}
	}
	return calls, true
}

// boundCalls follows a value that the closure mc captures to the uses of
// the literal's free variable.
func boundCalls(mc *ssa.MakeClosure, v ssa.Value, follow func(ssa.Value) ([]*ssa.Call, bool)) (calls []*ssa.Call, ok bool) {
	fn, isFn := mc.Fn.(*ssa.Function)
	if !isFn {
		return nil, false
	}
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) {
			continue
		}
		more, ok := follow(fn.FreeVars[i])
		if !ok {
			return nil, false
		}
		calls = append(calls, more...)
	}
	return calls, true
}

// cellCalls returns the calls of the function value that st stores in a
// variable's cell (a captured variable), when st is the only store to it:
// every load of the cell is that value.
func cellCalls(cell ssa.Value, st *ssa.Store, seen map[ssa.Value]bool) (calls []*ssa.Call, ok bool) {
	if seen[cell] {
		return nil, true
	}
	seen[cell] = true
	refs := cell.Referrers()
	if refs == nil {
		return nil, false
	}
	for _, r := range *refs {
		var more []*ssa.Call
		ok := true
		switch r := r.(type) {
		case *ssa.Store:
			ok = r == st
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
			more, ok = valueCalls(r, seen)
		case *ssa.MakeClosure:
			more, ok = boundCalls(r, cell, func(fv ssa.Value) ([]*ssa.Call, bool) { return cellCalls(fv, st, seen) })
		case *ssa.DebugRef:
		default:
			ok = false
		}
		if !ok {
			return nil, false
		}
		calls = append(calls, more...)
	}
	return calls, true
}

// indexCalls records, for every function of this package, its static
// calls and whether it is used as a value anywhere in the package.
func (e *engine) indexCalls() {
	tf := e.tf()
	if tf.callers != nil {
		return
	}
	tf.callers = map[*ssa.Function][]*ssa.Call{}
	tf.asValue = map[*ssa.Function]bool{}
	tf.started = map[*ssa.Function]bool{}
	tf.valueUsers = map[*ssa.Function][]*ssa.Function{}
	tf.lentHere = map[*ssa.Function]bool{}
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	all := funcs
	if init := e.pkg.Func("init"); init != nil {
		all = append(all[:len(all):len(all)], init)
	}
	for _, f := range all {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, isCall := instr.(*ssa.Call)
				for _, op := range instr.Operands(nil) {
					if op == nil {
						continue
					}
					g, isFn := (*op).(*ssa.Function)
					if !isFn || g.Pkg != e.pkg {
						continue
					}
					if isCall && call.Call.Value == g && !slices.Contains(call.Call.Args, ssa.Value(g)) {
						tf.callers[g] = append(tf.callers[g], call)
						continue
					}
					tf.asValue[g] = true
					if u := tf.valueUsers[g]; len(u) == 0 || u[len(u)-1] != f {
						tf.valueUsers[g] = append(u, f)
					}
					if ci, ok := instr.(ssa.CallInstruction); ok {
						if ci.Common().Value == g && !isCall {
							tf.started[g] = true // go g(), defer g()
						} else if lentToPackage(ci.Common(), g, e.pkg) {
							tf.lentHere[g] = true
						}
					}
				}
			}
		}
	}
}

// dropFailedTestExits removes, for test-only code whose callers fail the
// test on its error, the leaking returns that return a non-nil error:
// they are paths of a failed test.
func (e *engine) dropFailedTestExits(fn *ssa.Function, leaks []exit) []exit {
	if !slices.ContainsFunc(leaks, func(x exit) bool { return x.ret != nil && errNilness(x.ret) == 1 }) {
		return leaks
	}
	if e.errorFailsCallers(fn) {
		return slices.DeleteFunc(leaks, func(x exit) bool { return x.ret != nil && errNilness(x.ret) == 1 })
	}
	if e.errorLeavesSight(fn) || e.errorGoesToTest(fn) {
		// Only the returns that pass on a failure: an error the function
		// makes on a condition of its own (a status it does not like, a
		// case of the table) may be the signal a library retries on
		// (backoff.Retry polling a server until it answers 200), taken
		// by a passing run.
		return slices.DeleteFunc(leaks, func(x exit) bool {
			return x.ret != nil && errNilness(x.ret) == 1 && errpath.AfterFailure(x.ret.Block()) != nil
		})
	}
	return leaks
}

// collectorCalls: the function value v is the argument of call, a method
// that runs it and hands its error to a later call on the same receiver
// (errgroup's Go and Wait, by the knowledge table). Those later calls are
// where v's error arrives. ok is false for any other call, or when the
// receiver is used otherwise than by the methods of its own type (it may
// be waited for out of sight).
func collectorCalls(call *ssa.Call, v ssa.Value) (waits []*ssa.Call, ok bool) {
	c := &call.Call
	collect, known := resource.ErrorCollector(ssanav.CalleeFunc(c))
	if !known || c.IsInvoke() || len(c.Args) < 2 || c.Args[0] == v {
		return nil, false
	}
	recv := c.Args[0]
	recvType := c.StaticCallee().Signature.Recv().Type()
	for _, r := range *recv.Referrers() {
		rc, isCall := r.(*ssa.Call)
		if !isCall || rc.Call.IsInvoke() || len(rc.Call.Args) == 0 || rc.Call.Args[0] != recv {
			return nil, false
		}
		callee := rc.Call.StaticCallee()
		if callee == nil || callee.Signature.Recv() == nil || !types.Identical(callee.Signature.Recv().Type(), recvType) {
			return nil, false
		}
		if callee.Name() == collect {
			waits = append(waits, rc)
		}
	}
	return waits, len(waits) > 0
}

// errorLeavesSight reports whether fn is test code whose error goes to
// callers out of sight, in a test that does not expect an error: fn is
// declared in a _test.go file, returns an error, is never called in this
// package, neither run by a go or defer statement (which drops its error)
// nor handed to a function of this package (whose handling of the error
// is in sight), and is used as a value (a literal stored in a table,
// passed to a router or set as a dial hook; a function so used; a method
// of a type of the test files reached only through an interface or a
// method value). Its caller is a library, for which a non-nil error is
// the hook's failure and which fails what the test asked of it: in a
// test, a failed test. Where the test that hands fn over expects an error
// (an expecter such as require.Error, or a branch on a nil error that
// fails the test), a passing run may take fn's failing return, and the
// question stays open.
func (e *engine) errorLeavesSight(fn *ssa.Function) bool {
	if !returnsOutcome(fn) || !isError(lastResult(fn)) || !e.runsInTest(fn) || len(fn.Blocks) == 0 {
		return false
	}
	tf := e.tf()
	if v, ok := tf.outOfSight[fn]; ok {
		return v
	}
	tf.outOfSight[fn] = false
	var users []*ssa.Function
	switch {
	case fn.Parent() != nil:
		if _, called := literalCalls(fn); called {
			return false // its calls are in sight: errorFailsCallers
		}
		v, ok := literalValue(fn)
		if !ok || !handedOut(v, e.pkg) {
			return false
		}
		users = []*ssa.Function{fn.Parent()}
	case fn.Signature.Recv() != nil:
		e.indexCalls()
		if len(tf.callers[fn]) > 0 || tf.started[fn] || tf.lentHere[fn] {
			return false
		}
		users = e.receiverUsers(fn)
	default:
		// (An exported function of a _test.go file can be called by
		// the external test package, out of this pass's sight.)
		if obj, ok := fn.Object().(*types.Func); !ok || obj.Exported() {
			return false
		}
		e.indexCalls()
		if len(tf.callers[fn]) > 0 || tf.started[fn] || tf.lentHere[fn] || !tf.asValue[fn] {
			return false
		}
		users = tf.valueUsers[fn]
	}
	if len(users) == 0 {
		return false
	}
	for _, u := range users {
		if e.expectsErrorIn(outermost(u)) {
			return false
		}
	}
	tf.outOfSight[fn] = true
	return true
}

// literalValue returns the value that stands for the function literal fn
// in its parent: the closure, or fn itself when it captures nothing and
// is used in one function only.
func literalValue(fn *ssa.Function) (ssa.Value, bool) {
	if len(fn.FreeVars) == 0 {
		return fn, true
	}
	var v ssa.Value
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				if v != nil {
					return nil, false
				}
				v = mc
			}
		}
	}
	return v, v != nil
}

// handedOut reports whether the function value v (a literal or its
// closure) is used only as a value, and never called, started, deferred
// or passed to a function of pkg where it stands in the parent's body.
func handedOut(v ssa.Value, pkg *ssa.Package) bool {
	fn, isFn := v.(*ssa.Function)
	var instrs []ssa.Instruction
	if isFn {
		// A literal without free variables has no referrers of its own:
		// its uses are operands of its parent's instructions.
		for _, b := range fn.Parent().Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if op != nil && *op == v {
						instrs = append(instrs, instr)
						break
					}
				}
			}
		}
	} else if refs := v.Referrers(); refs != nil {
		instrs = *refs
	}
	if len(instrs) == 0 {
		return false
	}
	for _, instr := range instrs {
		if ci, ok := instr.(ssa.CallInstruction); ok {
			if ci.Common().Value == v || lentToPackage(ci.Common(), v, pkg) {
				return false
			}
		}
	}
	return true
}

// lentToPackage reports whether call passes v to a function of pkg.
func lentToPackage(call *ssa.CallCommon, v ssa.Value, pkg *ssa.Package) bool {
	callee := call.StaticCallee()
	return callee != nil && !call.IsInvoke() && callee.Pkg == pkg && slices.Contains(call.Args, v)
}

// receiverUsers returns the functions of this package that make fn, a
// method, reachable to callers out of sight: they convert a value of its
// receiver's type to an interface or take its method value.
func (e *engine) receiverUsers(fn *ssa.Function) []*ssa.Function {
	recv := fn.Signature.Recv().Type()
	base := recv
	if p, ok := base.(*types.Pointer); ok {
		base = p.Elem()
	}
	named, ok := base.(*types.Named)
	if !ok || named.Obj().Pkg() != e.pkg.Pkg || !e.inTestFile(named.Obj().Pos()) {
		return nil
	}
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	var users []*ssa.Function
	for _, f := range funcs {
	scan:
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.MakeInterface:
					t := in.X.Type()
					if types.Identical(t, base) || types.Identical(t, types.NewPointer(base)) {
						users = append(users, f)
						break scan
					}
				case *ssa.MakeClosure:
					if g, ok := in.Fn.(*ssa.Function); ok && g.Object() == fn.Object() {
						users = append(users, f)
						break scan
					}
				}
			}
		}
	}
	return users
}

// outermost returns the function declaration that fn, a literal, is
// nested in (fn itself when it is one).
func outermost(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

// expectsErrorIn reports whether fn, or a literal nested in it, expects an
// error: it calls an expecter of an error (require.Error and its kin by
// the table, a helper of the package derived from its body), branches on
// an error compared with nil where the nil side fails the test on every
// path (`if err == nil { t.Fatal("want an error") }`), or compares such
// a nil test with another bool (`(err != nil) != tc.wantErr`).
func (e *engine) expectsErrorIn(fn *ssa.Function) bool {
	tf := e.tf()
	if v, ok := tf.expects[fn]; ok {
		return v
	}
	tf.expects[fn] = false
	v := e.expectsErrorBody(fn)
	for _, anon := range fn.AnonFuncs {
		v = v || e.expectsErrorIn(anon)
	}
	tf.expects[fn] = v
	return v
}

func (e *engine) expectsErrorBody(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Call:
				for _, a := range in.Call.Args {
					if isError(a.Type()) && e.expectsError(in.Common(), a) {
						return true
					}
				}
			case *ssa.If:
				errv := nilTested(in.Cond)
				if errv == nil || len(b.Succs) != 2 {
					continue
				}
				nonNil, _ := nonNilEdge(in.Cond, errv)
				if e.failsOnEveryPath(b.Succs[1-nonNil], 0, nil, false) {
					return true
				}
			case *ssa.BinOp:
				if (in.Op == token.EQL || in.Op == token.NEQ) && (nilTested(in.X) != nil) != (nilTested(in.Y) != nil) {
					if _, isConst := in.X.(*ssa.Const); !isConst {
						if _, isConst := in.Y.(*ssa.Const); !isConst {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// nilTested returns the error that cond compares with nil, or nil.
func nilTested(cond ssa.Value) ssa.Value {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return nil
	}
	switch {
	case isError(cmp.X.Type()) && isNil(cmp.Y):
		return cmp.X
	case isError(cmp.Y.Type()) && isNil(cmp.X):
		return cmp.Y
	}
	return nil
}

// runsInTest reports whether fn is code that runs only inside a running
// test: it is declared in a _test.go file; it takes the test's handle
// (resource.IsTestHandle: a helper, a harness's dial); it is a function
// literal of such code; it is named nowhere in the package as analysed
// but by the package's own test files, left out of the run
// (unreferenced: a helper of those tests); or it is an unexported
// function of this package
// (not a method, which an interface may call out of sight) whose every
// static call and every use as a value is in such code (an option that a
// harness's Test(t, opts...) adds to the ones it is given). Packages of
// test support, such as an integration harness or a fake server, hold
// such code in ordinary files: what decides is the use of the testing
// API, not the file's name.
func (e *engine) runsInTest(fn *ssa.Function) bool {
	if e.inTestFile(fn.Pos()) {
		return true
	}
	if fn.Parent() != nil {
		return e.runsInTest(fn.Parent())
	}
	for _, p := range fn.Params {
		if resource.IsTestHandle(p.Type()) {
			return true
		}
	}
	if e.unreferenced(fn) {
		return true
	}
	tf := e.tf()
	if v, ok := tf.inTest[fn]; ok {
		return v
	}
	tf.inTest[fn] = false // recursion through itself: unknown
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Exported() || fn.Signature.Recv() != nil || fn.Pkg != e.pkg {
		return false
	}
	e.indexCalls()
	users := slices.Clone(tf.valueUsers[fn])
	for _, c := range tf.callers[fn] {
		users = append(users, c.Parent())
	}
	if len(users) == 0 {
		return false
	}
	for _, u := range users {
		if !e.runsInTest(u) {
			return false
		}
	}
	tf.inTest[fn] = true
	return true
}

// errorGoesToTest reports whether fn, a function declared outside the
// _test.go files that runs in a test (runsInTest), hands its error only
// to tests: it is exported (its callers are the tests of other packages,
// out of sight), unreferenced (its callers are test files out of the run)
// or called in this package, never used as a value, and at
// each of its calls here the path on which the error is not nil fails
// the test or ends, or returns the error from a function of which the
// same holds (a harness's DialClient(ctx, t) returning what its dial
// returned). A test that a harness hands an error stops there, as when
// the harness calls t.Fatal itself: its failing returns are not the run
// of a passing test. Only the returns that pass on a failure are left
// out (dropFailedTestExits), as for a hook handed to a library.
func (e *engine) errorGoesToTest(fn *ssa.Function) bool {
	if !returnsOutcome(fn) || !isError(lastResult(fn)) || fn.Parent() != nil || len(fn.Blocks) == 0 || e.inTestFile(fn.Pos()) || !e.runsInTest(fn) {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	tf := e.tf()
	if v, ok := tf.toTest[fn]; ok {
		return v
	}
	tf.toTest[fn] = false // recursion through itself: unknown
	e.indexCalls()
	calls := tf.callers[fn]
	if tf.asValue[fn] || !obj.Exported() && len(calls) == 0 && !e.unreferenced(fn) {
		return false
	}
	for _, c := range calls {
		errv := outcomeResult(c)
		if errv == nil {
			return false
		}
		if e.failsOnErrorAt(c, errv) {
			continue
		}
		if !e.passesErrorUp(c, errv) || !e.errorGoesToTest(c.Parent()) {
			return false
		}
	}
	tf.toTest[fn] = true
	return true
}

// passesErrorUp reports whether, after call, every path on which its
// error errv is not nil returns that error (or another one that is not
// nil), fails the running test or ends.
func (e *engine) passesErrorUp(call *ssa.Call, errv ssa.Value) bool {
	b := call.Block()
	w := blockWalk{
		step: func(instr ssa.Instruction, _, _ *ssa.BasicBlock) blockStep {
			switch in := instr.(type) {
			case *ssa.Call:
				if in == call {
					return stepFails // round a loop to the call again
				}
				if e.failsTest(in.Common()) {
					return stepEnds
				}
			case *ssa.Panic:
				return stepEnds
			case *ssa.Return:
				if len(in.Results) > 0 && ssanav.StoredResult(in.Results[len(in.Results)-1]) == errv || errNilness(in) == 1 {
					return stepEnds
				}
				return stepFails
			}
			return stepOn
		},
		edge: func(cond ssa.Value) (int, bool) {
			return nonNilEdge(cond, errv)
		},
		limit: 512,
	}
	return w.holds(b, slices.Index(b.Instrs, ssa.Instruction(call))+1)
}
