package lifetime

import (
	"go/token"
	"go/types"
	"slices"

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
// function a command-line framework runs for a command (runsCommand).
// What fn leaves open on a failing return is then released with the
// process.
func (e *engine) errorEndsProcess(fn *ssa.Function) bool {
	if e.runsCommand(fn) {
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
	uses := 0
	for _, o := range e.pass.TypesInfo.Uses {
		if o == obj {
			uses++
		}
	}
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

// runsCommand reports whether fn returns an error and its only uses are
// as the function that a command-line framework runs for a command
// (resource.RunsCommand: cobra's RunE, ...). The framework returns that
// error to main, which exits: a failing return ends the process.
func (e *engine) runsCommand(fn *ssa.Function) bool {
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
			v, ok := r.(ssa.Value)
			if mc, isClosure := r.(*ssa.MakeClosure); isClosure && mc.Fn == fn {
				v, ok = mc, true
			}
			if !ok || !storedOnlyAsRunner(v) {
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
	uses := 0
	for _, o := range e.pass.TypesInfo.Uses {
		if o == obj {
			uses++
		}
	}
	if uses == 0 {
		return false
	}
	// A named function: every use is a store as a command's runner.
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
				if val == fn && runnerField(st.Addr) {
					stores++
				}
			}
		}
	}
	return stores == uses
}

// storedOnlyAsRunner reports whether every use of the function value v
// (through changes of its named type) stores it into a command's runner
// field.
func storedOnlyAsRunner(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val != v || !runnerField(r.Addr) {
				return false
			}
		case *ssa.ChangeType, *ssa.MakeInterface:
			if !storedOnlyAsRunner(r.(ssa.Value)) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// runnerField reports whether addr is the address of a command's runner
// field (resource.RunsCommand).
func runnerField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	owner, field, ok := ssanav.Field(fa)
	return ok && resource.RunsCommand(owner, field)
}

// endsOnError reports whether every path from call on which the call's
// error result is not known to be nil ends in a return of main or in a
// panic (after a call that never returns) without reaching call again.
func endsOnError(call *ssa.Call) bool {
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
