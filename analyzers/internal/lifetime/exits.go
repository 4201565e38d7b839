package lifetime

import (
	"go/token"
	"go/types"
	"maps"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// errorEndsProcess reports whether a failure return of fn ends the
// process: fn is a function of package main whose every use is a plain
// call from func main, and after each such call, where fn's error is
// non-nil, main only goes on to return or to a call that never returns
// (log.Fatal, os.Exit) without calling fn again; or fn is used only as the
// function a command-line framework runs for a command (runsCommand); or
// fn's callers hand its error on to such a function (errorHandedOn).
// What fn leaves open on a failing return is then released with the
// process.
func (e *engine) errorEndsProcess(fn *ssa.Function) bool {
	return e.errorEndsProcessVia(fn, map[*ssa.Function]bool{})
}

// maxHandOn bounds the chain of callers errorHandedOn follows.
const maxHandOn = 4

func (e *engine) errorEndsProcessVia(fn *ssa.Function, chain map[*ssa.Function]bool) bool {
	if e.runsCommand(fn) {
		return true
	}
	if e.errorHandedOn(fn, chain) {
		return true
	}
	if fn.Pkg == nil || fn.Pkg.Pkg.Name() != "main" || fn.Parent() != nil || fn.Signature.Recv() != nil || isMain(fn) {
		return false
	}
	results := fn.Signature.Results()
	if results.Len() == 0 || !isError(results.At(results.Len()-1).Type()) {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	main, ok := fn.Pkg.Members["main"].(*ssa.Function)
	if !ok || !isMain(main) {
		return false
	}
	uses := e.useCount(obj)
	var calls []*ssa.Call
	for _, b := range main.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok && !c.Call.IsInvoke() && c.Call.StaticCallee() == fn {
				calls = append(calls, c)
			}
		}
	}
	if uses == 0 || len(calls) != uses {
		return false // used as a value, in a goroutine or a defer, or by another function
	}
	for _, c := range calls {
		if !endsOnError(c) {
			return false
		}
	}
	return true
}

// successEndsProcess reports whether a successful return of fn, whose
// failing returns end the process (errorEndsProcess), ends it too: fn is a
// command's runner that no other runner follows (the framework runs one
// command and returns to main, which ends the program whatever it
// returned; not a pre-run hook, after which the command runs), or fn is a function no
// other package can call whose every use is a command's runner, a call
// from main or a call from a function whose successful return ends the
// process, in tail position: once fn has succeeded, the caller only goes
// on to return (deferred calls aside), with no call, channel operation or
// loop on the way (`if err := c.fn(addr); err != nil { return err };
// return nil` in the runner of a command table, `return pprof(addr)`).
// What fn leaves open on any return then goes with the process, as what
// main leaves open does.
func (e *engine) successEndsProcess(fn *ssa.Function) bool {
	return e.successEndsProcessVia(fn, map[*ssa.Function]bool{})
}

func (e *engine) successEndsProcessVia(fn *ssa.Function, chain map[*ssa.Function]bool) bool {
	if e.runsCommandAs(fn, true) {
		return true
	}
	if chain[fn] || len(chain) >= maxHandOn {
		return false
	}
	if fn.Pkg == nil || fn.Parent() != nil || fn.Signature.Recv() != nil || isMain(fn) {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != e.pass.Pkg || obj.Exported() && obj.Pkg().Name() != "main" {
		return false
	}
	uses := e.useCount(obj)
	if uses == 0 {
		return false
	}
	var calls []*ssa.Call
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.Call); ok && !c.Call.IsInvoke() && c.Call.StaticCallee() == fn {
					calls = append(calls, c)
				}
			}
		}
	}
	stores, fieldCalls, ok := e.tableCalls(fn)
	if !ok {
		return false
	}
	if len(calls)+stores+e.runnerStoresAs(fn, true) != uses {
		return false // used as a value, in a goroutine or a defer, or run before another runner
	}
	calls = append(calls, fieldCalls...)
	chain[fn] = true
	defer delete(chain, fn)
	for _, c := range calls {
		if !successTail(c) || !isMain(c.Parent()) && !e.successEndsProcessVia(c.Parent(), chain) {
			return false
		}
	}
	return true
}

// successTail reports whether every path from call on which the call's
// error result is nil (or not tested) reaches a return or a panic of the
// caller without a call, a channel operation or coming back round a loop.
func successTail(call *ssa.Call) bool {
	errs := errorResult(call)
	onPath := map[*ssa.BasicBlock]bool{call.Block(): true}
	var walk func(b *ssa.BasicBlock, from int) bool
	walk = func(b *ssa.BasicBlock, from int) bool {
		for _, instr := range b.Instrs[from:] {
			switch in := instr.(type) {
			case *ssa.Return, *ssa.Panic:
				return true
			case ssa.CallInstruction, *ssa.Send, *ssa.Select:
				return false // more work before the end
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					return false
				}
			case *ssa.If:
				tested := nilOnEdge(in.Cond, errs, true) || nilOnEdge(in.Cond, errs, false)
				for i, s := range b.Succs {
					if tested && !nilOnEdge(in.Cond, errs, i == 0) {
						continue // the call failed on this edge
					}
					if onPath[s] {
						return false
					}
					onPath[s] = true
					ok := walk(s, 0)
					delete(onPath, s)
					if !ok {
						return false
					}
				}
				return true
			}
		}
		for _, s := range b.Succs {
			if onPath[s] {
				return false
			}
			onPath[s] = true
			ok := walk(s, 0)
			delete(onPath, s)
			if !ok {
				return false
			}
		}
		return true
	}
	return walk(call.Block(), indexOf(call.Block(), call)+1)
}

// errorHandedOn reports whether fn, a declared function that returns an
// error and that no other package can call (unexported, or of package
// main), is used only as a command's runner, in plain calls and in the
// fields of a table the package calls it from (tableCalls), each call in
// a function whose failing return ends the process (errorEndsProcess)
// and which, where fn's error is non-nil, only goes on to return that
// same error, or a new one that is never nil, (or to a call that never
// returns) without calling fn again: the helper of a command's runner
// (`fnames, err = getStdin(); if err != nil { return }` in the function a
// CLI framework runs).
func (e *engine) errorHandedOn(fn *ssa.Function, chain map[*ssa.Function]bool) bool {
	if chain[fn] || len(chain) >= maxHandOn {
		return false
	}
	if fn.Pkg == nil || fn.Parent() != nil || fn.Signature.Recv() != nil || isMain(fn) {
		return false
	}
	results := fn.Signature.Results()
	if results.Len() == 0 || !isError(results.At(results.Len()-1).Type()) {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != e.pass.Pkg || obj.Exported() && obj.Pkg().Name() != "main" {
		return false
	}
	uses := e.useCount(obj)
	if uses == 0 {
		return false
	}
	var calls []*ssa.Call
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.Call); ok && !c.Call.IsInvoke() && c.Call.StaticCallee() == fn {
					calls = append(calls, c)
				}
			}
		}
	}
	stores, fieldCalls, ok := e.tableCalls(fn)
	if !ok {
		return false // a field its value is read from goes elsewhere
	}
	calls = append(calls, fieldCalls...)
	if len(calls) == 0 || len(calls)-len(fieldCalls)+stores+e.runnerStores(fn) != uses {
		return false // used as a value, in a goroutine or a defer
	}
	chain[fn] = true
	defer delete(chain, fn)
	for _, c := range calls {
		if !handsErrorOn(c) || !e.errorEndsProcessVia(c.Parent(), chain) {
			return false
		}
	}
	return true
}

// tableCalls finds where fn runs when it is kept in a table: the stores
// of fn (as it is, or converted to the field's named function type) into
// fields of a struct of this package that no other package can read (an
// unexported field), and the calls of every value read from those fields
// anywhere in the package (`{name: "trace", fn: trace}` in a command
// table, `c.fn(addr, args)` in the runner made for each row). ok is false
// when a value read from such a field is used other than as the function
// of a plain call (passed on, stored, started as a goroutine, deferred):
// fn could then run where nothing here sees. Other functions stored in
// the same fields do not matter: each call is judged as a call of fn.
func (e *engine) tableCalls(fn *ssa.Function) (stores int, calls []*ssa.Call, ok bool) {
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	if init := fn.Pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init)
	}
	fields := map[*types.Var]bool{}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				st, isStore := instr.(*ssa.Store)
				if !isStore {
					continue
				}
				val := st.Val
				if ct, isChange := val.(*ssa.ChangeType); isChange {
					val = ct.X
				}
				fa, isField := st.Addr.(*ssa.FieldAddr)
				if val != fn || !isField {
					continue
				}
				_, field, found := ssanav.Field(fa)
				if !found || field.Exported() || field.Pkg() != e.pass.Pkg {
					continue
				}
				fields[field] = true
				stores++
			}
		}
	}
	if stores == 0 {
		return 0, nil, true
	}
	// Every read of those fields, as an address or as a value's field.
	calledOnly := func(v ssa.Value) bool {
		for _, r := range refsOf(v) {
			c, isCall := r.(*ssa.Call)
			if !isCall || c.Call.IsInvoke() || c.Call.Value != v || slices.Contains(c.Call.Args, v) {
				return false
			}
			calls = append(calls, c)
		}
		return true
	}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.FieldAddr:
					if _, field, found := ssanav.Field(in); !found || !fields[field] {
						continue
					}
					for _, r := range refsOf(in) {
						switch r := r.(type) {
						case *ssa.Store:
							if r.Addr != ssa.Value(in) {
								return 0, nil, false // the field's address is kept
							}
						case *ssa.UnOp:
							if r.Op != token.MUL || !calledOnly(r) {
								return 0, nil, false
							}
						case *ssa.DebugRef:
						default:
							return 0, nil, false
						}
					}
				case *ssa.Field:
					st, isStruct := in.X.Type().Underlying().(*types.Struct)
					if !isStruct || !fields[st.Field(in.Field)] {
						continue
					}
					if !calledOnly(in) {
						return 0, nil, false
					}
				}
			}
		}
	}
	return stores, calls, true
}

func refsOf(v ssa.Value) []ssa.Instruction {
	if rs := v.Referrers(); rs != nil {
		return *rs
	}
	return nil
}

// runsCommand reports whether fn returns an error and its only uses are
// as the function that a command-line framework runs for a command
// (resource.RunsCommand: cobra's RunE, ...). The framework returns that
// error to main, which exits: a failing return ends the process.
func (e *engine) runsCommand(fn *ssa.Function) bool { return e.runsCommandAs(fn, false) }

// runsCommandAs is runsCommand; with last, every field fn is stored in is
// one after which the framework returns to main (resource.EndsCommandRun).
func (e *engine) runsCommandAs(fn *ssa.Function, last bool) bool {
	results := fn.Signature.Results()
	if fn.Pkg == nil || results.Len() == 0 || !isError(results.At(results.Len()-1).Type()) {
		return false
	}
	if !slices.ContainsFunc(fn.Pkg.Pkg.Imports(), func(p *types.Package) bool { return resource.CommandPackage(p.Path()) }) {
		return false // no command is built here
	}
	if fn.Parent() != nil {
		// A literal: its value (or the closure made of it) is used only
		// as a command's runner.
		uses := 0
		for _, r := range *fn.Referrers() {
			if st, isStore := r.(*ssa.Store); isStore && st.Val == fn {
				// A literal that captures nothing is stored as it is.
				if !runnerField(st.Addr, last) {
					return false
				}
				uses++
				continue
			}
			v, ok := r.(ssa.Value)
			if mc, isClosure := r.(*ssa.MakeClosure); isClosure && mc.Fn == fn {
				v, ok = mc, true
			}
			if !ok || !storedOnlyAsRunner(v, last) {
				return false
			}
			uses++
		}
		return uses > 0
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	uses := e.useCount(obj)
	if uses == 0 {
		return false
	}
	// A named function: every use is a store as a command's runner.
	return e.runnerStoresAs(fn, last) == uses
}

// runnerStores counts the stores of the declared function fn into a
// command's runner field (resource.RunsCommand), in the package's
// functions and its initialisers.
func (e *engine) runnerStores(fn *ssa.Function) int { return e.runnerStoresAs(fn, false) }

func (e *engine) runnerStoresAs(fn *ssa.Function, last bool) int {
	if !slices.ContainsFunc(fn.Pkg.Pkg.Imports(), func(p *types.Package) bool { return resource.CommandPackage(p.Path()) }) {
		return 0
	}
	stores := 0
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	if init := fn.Pkg.Func("init"); init != nil {
		// Package-level variables are initialised there.
		funcs = append(funcs[:len(funcs):len(funcs)], init)
	}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				val := st.Val
				switch v := val.(type) {
				case *ssa.ChangeType:
					val = v.X // to the field's named function type
				case *ssa.MakeInterface:
					val = v.X // into a field of interface type (urfave/cli v1's Action)
				}
				if val == fn && runnerField(st.Addr, last) {
					stores++
				}
			}
		}
	}
	return stores
}

// storedOnlyAsRunner reports whether every use of the function value v
// (through changes of its named type) stores it into a command's runner
// field.
func storedOnlyAsRunner(v ssa.Value, last bool) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val != v || !runnerField(r.Addr, last) {
				return false
			}
		case *ssa.ChangeType, *ssa.MakeInterface:
			if !storedOnlyAsRunner(r.(ssa.Value), last) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// runnerField reports whether addr is the address of a command's runner
// field (resource.RunsCommand; with last, resource.EndsCommandRun).
func runnerField(addr ssa.Value, last bool) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	owner, field, ok := ssanav.Field(fa)
	if last {
		return ok && resource.EndsCommandRun(owner, field)
	}
	return ok && resource.RunsCommand(owner, field)
}

// endsOnError reports whether every path from call on which the call's
// error result is not known to be nil ends in a return of main or in a
// panic (after a call that never returns) without reaching call again.
func endsOnError(call *ssa.Call) bool {
	errs := errorResult(call)
	// The error's copies: phis merging it, stores into a local and loads.
	for changed := true; changed; {
		changed = false
		for v := range errs {
			for _, r := range *v.Referrers() {
				var c ssa.Value
				switch r := r.(type) {
				case *ssa.Phi:
					c = r
				case *ssa.Store:
					if alloc, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v {
						for _, ar := range *alloc.Referrers() {
							if ld, ok := ar.(*ssa.UnOp); ok && ld.Op == token.MUL && !errs[ld] {
								errs[ld] = true
								changed = true
							}
						}
					}
				}
				if c != nil && !errs[c] {
					errs[c] = true
					changed = true
				}
			}
		}
	}
	// A path that comes back to the call or into any loop, or that blocks
	// in an empty select, may keep the process alive: not an end.
	start := call.Block()
	const (
		onPath = 1
		ends   = 2
	)
	state := map[*ssa.BasicBlock]int{}
	var walk func(b *ssa.BasicBlock, from int) bool
	visit := func(s *ssa.BasicBlock) bool {
		switch {
		case s == start || state[s] == onPath:
			return false
		case state[s] == ends:
			return true
		}
		state[s] = onPath
		if !walk(s, 0) {
			return false
		}
		state[s] = ends
		return true
	}
	walk = func(b *ssa.BasicBlock, from int) bool {
		for _, instr := range b.Instrs[from:] {
			switch in := instr.(type) {
			case *ssa.Return, *ssa.Panic:
				return true
			case *ssa.Select:
				if len(in.States) == 0 && in.Blocking {
					return false // select {}
				}
			case *ssa.If:
				for i, s := range b.Succs {
					if nilOnEdge(in.Cond, errs, i == 0) {
						continue // fn succeeded on this edge
					}
					if !visit(s) {
						return false
					}
				}
				return true
			}
		}
		for _, s := range b.Succs {
			if !visit(s) {
				return false
			}
		}
		return true
	}
	return walk(start, indexOf(start, call)+1)
}

// handsErrorOn reports whether every path from call on which the call's
// error result is not known to be nil ends in a panic or in a return whose
// last result is that error or one made there that is never nil
// (errpath.IsNonNil: `fmt.Errorf("dial: %v", err)`), without reaching
// call again: the caller hands the failure on as its own. The walk
// follows each path (at most maxHandOnSteps blocks in all) with what it
// holds: the error value, the loads of locals it (or such a new error)
// was stored in on that path (a named result, or a result in a function
// with defer), the phis merging only those.
func handsErrorOn(call *ssa.Call) bool {
	errs := errorResult(call)
	if len(errs) == 0 {
		return false
	}
	steps := 0
	onPath := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock, from int, pred *ssa.BasicBlock, held map[ssa.Value]bool, cells map[*ssa.Alloc]bool) bool
	walk = func(b *ssa.BasicBlock, from int, pred *ssa.BasicBlock, held map[ssa.Value]bool, cells map[*ssa.Alloc]bool) bool {
		if steps++; steps > maxHandOnSteps {
			return false
		}
		held, cells = maps.Clone(held), maps.Clone(cells)
		for _, instr := range b.Instrs[from:] {
			switch in := instr.(type) {
			case *ssa.Phi:
				if pred != nil {
					if k := slices.Index(b.Preds, pred); k >= 0 && held[in.Edges[k]] {
						held[in] = true
					}
				}
			case *ssa.Store:
				if a, ok := in.Addr.(*ssa.Alloc); ok {
					cells[a] = (held[in.Val] || errpath.IsNonNil(in.Val)) && plainLocal(a)
				}
			case *ssa.UnOp:
				if a, ok := in.X.(*ssa.Alloc); ok && in.Op == token.MUL && cells[a] {
					held[in] = true
				}
			case ssa.CallInstruction:
				if in == ssa.CallInstruction(call) {
					return false // a retry
				}
				// A callee given a local's address may change it.
				for _, arg := range in.Common().Args {
					if a, ok := arg.(*ssa.Alloc); ok {
						delete(cells, a)
					}
				}
			case *ssa.Select:
				if len(in.States) == 0 && in.Blocking {
					return false // select {}
				}
			case *ssa.Panic:
				return true
			case *ssa.Return:
				// The same error, or one made here that is never nil
				// (`return fmt.Errorf("dial: %v", err)`).
				if len(in.Results) == 0 {
					return false
				}
				last := in.Results[len(in.Results)-1]
				return held[last] || errpath.IsNonNil(last)
			case *ssa.If:
				for i, s := range b.Succs {
					if nilOnEdge(in.Cond, held, i == 0) {
						continue // the call succeeded on this edge
					}
					if !visitHandOn(s, b, held, cells, onPath, walk) {
						return false
					}
				}
				return true
			}
		}
		for _, s := range b.Succs {
			if !visitHandOn(s, b, held, cells, onPath, walk) {
				return false
			}
		}
		return true
	}
	onPath[call.Block()] = true
	return walk(call.Block(), indexOf(call.Block(), call)+1, nil, errs, map[*ssa.Alloc]bool{})
}

// plainLocal reports whether a local is only stored into and loaded: no
// closure captures it (a deferred one might change it) and no address of
// it goes anywhere.
func plainLocal(a *ssa.Alloc) bool {
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// maxHandOnSteps bounds the blocks handsErrorOn walks.
const maxHandOnSteps = 64

func visitHandOn(s, from *ssa.BasicBlock, held map[ssa.Value]bool, cells map[*ssa.Alloc]bool, onPath map[*ssa.BasicBlock]bool,
	walk func(*ssa.BasicBlock, int, *ssa.BasicBlock, map[ssa.Value]bool, map[*ssa.Alloc]bool) bool) bool {
	if onPath[s] {
		return false // a loop: the path may go on
	}
	onPath[s] = true
	defer delete(onPath, s)
	return walk(s, 0, from, held, cells)
}

// nilOnEdge reports whether cond compares one of errs with nil and the
// edge taken (or not) is the one where it is nil.
func nilOnEdge(cond ssa.Value, errs map[ssa.Value]bool, taken bool) bool {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return false
	}
	if !(errs[cmp.X] && isNil(cmp.Y) || errs[cmp.Y] && isNil(cmp.X)) {
		return false
	}
	return (cmp.Op == token.EQL) == taken
}

func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return -1
}

// useCount is the number of identifiers of the package that refer to obj.
func (e *engine) useCount(obj types.Object) int {
	n := 0
	for _, o := range e.pass.TypesInfo.Uses {
		if o == obj {
			n++
		}
	}
	return n
}

// errorResult is the set holding the value of call's last result, the
// error: the call itself when it has one result, else its extract of the
// last one (empty when the caller never reads it).
func errorResult(call *ssa.Call) map[ssa.Value]bool {
	errs := map[ssa.Value]bool{}
	if n := call.Call.Signature().Results().Len(); n == 1 {
		errs[call] = true
	} else {
		for _, r := range *call.Referrers() {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == n-1 {
				errs[ex] = true
			}
		}
	}
	return errs
}
