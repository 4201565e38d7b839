// Package entrypoints answers, once per package, the question "is this
// function reached with run-time data?" from the program, never from a
// name or a doc comment.
//
// A function is a run-time entry point when code the package cannot see
// calls it while serving: a handler by type (its signature is an HTTP
// handler's, it is converted to a handler type, or it is passed where a
// parameter has a handler type, whatever the router's methods are called),
// a function value handed to a callee that keeps it to call later (found
// from the callee's body: the keepsFact of a function in another package,
// a fixpoint within this one, and a small knowledge table for runtime
// hooks), a method of a value registered with net/rpc, and exported
// functions and methods, which other packages call with data of their own.
//
// Whether such a function runs once for the process or per call is the
// question of package lifespan, which builds on this one.
package entrypoints

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer provides the package's *Entries and exports a keepsFact for
// exported functions that keep a function argument.
var Analyzer = &analysis.Analyzer{
	Name:       "entrypoints",
	Doc:        "find the functions reached with run-time data: handlers by type and registration, RPC methods, exported API, function values kept to run later",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/entrypoints",
	Run:        run,
	ResultType: reflect.TypeFor[*Entries](),
	FactTypes:  []analysis.Fact{(*keepsFact)(nil)},
}

// keepsFact marks an exported function that keeps some of its function
// or handler parameters beyond the call (stores them in a
// field, a global, a map or a slice, sends them, starts them): a function
// value passed there runs later, for callers the caller cannot see. Params counts arguments from
// 0, receiver excluded; a variadic parameter covers the arguments it
// takes.
type keepsFact struct {
	Params []int
}

// AFact marks keepsFact as an analysis fact.
func (*keepsFact) AFact() {}

func (f *keepsFact) String() string { return fmt.Sprintf("keeps%v", f.Params) }

// Entries is the answer for one package.
type Entries struct {
	pass         *analysis.Pass
	handlerTypes []types.Type
	handlerSig   *types.Signature

	// keeps: the function parameters each function of the package keeps.
	keeps map[*types.Func]map[int]bool
	// wraps: the function parameters each function of the package returns,
	// as they are or captured by a function literal it returns: a call
	// whose result is kept keeps them.
	wraps map[*types.Func]map[int]bool
	// later: function-valued call arguments (literals or function names)
	// that the callee keeps, or that a handler-typed parameter receives.
	later map[ast.Expr]bool
	// handlers: declared functions and literals called with traffic.
	handlers    map[*types.Func]bool
	handlerLits map[*ast.FuncLit]bool
	directives  map[*types.Func]bool
	// classified: later, handlers and handlerLits are filled on the first
	// question that needs them; most packages (dependencies) are only
	// asked for their keeps facts.
	classified sync.Once
}

func (e *Entries) classify() { e.classified.Do(e.classifyArguments) }

// RunsLater reports whether a function value passed as a call's argument
// (a literal or a function's name) runs later, at run time, rather than
// during the call: the callee keeps it, its parameter has a handler type,
// or the call is a conversion to a function type.
func (e *Entries) RunsLater(arg ast.Expr) bool {
	e.classify()
	return e.later[ast.Unparen(arg)]
}

// Handler reports whether a declared function is called with run-time
// data: an HTTP handler by its signature or by how it is registered, a
// function value a callee keeps, or a method published through net/rpc.
func (e *Entries) Handler(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	e.classify()
	return e.handlers[fn] || e.HandlerSignature(fn.Type().(*types.Signature))
}

// HandlerLit is Handler for a function literal.
func (e *Entries) HandlerLit(lit *ast.FuncLit) bool {
	e.classify()
	if e.handlerLits[lit] {
		return true
	}
	sig, _ := e.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	return e.HandlerSignature(sig)
}

// HandlerSignature reports whether sig (receiver aside) is the signature
// of a handler type in the knowledge table: func(http.ResponseWriter,
// *http.Request).
func (e *Entries) HandlerSignature(sig *types.Signature) bool {
	if sig == nil || e.handlerSig == nil {
		return false
	}
	plain := types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
	return types.Identical(plain, e.handlerSig)
}

// External reports whether code outside the package can call fn as its
// API: an exported function of a library, or an exported method of any
// package (it may satisfy an interface).
func (e *Entries) External(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if !fn.Exported() {
		return false
	}
	isMethod := fn.Type().(*types.Signature).Recv() != nil
	return isMethod || e.pass.Pkg.Name() != "main"
}

// Exposed reports whether a //go:linkname or //export directive exposes
// fn to code the analysis cannot see, which may call it at start-up or at
// run time: it is neither.
func (e *Entries) Exposed(fn *types.Func) bool { return fn != nil && e.directives[fn.Origin()] }

// Keeps reports whether fn keeps a function or handler value passed as
// one of its parameters beyond the call (stores, appends, sends or starts
// it): fn registers behaviour (a route, a driver, a hook).
func (e *Entries) Keeps(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == e.pass.Pkg {
		return len(e.keeps[fn]) > 0
	}
	var fact keepsFact
	return e.pass.ImportObjectFact(fn, &fact) && len(fact.Params) > 0
}

func run(pass *analysis.Pass) (any, error) {
	e := &Entries{
		pass:        pass,
		keeps:       map[*types.Func]map[int]bool{},
		wraps:       map[*types.Func]map[int]bool{},
		later:       map[ast.Expr]bool{},
		handlers:    map[*types.Func]bool{},
		handlerLits: map[*ast.FuncLit]bool{},
		directives:  map[*types.Func]bool{},
	}
	e.resolveHandlerTypes()
	e.computeKeeps()
	e.exportFacts()
	return e, nil
}

// resolveHandlerTypes finds the knowledge table's handler types in the
// package or its direct imports: code that declares or converts to a
// handler type, or writes a handler's signature, imports its package.
func (e *Entries) resolveHandlerTypes() {
	for _, p := range append([]*types.Package{e.pass.Pkg}, e.pass.Pkg.Imports()...) {
		for _, h := range handlerTypes {
			i := strings.LastIndex(h.Type, ".")
			if h.Type[:i] != p.Path() {
				continue
			}
			if tn, ok := p.Scope().Lookup(h.Type[i+1:]).(*types.TypeName); ok {
				e.handlerTypes = append(e.handlerTypes, tn.Type())
				if sig, ok := tn.Type().Underlying().(*types.Signature); ok && e.handlerSig == nil {
					e.handlerSig = sig
				}
			}
		}
	}
}

// behaviour reports whether a parameter of type t passes behaviour to
// register: a function, or a value of a handler type (http.Handler).
// Other interfaces mostly pass data or resources (a net.Conn kept in a
// table of peers registers nothing).
func (e *Entries) behaviour(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return e.isHandlerType(t)
}

// isHandlerType reports whether a parameter of type t receives handlers.
func (e *Entries) isHandlerType(t types.Type) bool {
	for _, h := range e.handlerTypes {
		if types.Identical(t, h) {
			return true
		}
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && e.HandlerSignature(sig)
}

// trackedParam is a function parameter (or a local alias of one) whose
// function value may be kept.
type trackedParam struct {
	fn  *types.Func
	idx int
}

type keepEdge struct {
	from   trackedParam
	callee *types.Func
	idx    int
}

// computeKeeps finds, for every function of the package, the function
// parameters it keeps beyond the call, through a fixpoint over calls
// within the package and keepsFacts of callees elsewhere.
func (e *Entries) computeKeeps() {
	info := e.pass.TypesInfo
	tracked := map[*types.Var]trackedParam{}
	// bodies: the declarations with a tracked parameter. A parameter (and
	// a local alias of it) is used only in its function's body, so only
	// these bodies are walked.
	var bodies []*ast.BlockStmt
	for _, f := range e.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if hasDirective(fd) {
				e.directives[fn] = true
			}
			if fd.Body == nil {
				continue
			}
			sig := fn.Type().(*types.Signature)
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				t := p.Type()
				if sig.Variadic() && i == sig.Params().Len()-1 {
					t = t.(*types.Slice).Elem()
				}
				if e.behaviour(t) {
					tracked[p] = trackedParam{fn, i}
					if len(bodies) == 0 || bodies[len(bodies)-1] != fd.Body {
						bodies = append(bodies, fd.Body)
					}
				}
			}
		}
	}
	if len(tracked) == 0 {
		return
	}
	var edges []keepEdge
	mark := func(m map[*types.Func]map[int]bool, tp trackedParam) bool {
		if m[tp.fn][tp.idx] {
			return false
		}
		if m[tp.fn] == nil {
			m[tp.fn] = map[int]bool{}
		}
		m[tp.fn][tp.idx] = true
		return true
	}
	// The bodies are walked again while a pass finds a new wrapper: a
	// call of a wrapper hands its argument on through its result.
	for wrapped := true; wrapped; {
		wrapped = false
		edges = edges[:0]
		for _, body := range bodies {
			var stack []ast.Node
			ast.Inspect(body, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				v, ok := info.Uses[id].(*types.Var)
				if !ok {
					return true
				}
				tp, ok := tracked[v]
				if !ok {
					return true
				}
				s := e.sink(stack, tp)
				if s.kind == sinkNone {
					// A function literal that captures the parameter
					// carries it: where the outermost one goes, it goes.
					if k := slices.IndexFunc(stack, isFuncLit); k >= 0 {
						s = e.sink(stack[:k+1], tp)
					}
				}
				switch s.kind {
				case sinkKept:
					mark(e.keeps, tp)
				case sinkAlias:
					tracked[s.alias] = tp
				case sinkCall:
					edges = append(edges, keepEdge{tp, s.callee, s.idx})
				case sinkReturned:
					if mark(e.wraps, tp) {
						wrapped = true
					}
				}
				return true
			})
		}
	}
	keep := func(tp trackedParam) { mark(e.keeps, tp) }
	for changed := true; changed; {
		changed = false
		for _, ed := range edges {
			if e.keeps[ed.callee][ed.idx] && !e.keeps[ed.from.fn][ed.from.idx] {
				keep(ed.from)
				changed = true
			}
		}
	}
}

type sinkKind int

const (
	sinkNone     sinkKind = iota
	sinkKept              // stored, appended, sent, started, or kept by a callee
	sinkAlias             // assigned to a local variable
	sinkCall              // passed to a function of this package
	sinkReturned          // returned to the caller (itself or captured by a literal)
)

func isFuncLit(n ast.Node) bool {
	_, ok := n.(*ast.FuncLit)
	return ok
}

type sinkResult struct {
	kind   sinkKind
	alias  *types.Var
	callee *types.Func
	idx    int
}

// sink says where the use of a tracked parameter at the top of the stack
// goes: a function value stored in a composite literal counts as kept
// only when the literal itself is stored, appended or sent.
func (e *Entries) sink(stack []ast.Node, tp trackedParam) sinkResult {
	info := e.pass.TypesInfo
	child := stack[len(stack)-1]
	composite := false
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.CompositeLit, *ast.KeyValueExpr:
			composite = true
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return sinkResult{}
			}
		case *ast.CallExpr:
			if p.Fun == child {
				return sinkResult{} // called, not kept
			}
			if info.Types[p.Fun].IsType() {
				break // a conversion: follow the converted value
			}
			if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok {
					if b.Name() == "append" {
						return sinkResult{kind: sinkKept}
					}
					return sinkResult{}
				}
			}
			if i > 0 {
				if g, ok := stack[i-1].(*ast.GoStmt); ok && g.Call == p {
					return sinkResult{kind: sinkKept}
				}
			}
			if composite {
				return sinkResult{}
			}
			fn, ok := typeutil.Callee(info, p).(*types.Func)
			if !ok {
				return sinkResult{}
			}
			j := slices.Index(p.Args, child.(ast.Expr))
			if j < 0 {
				return sinkResult{}
			}
			idx := paramIndex(fn, j)
			if fn.Pkg() == e.pass.Pkg {
				if e.wraps[fn.Origin()][idx] {
					// The callee returns the value (or a literal that
					// calls it): follow the call's result.
					if r := e.sink(stack[:i+1], tp); r.kind != sinkNone {
						return r
					}
				}
				return sinkResult{kind: sinkCall, callee: fn.Origin(), idx: idx}
			}
			if e.foreignKeeps(fn, idx) {
				return sinkResult{kind: sinkKept}
			}
			return sinkResult{}
		case *ast.AssignStmt:
			j := slices.Index(p.Rhs, child.(ast.Expr))
			if j < 0 || len(p.Lhs) != len(p.Rhs) {
				return sinkResult{}
			}
			if id, ok := ast.Unparen(p.Lhs[j]).(*ast.Ident); ok {
				v, _ := info.ObjectOf(id).(*types.Var)
				if v == nil || id.Name == "_" {
					return sinkResult{}
				}
				if v.Parent() != e.pass.Pkg.Scope() {
					if composite {
						return sinkResult{}
					}
					return sinkResult{kind: sinkAlias, alias: v}
				}
			}
			return sinkResult{kind: sinkKept}
		case *ast.ValueSpec:
			j := slices.Index(p.Values, child.(ast.Expr))
			if j < 0 || j >= len(p.Names) || composite {
				return sinkResult{}
			}
			if v, ok := info.Defs[p.Names[j]].(*types.Var); ok {
				return sinkResult{kind: sinkAlias, alias: v}
			}
			return sinkResult{}
		case *ast.SendStmt:
			if p.Value == child {
				return sinkResult{kind: sinkKept}
			}
			return sinkResult{}
		case *ast.ReturnStmt:
			// A return inside a function literal is the literal's.
			if composite || slices.IndexFunc(stack[:i], isFuncLit) >= 0 {
				return sinkResult{}
			}
			return sinkResult{kind: sinkReturned}
		default:
			return sinkResult{}
		}
		child = stack[i]
	}
	return sinkResult{}
}

// paramIndex maps argument j of a call of fn to its parameter.
func paramIndex(fn *types.Func, j int) int {
	sig := fn.Type().(*types.Signature)
	if n := sig.Params().Len(); sig.Variadic() && j >= n-1 {
		return n - 1
	}
	return j
}

// foreignKeeps reports whether fn, declared in another package, keeps
// the function passed as its parameter idx.
func (e *Entries) foreignKeeps(fn *types.Func, idx int) bool {
	fn = fn.Origin()
	name := fn.FullName()
	for _, k := range keepers {
		if k.Func == name && k.Param == idx {
			return true
		}
	}
	var fact keepsFact
	return e.pass.ImportObjectFact(fn, &fact) && slices.Contains(fact.Params, idx)
}

// exportFacts records the kept parameters of exported functions and of
// exported methods of exported types.
func (e *Entries) exportFacts() {
	for fn, params := range e.keeps {
		if !fn.Exported() {
			continue
		}
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil && !exportedType(recv.Type()) {
			continue
		}
		var idx []int
		for i := range params {
			idx = append(idx, i)
		}
		slices.Sort(idx)
		e.pass.ExportObjectFact(fn, &keepsFact{Params: idx})
	}
}

func exportedType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Exported()
}

// classifyArguments judges every function value passed to a call and
// every value registered with net/rpc.
func (e *Entries) classifyArguments() {
	info := e.pass.TypesInfo
	for _, f := range e.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			tv, recorded := info.Types[call.Fun]
			if tv.IsType() {
				if len(call.Args) == 1 {
					if _, isFunc := tv.Type.Underlying().(*types.Signature); isFunc {
						e.markLater(call.Args[0], e.isHandlerType(tv.Type))
					}
				}
				return true
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			if fn != nil {
				e.rpcRegistration(fn, call)
			}
			// info.TypeOf without looking the expression up again.
			t := tv.Type
			if !recorded {
				t = info.TypeOf(call.Fun)
			}
			sig, _ := t.(*types.Signature)
			if sig == nil {
				return true
			}
			for j, arg := range call.Args {
				if !e.isFuncValue(arg) {
					continue
				}
				pt := paramType(sig, j)
				switch {
				case pt != nil && e.isHandlerType(pt):
					e.markLater(arg, true)
				case fn != nil && fn.Pkg() == e.pass.Pkg && e.keeps[fn.Origin()][paramIndex(fn, j)]:
					e.markLater(arg, true)
				case fn != nil && fn.Pkg() != e.pass.Pkg && e.foreignKeeps(fn, paramIndex(fn, j)):
					e.markLater(arg, true)
				}
			}
			return true
		})
	}
}

// paramType returns the type of the parameter that receives argument j.
func paramType(sig *types.Signature, j int) types.Type {
	n := sig.Params().Len()
	if n == 0 {
		return nil
	}
	if sig.Variadic() && j >= n-1 {
		if s, ok := sig.Params().At(n - 1).Type().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	}
	if j >= n {
		return nil
	}
	return sig.Params().At(j).Type()
}

// isFuncValue reports whether e is a function literal or names a function
// or method of this package as a value.
func (e *Entries) isFuncValue(x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		return e.funcOf(x) != nil
	}
	return false
}

// funcOf returns the function of this package that x names as a value.
func (e *Entries) funcOf(x ast.Expr) *types.Func {
	info := e.pass.TypesInfo
	var id *ast.Ident
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.IndexExpr:
		return e.funcOf(x.X)
	case *ast.IndexListExpr:
		return e.funcOf(x.X)
	}
	if id == nil {
		return nil
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() != e.pass.Pkg {
		return nil
	}
	return fn.Origin()
}

// markLater records a function value that runs later; a handler's
// parameters carry run-time data.
func (e *Entries) markLater(arg ast.Expr, handler bool) {
	arg = ast.Unparen(arg)
	e.later[arg] = true
	if !handler {
		return
	}
	if lit, ok := arg.(*ast.FuncLit); ok {
		e.handlerLits[lit] = true
	} else if fn := e.funcOf(arg); fn != nil {
		e.handlers[fn] = true
	}
}

// rpcRegistration marks the exported methods of a value registered with
// net/rpc as handlers.
func (e *Entries) rpcRegistration(fn *types.Func, call *ast.CallExpr) {
	if !rpcNames[fn.Name()] {
		return
	}
	name := fn.Origin().FullName()
	for _, r := range rpcRegistrars {
		if r.Func != name || r.Param >= len(call.Args) {
			continue
		}
		t := e.pass.TypesInfo.TypeOf(call.Args[r.Param])
		if t == nil {
			return
		}
		ms := types.NewMethodSet(t)
		if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
		for sel := range ms.Methods() {
			if m, ok := sel.Obj().(*types.Func); ok && m.Exported() && m.Pkg() == e.pass.Pkg {
				e.handlers[m.Origin()] = true
			}
		}
	}
}

// hasDirective reports whether a declaration carries a //go:linkname or
// //export directive: code the analysis cannot see calls it.
func hasDirective(fd *ast.FuncDecl) bool {
	if fd.Doc == nil {
		return false
	}
	for _, c := range fd.Doc.List {
		if strings.HasPrefix(c.Text, "//go:linkname ") || strings.HasPrefix(c.Text, "//export ") {
			return true
		}
	}
	return false
}
