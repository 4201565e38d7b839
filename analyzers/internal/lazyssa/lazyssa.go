// Package lazyssa owns the one SSA build that every leakvet check shares.
//
// Building SSA is the dominant cost of SSA-based linters, so the analyzer
// in this package builds nothing by itself: its result builds the package's
// SSA on the first call of Build, once, and hands the same functions to
// every check that asks. A check decides from type information whether it
// needs SSA at all before asking; packages where no resource flows are
// never built.
package lazyssa

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer provides a *Program for the package under analysis.
var Analyzer = &analysis.Analyzer{
	Name:       "lazyssa",
	Doc:        "provide SSA for the package, built at most once and only on demand",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/lazyssa",
	Requires:   []*analysis.Analyzer{noreturn.Analyzer},
	Run:        report.Guard(run),
	ResultType: reflect.TypeFor[*Program](),
}

// Program is the on-demand SSA form of one package.
type Program struct {
	pass     *analysis.Pass
	noReturn *noreturn.Result
	mu       sync.Mutex
	pkg      *ssa.Package
	funcs    []*ssa.Function
	derived  map[any]any
}

func run(pass *analysis.Pass) (any, error) {
	return &Program{pass: pass, noReturn: pass.ResultOf[noreturn.Analyzer].(*noreturn.Result)}, nil
}

// Build returns the SSA package and its source functions (named functions,
// methods and all nested function literals, in source order). It builds
// them on the first call; later calls return the same values, until
// Release.
func (p *Program) Build() (*ssa.Package, []*ssa.Function) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pkg == nil {
		p.build()
	}
	return p.pkg, p.funcs
}

// Release drops the SSA form, so that the memory it holds is freed while
// the driver goes on with other packages (a driver keeps every result
// until the whole run ends). Call it when every analyzer of the package
// that asks for SSA is done; a later Build builds the same form again.
func (p *Program) Release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pkg, p.funcs, p.derived = nil, nil, nil
}

// Derived returns what compute computed from this package's SSA form under
// key, calling compute on the first call: an analyzer that exports facts
// computes, on every package, the part of its work that its facts need,
// and the analyzer without facts that reports its findings (which the
// drivers run only on the packages given to them) takes the same value
// instead of computing it again. The value is dropped with the SSA form
// by Release, and compute runs again after it. key is a value of a type of
// the asking package, as for context keys.
func (p *Program) Derived(key any, compute func() any) any {
	p.mu.Lock()
	v, ok := p.derived[key]
	p.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.derived[key]; ok {
		return old
	}
	if p.derived == nil {
		p.derived = map[any]any{}
	}
	p.derived[key] = v
	return v
}

func (p *Program) build() {
	pass := p.pass
	prog := ssa.NewProgram(pass.Fset, 0)
	// SSA follows a call that never returns with a panic, so the code
	// after die() or log.Fatal is not taken for a path to a return. Only
	// calls that end the function that way are cut: one that blocks
	// forever is left as it is for the goroutine model to judge.
	prog.SetNoReturn(p.noReturn.Exits)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var add func(*ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				add(f)
			}
		}
	}
	p.pkg, p.funcs = pkg, funcs
}
