// Package noreturn answers one question for every check: does a call of
// this function never return normally?
//
// The answer is derived from function bodies, transitively: a function
// never returns when no return statement is reachable in its body and
// control cannot fall off its end, because every path ends in a call that
// never returns (panic, os.Exit, runtime.Goexit, log.Fatal, t.FailNow, or
// any function already known not to return) or in a loop or select that
// never ends. Inside a package the answer is a least fixpoint (a function
// is taken to return until its body shows otherwise, so recursion alone
// never makes a function no-return); across packages it travels as a
// fact on the functions that never return. Only the few functions whose
// bodies cannot show it (they end in the runtime) are listed by name.
//
// The walk is over syntax (go/cfg), not SSA: it runs on every package the
// driver analyses, dependencies included, and only looks at the bodies
// that contain a candidate (a panic, a call of a no-return function, a
// loop without condition, an empty select) or call one that has become
// no-return.
package noreturn

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer computes, for the package's functions and methods, whether
// they never return, and exports the answer as a fact.
var Analyzer = &analysis.Analyzer{
	Name:       "noreturn",
	Doc:        "decide which functions never return normally, transitively, from their bodies",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/noreturn",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(neverReturns)},
}

// neverReturns marks a function that never returns normally. Blocks is
// set when no path ends the goroutine either (every path loops or waits
// forever); otherwise some path panics or exits.
type neverReturns struct {
	Blocks bool
}

func (*neverReturns) AFact() {}

func (f *neverReturns) String() string {
	if f.Blocks {
		return "noreturn(blocks)"
	}
	return "noreturn"
}

// seeds are the functions whose bodies cannot show that they never
// return, by full name (package path, then receiver type for methods).
var seeds = map[string]struct {
	blocks bool
	reason string
}{
	"syscall.Exit":   {reason: "declared without a body: the runtime implements it and ends the process (os.Exit, and so log.Fatal, end in it)"},
	"runtime.Goexit": {reason: "ends the goroutine through runtime internals (mcall) whose bodies are assembly (t.FailNow and t.SkipNow end in it)"},
}

// Result answers the question for any function: the package's own (from
// their bodies), its dependencies' (from facts) and the seeds.
type Result struct {
	pass  *analysis.Pass
	local map[*types.Func]*neverReturns
}

// NoReturn reports whether a call of fn never returns normally: it
// panics, ends the goroutine or the process, or never stops, on every
// path.
func (r *Result) NoReturn(fn *types.Func) bool {
	return r.lookup(fn) != nil
}

// Exits reports whether a call of fn never returns normally and, on
// some path, ends by a panic or by ending the goroutine or the process
// rather than by blocking forever. SSA models such a call as followed by
// a panic; it is the predicate lazyssa gives ssa.Program.SetNoReturn.
func (r *Result) Exits(fn *types.Func) bool {
	f := r.lookup(fn)
	return f != nil && !f.Blocks
}

// BlocksForever reports whether a call of fn never returns and never
// ends the goroutine either: every path loops or waits forever.
func (r *Result) BlocksForever(fn *types.Func) bool {
	f := r.lookup(fn)
	return f != nil && f.Blocks
}

func (r *Result) lookup(fn *types.Func) *neverReturns {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if s, ok := seeds[fullName(fn)]; ok {
		return &neverReturns{Blocks: s.blocks}
	}
	if fn.Pkg() == r.pass.Pkg {
		return r.local[fn]
	}
	var f neverReturns
	if r.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// fullName is "path.Name" for a function and "path.Type.Name" for a
// method (pointer receivers included).
func fullName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	recv := sig.Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	if named, ok := types.Unalias(recv).(*types.Named); ok {
		return fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// body is one function of the package under analysis.
type body struct {
	fn   *types.Func
	decl *ast.FuncDecl
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{pass: pass, local: make(map[*types.Func]*neverReturns)}
	bodies := make(map[*types.Func]*body)
	callers := make(map[*types.Func][]*body)
	var work []*body
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			b := &body{fn: fn, decl: fd}
			bodies[fn] = b
			if r.scan(b, callers) {
				work = append(work, b)
			}
		}
	}
	queued := make(map[*body]bool, len(work))
	for _, b := range work {
		queued[b] = true
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		queued[b] = false
		f := r.judge(b)
		old := r.local[b.fn]
		if f == nil || old != nil && *old == *f {
			continue // answers only grow: "returns" is the starting point
		}
		r.local[b.fn] = f
		for _, c := range callers[b.fn] {
			if !queued[c] {
				queued[c] = true
				work = append(work, c)
			}
		}
	}
	for fn, f := range r.local {
		pass.ExportObjectFact(fn, f)
	}
	return r, nil
}

// scan records b as a caller of the package's functions it calls as a
// statement, and reports whether its body contains something that can
// end a path without a return: a panic, a call of a function already
// known not to return, a loop without a condition or an empty select.
// Expressions are not entered: only a call that is a statement can end a
// path, and a function literal's body is another function.
func (r *Result) scan(b *body, callers map[*types.Func][]*body) bool {
	info := r.pass.TypesInfo
	found := false
	ast.Inspect(b.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case ast.Expr:
			return false
		case *ast.ExprStmt:
			call, ok := ast.Unparen(n.X).(*ast.CallExpr)
			if !ok {
				return false
			}
			if isPanic(info, call) {
				found = true
			} else if fn := typeutil.StaticCallee(info, call); fn != nil {
				fn = fn.Origin()
				if fn.Pkg() == r.pass.Pkg {
					if l := callers[fn]; len(l) == 0 || l[len(l)-1] != b {
						callers[fn] = append(l, b)
					}
				} else if r.lookup(fn) != nil {
					found = true
				}
			}
			return false
		case *ast.ForStmt:
			if n.Cond == nil {
				found = true
			}
		case *ast.SelectStmt:
			if len(n.Body.List) == 0 {
				found = true
			}
		}
		return true
	})
	return found
}

// judge decides b under the current answers for its callees: nil when
// it can return.
func (r *Result) judge(b *body) *neverReturns {
	info := r.pass.TypesInfo
	ends := false
	g := cfg.New(b.decl.Body, func(call *ast.CallExpr) bool {
		if isPanic(info, call) {
			return false
		}
		return r.lookup(typeutil.StaticCallee(info, call)) == nil
	})
	if !g.NoReturn() {
		return nil
	}
	for _, blk := range g.Blocks {
		if !blk.Live || len(blk.Succs) > 0 || len(blk.Nodes) == 0 {
			continue
		}
		stmt, ok := blk.Nodes[len(blk.Nodes)-1].(*ast.ExprStmt)
		if !ok {
			continue
		}
		call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
		if !ok {
			continue
		}
		if isPanic(info, call) {
			ends = true
		} else if f := r.lookup(typeutil.StaticCallee(info, call)); f != nil && !f.Blocks {
			ends = true
		}
	}
	return &neverReturns{Blocks: !ends}
}

func isPanic(info *types.Info, call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == "panic"
}
