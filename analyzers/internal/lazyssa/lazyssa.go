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
	"go/token"
	"go/types"
	"reflect"
	"slices"
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
	createImports(prog, pass.Pkg, pass.TypesInfo)
	info := pass.TypesInfo
	if order := withoutDataTables(info); len(order) < len(info.InitOrder) {
		withOrder := *info
		withOrder.InitOrder = order
		info = &withOrder
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, info, false)
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

// withoutDataTables returns info.InitOrder without the initializers that
// only fill a package variable with a table of plain data (see
// dataTable): building them makes a store for every element in the
// package initializer, and a table of thousands of numbers (a
// compression library's, a character set's) costs more to build than
// the rest of its package. No check reads them: the checks look in the
// initializer for calls, for functions used as values and for what
// goroutines, locks and resources flow through, and a table of constants
// holds none of them. The variables themselves are still members of the
// package; only their initial stores are left out.
func withoutDataTables(info *types.Info) []*types.Initializer {
	order := info.InitOrder
	for i, init := range order {
		if len(init.Lhs) == 1 && dataTable(info, init.Rhs) {
			kept := slices.Clone(order[:i])
			for _, init := range order[i+1:] {
				if len(init.Lhs) != 1 || !dataTable(info, init.Rhs) {
					kept = append(kept, init)
				}
			}
			return kept
		}
	}
	return order
}

// dataTable reports whether e is a composite literal of plain data, or
// its address: arrays, slices and structs (or pointers to them) of
// booleans, numbers and strings, whose elements are constants or such
// literals. Nothing in it calls, refers to a function, or makes a map,
// a channel or an interface value.
func dataTable(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || !plainData(info.TypeOf(lit), 0) {
		return false
	}
	t := info.TypeOf(lit).Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying() // an element's &T elided
	}
	_, isStruct := t.(*types.Struct)
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if !isStruct && info.Types[kv.Key].Value == nil {
				return false // an array or slice index is a constant
			}
			elt = kv.Value
		}
		if info.Types[elt].Value == nil && !dataTable(info, elt) {
			return false
		}
	}
	return true
}

// plainData reports whether values of type t hold only booleans, numbers
// and strings, in arrays, slices, structs and pointers to them.
func plainData(t types.Type, depth int) bool {
	if t == nil || depth > 8 {
		return false
	}
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Info()&(types.IsBoolean|types.IsNumeric|types.IsString) != 0
	case *types.Array:
		return plainData(t.Elem(), depth+1)
	case *types.Slice:
		return plainData(t.Elem(), depth+1)
	case *types.Pointer:
		return plainData(t.Elem(), depth+1)
	case *types.Struct:
		for i := range t.NumFields() {
			if !plainData(t.Field(i).Type(), depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// createImports creates the SSA packages of pkg's imports that building
// pkg needs. Created from type information alone, as ssa.CreatePackage does
// for a package without syntax, an import would hold a function, global
// or constant for every member of its scope and a function for every
// method of its named types; with tests, a dependency of a real module set
// creates hundreds of imports, and most of their members are never named.
// So each import is created from stand-in declarations, without bodies, of
// its methods (any of them may be reached through a method set) and of the
// package-level functions, variables and constants that info uses. What
// the build sees is the same: the functions have no body, and are marked
// synthetic from type information, as ssa marks those it creates without
// syntax.
func createImports(prog *ssa.Program, pkg *types.Package, info *types.Info) {
	imports := pkg.Imports()
	used := make(map[*types.Package][]types.Object, len(imports))
	for _, imp := range imports {
		used[imp] = nil
	}
	for _, obj := range info.Uses {
		switch obj.(type) {
		case *types.Func, *types.Var, *types.Const:
		default:
			continue
		}
		p := obj.Pkg()
		if p == nil || p == pkg {
			continue
		}
		list, ok := used[p]
		if !ok || p.Scope().Lookup(obj.Name()) != obj {
			continue // not a package-level member of a direct import
		}
		used[p] = append(list, obj)
	}
	for _, imp := range imports {
		s := importSyntaxOf(imp)
		objs := used[imp]
		// Declarations in the order of the scope, as ssa creates them.
		slices.SortFunc(objs, func(a, b types.Object) int { return s.order[a] - s.order[b] })
		objs = slices.Compact(objs)
		decls := slices.Clip(s.methods)
		var vars, consts []ast.Spec
		for _, obj := range objs {
			switch d := s.decls[obj].(type) {
			case *ast.FuncDecl:
				decls = append(decls, d)
			case *ast.ValueSpec:
				if _, ok := obj.(*types.Var); ok {
					vars = append(vars, d)
				} else {
					consts = append(consts, d)
				}
			}
		}
		if len(vars) > 0 {
			decls = append(decls, &ast.GenDecl{Tok: token.VAR, Specs: vars})
		}
		if len(consts) > 0 {
			decls = append(decls, &ast.GenDecl{Tok: token.CONST, Specs: consts})
		}
		file := &ast.File{Name: s.name, Decls: decls}
		p := prog.CreatePackage(imp, []*ast.File{file}, s.info, true)
		for _, d := range decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn := p.Prog.FuncValue(s.info.Defs[fd.Name].(*types.Func)); fn != nil {
					fn.Synthetic = "from type information"
				}
			}
		}
	}
}

// importSyntax holds the stand-in declarations of one imported package.
type importSyntax struct {
	name    *ast.Ident
	info    *types.Info               // Defs: each stand-in name to its object
	methods []ast.Decl                // a FuncDecl for each method of the scope's named types
	decls   map[types.Object]ast.Node // a FuncDecl or ValueSpec for each package-level func, var and const
	order   map[types.Object]int      // the member's index in the scope
}

// importSyntaxes caches importSyntax by *types.Package: the same import is
// created again for every package that imports it. The values are only
// read once stored.
var importSyntaxes sync.Map

// emptyFuncType is the type of every stand-in function: with an empty
// parameter list, its Pos and End are token.NoPos.
var emptyFuncType = &ast.FuncType{Params: &ast.FieldList{}}

func importSyntaxOf(pkg *types.Package) *importSyntax {
	if s, ok := importSyntaxes.Load(pkg); ok {
		return s.(*importSyntax)
	}
	s := &importSyntax{
		name:  ast.NewIdent(pkg.Name()),
		info:  &types.Info{Defs: map[*ast.Ident]types.Object{}},
		decls: map[types.Object]ast.Node{},
		order: map[types.Object]int{},
	}
	def := func(obj types.Object) *ast.Ident {
		id := &ast.Ident{Name: obj.Name()}
		s.info.Defs[id] = obj
		return id
	}
	scope := pkg.Scope()
	for i, name := range scope.Names() {
		obj := scope.Lookup(name)
		switch obj := obj.(type) {
		case *types.TypeName:
			// As ssa.CreatePackage: no Unalias, an alias does not
			// repeat the methods.
			if named, ok := obj.Type().(*types.Named); ok {
				for j, n := 0, named.NumMethods(); j < n; j++ {
					s.methods = append(s.methods, &ast.FuncDecl{Name: def(named.Method(j)), Type: emptyFuncType})
				}
			}
		case *types.Func:
			s.decls[obj] = &ast.FuncDecl{Name: def(obj), Type: emptyFuncType}
		case *types.Var, *types.Const:
			s.decls[obj] = &ast.ValueSpec{Names: []*ast.Ident{def(obj)}}
		}
		s.order[obj] = i
	}
	v, _ := importSyntaxes.LoadOrStore(pkg, s)
	return v.(*importSyntax)
}
