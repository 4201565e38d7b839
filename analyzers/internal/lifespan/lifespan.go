// Package lifespan answers, once per package, the question "does this
// function run once for the life of the process, or per call?"
//
// Start-up is what the process runs once: init functions and the
// package-level variable initialisers, func main, the function run by Do
// on a package-level sync.Once (a literal or a named function) and by
// sync.OnceFunc/OnceValue(s) made in an initialiser, a flag.Value's Set,
// a function that waits for the process's signals (it registers a channel
// of its own with signal.Notify and receives from it: the process's main
// loop, whoever calls it), the action of a command-line command given
// to a framework that runs the one command the process's arguments select
// (knowledge table: fisk's and kingpin's Action, cobra's Run fields), and
// what only these reach by plain calls outside the loops of a function
// waiting for signals.
//
// Run time is what code the package cannot see can start, any number of
// times: the entry points of package entrypoints (exported functions and
// methods, handlers by type and registration, function values a callee
// keeps), any function used as a value, methods reachable only through an
// interface, function literals that are stored, returned or registered,
// goroutines, and calls in an endless loop (a server's accept loop in
// main), with everything they call.
//
// A function runs once when start-up reaches it and run time does not. A
// function that only a //go:linkname or //export directive exposes is
// called by code out of sight, at a time nobody here knows: it is
// neither.
// Everything is decided from the syntax and types of the package's
// non-test files, on the first question a check asks: no SSA is built,
// and a package no check asks about is not walked. No facts are
// exported: whether a function runs once depends on its callers, which a
// dependency never sees.
package lifespan

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"github.com/leakvet/leakvet/analyzers/internal/entrypoints"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer provides the package's *Lifespan.
var Analyzer = &analysis.Analyzer{
	Name:       "lifespan",
	Doc:        "decide which functions run once for the life of the process (init, main, sync.Once bodies and what only they reach) and which run per call",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/lifespan",
	Requires:   []*analysis.Analyzer{entrypoints.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Lifespan](),
}

// LitKind says when a function literal runs, relative to the code that
// makes it.
type LitKind int

const (
	// Later: stored, returned, converted, registered, kept by its callee
	// or started as a goroutine: it runs at run time, for callers unknown
	// here.
	Later LitKind = iota
	// Immediate: called where it is written.
	Immediate
	// Callback: passed to a call that does not keep it; it runs during
	// the call.
	Callback
	// Local: assigned to a local variable and called through it.
	Local
	// Once: run by a once-per-process runner.
	Once
	// Action: a command-line command's action (resource.RegistersCommand,
	// resource.RunsOncePerProcess): the framework runs the selected command's
	// once per process.
	Action
)

// node is a function of the package: a declaration, a literal, or the
// pseudo-function made of the package-level initialisers (syntax nil).
type node struct {
	syntax  ast.Node
	obj     *types.Func
	parent  *node
	lit     LitKind
	isInit  bool       // start-up by itself
	root    bool       // main, or a function passed by name to a once runner
	waits   bool       // waits for the process's signals: start-up, never run time
	action  bool       // a command's action: start-up, never run time
	loops   []ast.Node // a waiting function's loops, which repeat per signal
	calls   []call
	callers int
	lits    []*node

	runtime bool
	startup bool
}

type call struct {
	callee  *types.Func
	isGo    bool
	inLoop  bool
	anyLoop bool // inside a for or range loop of its function
}

// Lifespan is the answer for one package.
type Lifespan struct {
	// built guards the walk: it runs on the first question, so a package
	// that no check asks about costs nothing.
	built    sync.Once
	pass     *analysis.Pass
	entries  *entrypoints.Entries
	nodes    map[ast.Node]*node
	byFunc   map[*types.Func]*node
	order    []*node
	init     *node
	escaped  map[*types.Func]bool
	onceRefs map[*types.Func]bool
	once     map[*ast.CallExpr]bool
	// actionRefs are the declared functions given by name as a command's
	// action.
	actionRefs map[*types.Func]bool
}

// Once reports whether a function (an *ast.FuncDecl or *ast.FuncLit of a
// non-test file) runs only at start-up: start-up reaches it and run time
// does not.
func (l *Lifespan) Once(fn ast.Node) bool {
	l.built.Do(l.build)
	n := l.nodes[fn]
	return n != nil && n.startup && !n.runtime
}

// Repeats reports whether a position of a function that runs once lies
// in a loop that repeats for the process's life: a loop of a function
// waiting for the process's signals runs once per signal (a reload).
func (l *Lifespan) Repeats(fn ast.Node, pos token.Pos) bool {
	l.built.Do(l.build)
	n := l.nodes[fn]
	if n == nil || !n.waits {
		return false
	}
	for _, loop := range n.loops {
		if loop.Pos() <= pos && pos < loop.End() {
			return true
		}
	}
	return false
}

// Startup reports whether start-up reaches a function.
func (l *Lifespan) Startup(fn ast.Node) bool {
	l.built.Do(l.build)
	n := l.nodes[fn]
	return n != nil && n.startup
}

// RunTime reports whether run time reaches a function.
func (l *Lifespan) RunTime(fn ast.Node) bool {
	l.built.Do(l.build)
	n := l.nodes[fn]
	return n != nil && n.runtime
}

// InitBody reports whether a function is start-up by itself: an init
// function, a flag.Value's Set, or a literal run by a once-per-process
// runner. It never counts as run time.
func (l *Lifespan) InitBody(fn ast.Node) bool {
	l.built.Do(l.build)
	n := l.nodes[fn]
	return n != nil && n.isInit
}

// Root reports whether a function is itself where start-up begins: an
// init function, func main, a flag.Value's Set, or a function run by a
// once-per-process runner (literal or named).
func (l *Lifespan) Root(fn ast.Node) bool {
	l.built.Do(l.build)
	n := l.nodes[fn]
	return n != nil && (n.isInit || n.root)
}

// Lit says when a function literal runs relative to the code making it.
func (l *Lifespan) Lit(lit *ast.FuncLit) LitKind {
	l.built.Do(l.build)
	if n := l.nodes[lit]; n != nil {
		return n.lit
	}
	return Later
}

// OnceCall reports whether a call runs its function argument once per
// process: Do on a package-level sync.Once, or sync.OnceFunc and friends
// in a package-level initialiser.
func (l *Lifespan) OnceCall(c *ast.CallExpr) bool {
	l.built.Do(l.build)
	return l.once[c]
}

// OnceRef reports whether a declared function is run by a once-per-process
// runner (passed by name to a package-level sync.Once's Do).
func (l *Lifespan) OnceRef(fn *types.Func) bool {
	l.built.Do(l.build)
	return fn != nil && l.onceRefs[fn.Origin()]
}

// Escapes reports whether a declared function is used as a value (not
// called directly, not handed to a once-per-process runner): it runs for
// callers unknown here.
func (l *Lifespan) Escapes(fn *types.Func) bool {
	l.built.Do(l.build)
	return fn != nil && l.escaped[fn.Origin()]
}

func run(pass *analysis.Pass) (any, error) {
	l := &Lifespan{
		pass:     pass,
		entries:  pass.ResultOf[entrypoints.Analyzer].(*entrypoints.Entries),
		nodes:    map[ast.Node]*node{},
		byFunc:   map[*types.Func]*node{},
		escaped:  map[*types.Func]bool{},
		onceRefs: map[*types.Func]bool{},
		once:     map[*ast.CallExpr]bool{},

		actionRefs: map[*types.Func]bool{},
	}
	return l, nil
}

func (l *Lifespan) build() {
	l.init = &node{isInit: true}
	l.collect()
	l.solve()
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	tf := pass.Fset.File(f.FileStart)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// collect builds the nodes and their calls from the non-test files.
func (l *Lifespan) collect() {
	info := l.pass.TypesInfo
	for _, f := range l.pass.Files {
		if isTestFile(l.pass, f) {
			// Test code neither serves requests nor runs in production:
			// only its init functions are recorded, as roots.
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" && fd.Body != nil {
					l.nodes[fd] = &node{syntax: fd, isInit: true, startup: true}
				}
			}
			continue
		}
		var stack []ast.Node
		var fstack []*node
		var sstack []signalScan // what waitsForSignal needs, per fstack entry
		var pushed []bool
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				if pushed[len(pushed)-1] {
					fn := fstack[len(fstack)-1]
					fn.waits, fn.loops = sstack[len(sstack)-1].result()
					fstack = fstack[:len(fstack)-1]
					sstack = sstack[:len(sstack)-1]
				}
				pushed = pushed[:len(pushed)-1]
				return true
			}
			if DataLiteral(info, n) {
				return false // nothing in it is recorded
			}
			stack = append(stack, n)
			cur := l.init
			if len(fstack) > 0 {
				cur = fstack[len(fstack)-1]
				l.scanSignal(&sstack[len(sstack)-1], n)
			}
			var fn *node
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					stack = stack[:len(stack)-1]
					return false
				}
				obj, _ := info.Defs[n.Name].(*types.Func)
				fn = &node{syntax: n, obj: obj}
				fn.isInit = n.Recv == nil && n.Name.Name == "init" || isFlagSet(obj)
				if obj != nil {
					l.byFunc[obj] = fn
				}
			case *ast.FuncLit:
				fn = &node{syntax: n, parent: cur}
				fn.lit = l.litKind(n, cur, stack)
				fn.isInit = fn.lit == Once
				fn.action = fn.lit == Action
				cur.lits = append(cur.lits, fn)
			case *ast.CallExpr:
				l.visitCall(cur, n, stack)
			case *ast.Ident:
				l.visitFuncRef(n, stack)
			}
			if fn != nil {
				l.nodes[fn.syntax] = fn
				l.order = append(l.order, fn)
				fstack = append(fstack, fn)
				sstack = append(sstack, signalScan{})
			}
			pushed = append(pushed, fn != nil)
			return true
		})
	}
}

// litKind classifies a literal by the code around it.
func (l *Lifespan) litKind(lit *ast.FuncLit, parent *node, stack []ast.Node) LitKind {
	info := l.pass.TypesInfo
	if len(stack) < 2 {
		return Later
	}
	switch p := stack[len(stack)-2].(type) {
	case *ast.CallExpr:
		switch {
		case ast.Unparen(p.Fun) == lit:
			if len(stack) >= 3 {
				if g, ok := stack[len(stack)-3].(*ast.GoStmt); ok && g.Call == p {
					return Later
				}
			}
			return Immediate
		case info.Types[p.Fun].IsType():
			return Later // http.HandlerFunc(func...) and the like
		case l.isOnceCall(parent, p):
			return Once
		case l.isActionArg(p, lit):
			return Action
		case l.entries.RunsLater(lit) || l.entries.HandlerLit(lit):
			return Later
		}
		return Callback
	case *ast.KeyValueExpr:
		if p.Value == lit && len(stack) >= 3 && l.isActionKey(stack[len(stack)-3], p) {
			return Action
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if r != lit {
					continue
				}
				if l.isActionField(p.Lhs[i]) {
					return Action
				}
				if id, ok := ast.Unparen(p.Lhs[i]).(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok && l.isLocal(v) {
						return Local
					}
				}
			}
		}
	case *ast.ValueSpec:
		if parent != l.init {
			for i, val := range p.Values {
				if val == lit && i < len(p.Names) {
					return Local
				}
			}
		}
	}
	return Later
}

func (l *Lifespan) isLocal(v *types.Var) bool {
	return v != nil && !v.IsField() && v.Pkg() == l.pass.Pkg && v.Parent() != l.pass.Pkg.Scope()
}

// isOnceCall reports whether a call runs its function argument once per
// process (memoised for OnceCall).
func (l *Lifespan) isOnceCall(cur *node, c *ast.CallExpr) bool {
	if l.once[c] {
		return true
	}
	fn, ok := typeutil.Callee(l.pass.TypesInfo, c).(*types.Func)
	if !ok {
		return false
	}
	name := fn.Origin().FullName()
	for _, r := range onceRunners {
		if r.Func != name || r.Param >= len(c.Args) {
			continue
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if v := rootVar(l.pass.TypesInfo, sel.X); v != nil && v.Parent() == v.Pkg().Scope() {
			l.once[c] = true
			return true
		}
		return false
	}
	for _, w := range onceWrappers {
		if w.Func == name && cur == l.init {
			l.once[c] = true
			return true
		}
	}
	return false
}

// rootVar returns the variable an expression such as v, &v, v.f or (*v)
// denotes (the root of a field selection).
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s != nil {
				if s.Kind() != types.FieldVal {
					return nil
				}
				e = x.X
				continue
			}
			v, _ := info.Uses[x.Sel].(*types.Var)
			return v
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// visitCall records a static call of a function of this package.
func (l *Lifespan) visitCall(cur *node, c *ast.CallExpr, stack []ast.Node) {
	fn, ok := typeutil.Callee(l.pass.TypesInfo, c).(*types.Func)
	if !ok || fn.Pkg() != l.pass.Pkg {
		return
	}
	if sig := fn.Type().(*types.Signature); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return // dynamic dispatch: no static callee
	}
	cl := call{callee: fn.Origin(), inLoop: InEndlessLoop(l.pass.TypesInfo, stack), anyLoop: inLoop(stack)}
	if len(stack) >= 2 {
		if g, ok := stack[len(stack)-2].(*ast.GoStmt); ok && g.Call == c {
			cl.isGo = true
		}
	}
	cur.calls = append(cur.calls, cl)
}

// visitFuncRef records a mention of a function of this package that is
// not a direct call: a value that escapes to unknown callers, or a
// function handed to a once-per-process runner.
func (l *Lifespan) visitFuncRef(id *ast.Ident, stack []ast.Node) {
	if directCallee(id, stack) {
		return // the common case, settled before the Uses look-up
	}
	fn, ok := l.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() != l.pass.Pkg {
		return
	}
	fn = fn.Origin()
	var expr ast.Node = id
	i := len(stack) - 2
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			expr = sel
			i--
		}
	}
	for i >= 0 {
		switch x := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.IndexExpr:
			if x.X != expr {
				goto done
			}
		case *ast.IndexListExpr:
			if x.X != expr {
				goto done
			}
		default:
			goto done
		}
		expr = stack[i]
		i--
	}
done:
	if i >= 0 && l.actionRef(stack, i, expr) {
		l.actionRefs[fn] = true
		return
	}
	if i >= 0 {
		if c, ok := stack[i].(*ast.CallExpr); ok {
			if c.Fun == expr {
				return
			}
			cur := l.init
			for j := i; j >= 0; j-- {
				switch f := stack[j].(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					cur = l.nodes[f]
				}
				if cur != l.init {
					break
				}
			}
			if cur != nil && l.isOnceCall(cur, c) {
				l.onceRefs[fn] = true
				return
			}
		}
	}
	l.escaped[fn] = true
}

// isActionArg reports whether a function argument of a call is the
// action of a command-line command (resource.RegistersCommand: the
// framework's parse, called from main, runs the selected command's
// actions once).
func (l *Lifespan) isActionArg(c *ast.CallExpr, arg ast.Node) bool {
	fn, ok := typeutil.Callee(l.pass.TypesInfo, c).(*types.Func)
	if !ok || !resource.RegistersCommand(fn) {
		return false
	}
	return len(c.Args) == 1 && ast.Unparen(c.Args[0]) == arg
}

// isActionKey reports whether a key-value element of a composite literal
// sets a field of resource.RunsOncePerProcess (cobra.Command{RunE: ...}).
func (l *Lifespan) isActionKey(lit ast.Node, kv *ast.KeyValueExpr) bool {
	cl, ok := lit.(*ast.CompositeLit)
	if !ok {
		return false
	}
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return false
	}
	t := l.pass.TypesInfo.TypeOf(cl)
	if t == nil {
		return false
	}
	return actionField(t, key.Name)
}

// isActionField reports whether an assigned expression is a field of
// resource.RunsOncePerProcess (cmd.RunE = ...).
func (l *Lifespan) isActionField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := l.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return false
	}
	return actionField(s.Recv(), sel.Sel.Name)
}

// actionField reports whether field name of struct type t (or *t) holds a
// command's action (resource.RunsOncePerProcess).
func actionField(t types.Type, name string) bool {
	return resource.RunsOncePerProcess(t, name)
}

// actionRef reports whether a function mentioned by name (expr, whose
// parent is stack[i]) is given as a command's action.
func (l *Lifespan) actionRef(stack []ast.Node, i int, expr ast.Node) bool {
	switch p := stack[i].(type) {
	case *ast.CallExpr:
		return p.Fun != expr && l.isActionArg(p, expr)
	case *ast.KeyValueExpr:
		return p.Value == expr && i > 0 && l.isActionKey(stack[i-1], p)
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for j, r := range p.Rhs {
				if r == expr {
					return l.isActionField(p.Lhs[j])
				}
			}
		}
	}
	return false
}

// directCallee reports whether an identifier (on top of the stack) is the
// function of a call, alone (f(x)) or selected (pkg.F(x), v.M(x)): a plain
// call, not a reference.
func directCallee(id *ast.Ident, stack []ast.Node) bool {
	var expr ast.Node = id
	i := len(stack) - 2
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			expr = sel
			i--
		}
	}
	if i < 0 {
		return false
	}
	c, ok := stack[i].(*ast.CallExpr)
	return ok && c.Fun == expr
}

// solve marks run time and start-up.
func (l *Lifespan) solve() {
	l.order = append(l.order, l.init)
	for _, n := range l.order {
		for _, c := range n.calls {
			if callee := l.byFunc[c.callee]; callee != nil {
				callee.callers++
			}
		}
	}
	mainPkg := l.pass.Pkg.Name() == "main"
	var work []*node
	for _, n := range l.order {
		if n.obj != nil && l.actionRefs[n.obj] && !l.escaped[n.obj] {
			n.action = true
		}
	}
	mark := func(n *node) {
		if n != nil && !n.runtime && !n.isInit && !n.waits && !n.action {
			n.runtime = true
			work = append(work, n)
		}
	}
	for _, n := range l.order {
		switch {
		case n.obj != nil && !n.isInit:
			isMethod := n.obj.Type().(*types.Signature).Recv() != nil
			viaInterface := isMethod && n.callers == 0 && !l.onceRefs[n.obj]
			if l.entries.External(n.obj) || l.entries.Handler(n.obj) || l.escaped[n.obj] || viaInterface {
				mark(n)
			}
		case n.parent != nil && n.lit == Later:
			mark(n)
		}
		for _, c := range n.calls {
			// A function waiting for signals runs once, but a loop in it
			// runs its body once per signal (a reload).
			if c.isGo || c.inLoop || n.waits && c.anyLoop {
				mark(l.byFunc[c.callee])
			}
		}
	}
	for len(work) > 0 {
		n := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range n.calls {
			mark(l.byFunc[c.callee])
		}
		for _, ch := range n.lits {
			mark(ch)
		}
	}

	smark := func(n *node) {
		if n != nil && !n.startup {
			n.startup = true
			work = append(work, n)
		}
	}
	for _, n := range l.order {
		switch {
		case n.isInit, n.waits, n.action:
			smark(n)
		case n.obj != nil && (l.onceRefs[n.obj] || mainPkg && n.obj.Name() == "main" && n.syntax.(*ast.FuncDecl).Recv == nil):
			n.root = true
			smark(n)
		}
	}
	for len(work) > 0 {
		n := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range n.calls {
			if !c.isGo {
				smark(l.byFunc[c.callee])
			}
		}
		for _, ch := range n.lits {
			if ch.lit != Later {
				smark(ch)
			}
		}
	}
}

// signalScan gathers, during collect's walk of one function (its body,
// outside any function literal, which is a function of its own), what
// decides whether the function waits for the process's signals: it
// registers a local channel with a signal notifier (signalNotifiers) and
// receives from it itself. Such a function blocks until the process gets
// a signal, so it runs for the process's life, once, whoever calls it;
// its loops may repeat once per signal.
type signalScan struct {
	chans map[*types.Var]bool // channels given to a notifier
	recvs []*types.Var        // channels received from
	loops []ast.Node
}

// scanSignal records what n, a node of the function being walked, adds to
// its signalScan. A function's parameters and results hold none of it (an
// array length there is a constant), so only its body contributes.
func (l *Lifespan) scanSignal(s *signalScan, n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(l.pass.TypesInfo, n).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return
		}
		name := ""
		for _, sn := range signalNotifiers {
			if sn.Param >= len(n.Args) {
				continue
			}
			if name == "" {
				name = fn.FullName()
			}
			if sn.Func == name {
				if v := l.localChan(n.Args[sn.Param]); v != nil {
					if s.chans == nil {
						s.chans = map[*types.Var]bool{}
					}
					s.chans[v] = true
				}
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			if v := l.localChan(n.X); v != nil {
				s.recvs = append(s.recvs, v)
			}
		}
	case *ast.RangeStmt:
		s.loops = append(s.loops, n)
		if v := l.localChan(n.X); v != nil {
			s.recvs = append(s.recvs, v)
		}
	case *ast.ForStmt:
		s.loops = append(s.loops, n)
	}
}

// result reports whether the function waits for a signal, and if so its
// loops.
func (s *signalScan) result() (bool, []ast.Node) {
	for _, v := range s.recvs {
		if s.chans[v] {
			return true, s.loops
		}
	}
	return false, nil
}

// localChan returns the local variable e names, if it does.
func (l *Lifespan) localChan(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := l.pass.TypesInfo.Uses[id].(*types.Var)
	if !l.isLocal(v) {
		return nil
	}
	return v
}

// isFlagSet reports whether fn is the Set method of a type that
// implements flag.Value (Set(string) error and String() string): the flag
// package calls it while parsing the command line, at start-up.
func isFlagSet(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return false
	}
	return fn.Name() == flagValueSet && types.Implements(sig.Recv().Type(), flagValue)
}

// flagValue is flag.Value's method set, built here so that a type is
// recognised whether or not its package imports flag.
var flagValue, flagValueSet = func() (*types.Interface, string) {
	str := types.Typ[types.String]
	errT := types.Universe.Lookup("error").Type()
	set := types.NewFunc(token.NoPos, nil, "Set", types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(token.NoPos, nil, "s", str)),
		types.NewTuple(types.NewParam(token.NoPos, nil, "", errT)), false))
	strM := types.NewFunc(token.NoPos, nil, "String", types.NewSignatureType(nil, nil, nil, nil,
		types.NewTuple(types.NewParam(token.NoPos, nil, "", str)), false))
	iface := types.NewInterfaceType([]*types.Func{set, strM}, nil)
	iface.Complete()
	return iface, set.Name()
}()

// InEndlessLoop reports whether the top of the stack is inside a for
// loop with no condition and no break out of it, in the same function: a
// server's loop, not a loop reading input to its end. A loop that leaves
// (returns or breaks) when a read reports io.EOF reads its input to its
// end, however it leaves.
func InEndlessLoop(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.ForStmt:
			if s.Cond == nil {
				var label string
				if i > 0 {
					if lb, ok := stack[i-1].(*ast.LabeledStmt); ok {
						label = lb.Label.Name
					}
				}
				if !breaksOut(s.Body, label) && !leavesAtEOF(info, s.Body, label) {
					return true
				}
			}
		}
	}
	return false
}

// inLoop reports whether the top of the stack is inside a for or range
// loop of its function.
func inLoop(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// leavesAtEOF reports whether a loop body has an if statement whose
// condition compares a value with io.EOF (err == io.EOF, errors.Is(err,
// io.EOF)) and whose branch on equality returns or breaks out of the loop:
// the loop ends with its input.
func leavesAtEOF(info *types.Info, body *ast.BlockStmt, label string) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if mentionsEOF(info, x.Cond) && leaves(x.Body, label) {
				found = true
			}
		}
		return true
	})
	return found
}

// mentionsEOF reports whether cond tests a value for io.EOF: an ==
// comparison with it or a call given it (errors.Is(err, io.EOF)), possibly
// joined with || to other tests.
func mentionsEOF(info *types.Info, cond ast.Expr) bool {
	switch x := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR:
			return mentionsEOF(info, x.X) || mentionsEOF(info, x.Y)
		case token.EQL:
			return isIOEOF(info, x.X) || isIOEOF(info, x.Y)
		}
	case *ast.CallExpr:
		for _, a := range x.Args {
			if isIOEOF(info, a) {
				return true
			}
		}
	}
	return false
}

func isIOEOF(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "io" && v.Name() == "EOF"
}

// leaves reports whether a branch returns or breaks out of the loop whose
// label is given (an unlabelled break outside nested loops, switches and
// selects).
func leaves(branch *ast.BlockStmt, label string) bool {
	if breaksOut(branch, label) {
		return true
	}
	found := false
	ast.Inspect(branch, func(x ast.Node) bool {
		switch x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// breaksOut reports whether a loop body has a break that leaves the loop:
// an unlabelled one outside nested loops, switches and selects, or one
// naming the loop's label.
func breaksOut(body *ast.BlockStmt, label string) bool {
	found := false
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(x ast.Node) bool {
			if found || x == nil {
				return false
			}
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if x != n {
					walk(x, true)
					return false
				}
			case *ast.BranchStmt:
				if x.Tok == token.BREAK && (x.Label == nil && !nested || x.Label != nil && x.Label.Name == label) {
					found = true
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}
