package unboundedcache

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/entrypoints"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

type nodeKind int

const (
	declNode        nodeKind = iota
	litNode                  // a function literal
	initializerNode          // the package-level variable initialisers
)

// litKind says when a function literal runs, which decides whose context
// (initialisation or run time) its writes belong to.
type litKind int

const (
	litImmediate litKind = iota // called where it is written
	litCallback                 // passed to a call that presumably calls it before returning
	litLocal                    // assigned to a local variable and called through it
	litOnce                     // run by sync.Once or sync.OnceFunc/OnceValue(s): initialisation
	litDetached                 // stored, returned, run as a goroutine or registered as a handler: runs later, for callers unknown here
)

// fnode is a function of the package: a declaration, a literal, or the
// pseudo-function made of the package-level initialisers.
type fnode struct {
	kind    nodeKind
	decl    *ast.FuncDecl
	lit     *ast.FuncLit
	obj     *types.Func
	sig     *types.Signature
	parent  *fnode // for literals: the enclosing function
	outer   *fnode // the outermost enclosing declaration (or the initialiser node)
	lk      litKind
	litCall *ast.CallExpr // for callbacks and immediate calls: the call
	litVar  *types.Var    // for litLocal: the variable holding it
	goCall  bool          // a literal started by a go statement: go func(x T) {...}(v)
	// litParent: the syntax directly around a literal, which with
	// lifespan's judgement decides litCall, litVar and goCall.
	litParent ast.Node
	isInit    bool // init, the initialisers, or a once literal

	// external: called by code this package does not see (exported), so
	// its parameters carry arbitrary data.
	external bool
	// escapes: used as a function value; it runs at run time, for callers
	// unknown here.
	escapes bool
	runtime bool
	startup bool
	calls   []*callSite
	callers []*callSite
	writes  []*write
}

func (n *fnode) name() string {
	switch n.kind {
	case declNode:
		if n.decl.Recv != nil && len(n.decl.Recv.List) > 0 {
			recv := n.decl.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				return "(*" + types.ExprString(star.X) + ")." + n.decl.Name.Name
			}
			return types.ExprString(recv) + "." + n.decl.Name.Name
		}
		return n.decl.Name.Name
	case litNode:
		if n.outer.kind == initializerNode {
			return "a function literal in a package-level initialiser"
		}
		return "a function literal in " + n.outer.name()
	}
	return "package initialisation"
}

// callSite is a static call of a function declared in this package.
type callSite struct {
	caller *fnode
	callee *fnode
	call   *ast.CallExpr
	recv   ast.Expr // the receiver expression of a method call
	isGo   bool
	// inLoop: the call sits in an endless for loop (for { ... }), a
	// server's accept or receive loop: it repeats for the process's life.
	inLoop bool
	// external marks the pseudo call made by unseen code on an exported
	// variable's exported method.
	external bool
}

// args returns the argument expressions bound to parameter i (several for
// a variadic parameter), or the receiver for i == -1.
func (cs *callSite) args(i int) []ast.Expr {
	if cs.call == nil {
		return nil
	}
	if i < 0 {
		if cs.recv == nil {
			return nil
		}
		return []ast.Expr{cs.recv}
	}
	args := cs.call.Args
	n := cs.callee.sig.Params().Len()
	if len(args) == 1 && n > 1 {
		return args // f(g()) with a multi-value g
	}
	if cs.callee.sig.Variadic() && i == n-1 && !cs.call.Ellipsis.IsValid() {
		if i < len(args) {
			return args[i:]
		}
		return nil
	}
	if i < len(args) {
		return args[i : i+1]
	}
	return nil
}

type paramRef struct {
	node  *fnode
	index int // -1 for the receiver
}

// def is one assignment to a local variable.
type def struct {
	node    *fnode
	value   ast.Expr // the assigned expression (the whole call for a tuple)
	rangeOf ast.Expr // set for range variables: the ranged expression
	partial bool     // only part of the variable was assigned (x.f = v, f(&x))
}

type localCall struct {
	node *fnode
	call *ast.CallExpr
}

// Raw events, resolved once every local definition is known.
type (
	assignEvent struct {
		node   *fnode
		lhs    ast.Expr
		rhs    ast.Expr // nil when the assignment is from a tuple
		guards []ast.Expr
	}
	targetEvent struct {
		node   *fnode
		target ast.Expr
	}
	rawWrite struct {
		node      *fnode
		pos       token.Pos
		container ast.Expr
		first     ast.Expr // append's first argument
		kind      containerKind
		key       ast.Expr
		values    []ast.Expr
		guards    []ast.Expr
		inLoop    bool
		// anchor is the position SSA gives the write's instruction: the
		// '[' of m[k], the '(' of append or of the sync.Map call.
		anchor token.Pos
	}
)

type checker struct {
	pass    *analysis.Pass
	info    *types.Info
	life    *lifespan.Lifespan
	entries *entrypoints.Entries
	// prog is the package's shared SSA form, built only when a write's
	// guards are judged; ssaBySyntax indexes its functions by syntax.
	prog        *lazyssa.Program
	ssaBySyntax map[ast.Node]*ssa.Function

	nodes  []*fnode
	byFunc map[*types.Func]*fnode
	// importedCalls are calls of other packages' functions that carry a
	// growsWith fact.
	importedCalls []importedCall
	// assumeTraffic takes every parameter of an exported function for
	// traffic: set only while judging which functions get a growsWith
	// fact.
	assumeTraffic bool
	// reported: the containers reported in this package.
	reported map[refKey]bool
	byLit    map[*ast.FuncLit]*fnode
	init     *fnode

	paramOf    map[*types.Var]paramRef
	defs       map[*types.Var][]def
	localCalls map[*types.Var][]localCall

	pending   []pendingCall
	rawWrites []rawWrite
	// fieldInits: every value a struct field is given (in a composite
	// literal or by assignment), to find fields that alias one global.
	fieldInits map[*types.Var][]ast.Expr
	fieldAlias map[*types.Var]ref
	assigns    []assignEvent
	deletes    []targetEvent // delete, clear, Delete and friends
	addrArgs   []targetEvent // &x passed to a call
	lenCmps    []targetEvent // len(x) compared with a bound
	// lenLocalCmps: locals compared with a bound, which are size checks
	// when the local's only definition is len(x).
	lenLocalCmps []localCmp
	incs         []targetEvent // x++, x += n, atomic adds

	lits     map[*fnode][]*fnode // literals by outermost declaration
	children map[*fnode][]*fnode // literals by enclosing function

	// results of the later phases
	shrinkVar   map[*types.Var]string
	shrinkField map[*types.Var]string
	shrinkTypes []types.Type
	counters    map[*types.Var]bool
	paramShrink map[paramRef]bool
	// sizeGuards: for a package-level container whose only shrinks are
	// capacity checks (its length compared with a bound, and deletes in
	// the functions that compare it), those functions. The container is
	// bounded only where they, or what they call, write it.
	sizeGuards map[*types.Var]map[*fnode]bool

	rooted     map[*fnode][]*write
	rootedBusy map[*fnode]bool
	allMemo    map[*fnode][]*write
	paramMemo  map[paramRef]*class
	localMemo  map[*types.Var]*class
	// descriptors: locals passed as a file descriptor (descriptorArgs).
	descriptors map[*types.Var]bool
	// classifyNesting and classifySteps bound one judgement (a key, an
	// argument) to classifyBudget steps: following values through calls
	// with their arguments bound can branch at every call.
	classifyNesting, classifySteps int
	returnMemo                     map[*fnode]*class
	boundedMemo                    map[types.Type]bool
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass:        pass,
		info:        pass.TypesInfo,
		life:        pass.ResultOf[lifespan.Analyzer].(*lifespan.Lifespan),
		entries:     pass.ResultOf[entrypoints.Analyzer].(*entrypoints.Entries),
		prog:        pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program),
		byFunc:      map[*types.Func]*fnode{},
		byLit:       map[*ast.FuncLit]*fnode{},
		paramOf:     map[*types.Var]paramRef{},
		defs:        map[*types.Var][]def{},
		localCalls:  map[*types.Var][]localCall{},
		children:    map[*fnode][]*fnode{},
		fieldInits:  map[*types.Var][]ast.Expr{},
		shrinkVar:   map[*types.Var]string{},
		shrinkField: map[*types.Var]string{},
		counters:    map[*types.Var]bool{},
		paramShrink: map[paramRef]bool{},
		sizeGuards:  map[*types.Var]map[*fnode]bool{},
		rooted:      map[*fnode][]*write{},
		rootedBusy:  map[*fnode]bool{},
		allMemo:     map[*fnode][]*write{},
		reported:    map[refKey]bool{},
		paramMemo:   map[paramRef]*class{},
		localMemo:   map[*types.Var]*class{},
		descriptors: map[*types.Var]bool{},
		returnMemo:  map[*fnode]*class{},
		boundedMemo: map[types.Type]bool{},
	}
	c.init = &fnode{kind: initializerNode, isInit: true}
	c.init.outer = c.init
	return c
}

// collect walks the package's non-test files once, building the function
// nodes and recording the raw events the later phases interpret. Test
// files are left out: test code neither serves requests nor frees
// production state, and leaving it out keeps the package and its test
// variant in agreement.
func (c *checker) collect() {
	for _, f := range c.pass.Files {
		if isTestPos(c.pass, f.FileStart) {
			continue
		}
		var stack []ast.Node
		var fstack []*fnode
		var pushed []bool
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				if pushed[len(pushed)-1] {
					fstack = fstack[:len(fstack)-1]
				}
				pushed = pushed[:len(pushed)-1]
				return true
			}
			stack = append(stack, n)
			cur := c.init
			if len(fstack) > 0 {
				cur = fstack[len(fstack)-1]
			}
			var fn *fnode
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body == nil {
					stack = stack[:len(stack)-1]
					return false
				}
				fn = c.newDecl(n)
			case *ast.FuncLit:
				fn = c.newLit(n, cur, stack)
			case *ast.CallExpr:
				c.visitCall(cur, n, stack)
			case *ast.AssignStmt:
				c.visitAssign(cur, n, stack)
			case *ast.IncDecStmt:
				c.visitIncDec(cur, n, stack)
			case *ast.RangeStmt:
				c.visitRange(cur, n)
			case *ast.ValueSpec:
				if cur != c.init {
					c.visitValueSpec(cur, n)
				}
			case *ast.TypeSwitchStmt:
				c.visitTypeSwitch(cur, n)
			case *ast.KeyValueExpr:
				c.visitFieldInit(n)
			case *ast.BinaryExpr:
				c.visitCompare(cur, n)
			case *ast.UnaryExpr:
				c.visitAddr(cur, n, stack)
			}
			if fn != nil {
				fstack = append(fstack, fn)
			}
			pushed = append(pushed, fn != nil)
			return true
		})
	}
	c.nodes = append(c.nodes, c.init)
	for _, p := range c.pending {
		p.cs.callee = c.byFunc[p.fn]
	}
	for _, n := range c.nodes {
		for _, cs := range n.calls {
			if cs.callee != nil {
				cs.callee.callers = append(cs.callee.callers, cs)
			}
		}
	}
}

// resolveFieldAliases finds struct fields that only ever hold one
// package-level container (server{cache: cache}): a write through the
// field, on any value, writes that container.
func (c *checker) resolveFieldAliases() {
	c.fieldAlias = map[*types.Var]ref{}
	for f, inits := range c.fieldInits {
		if kindOf(f.Type()) == noContainer {
			continue
		}
		var target ref
		ok := true
		for _, e := range inits {
			r, resolved := c.resolve(e)
			if !resolved || !isPkgVar(r.root) || (target.root != nil && !target.same(r)) {
				ok = false
				break
			}
			target = r
		}
		if ok && target.root != nil {
			c.fieldAlias[f] = target
		}
	}
}

func (c *checker) addParams(n *fnode) {
	if n.sig == nil {
		return
	}
	if r := n.sig.Recv(); r != nil {
		c.paramOf[r] = paramRef{n, -1}
	}
	for i := 0; i < n.sig.Params().Len(); i++ {
		c.paramOf[n.sig.Params().At(i)] = paramRef{n, i}
	}
}

func (c *checker) newDecl(d *ast.FuncDecl) *fnode {
	obj, _ := c.info.Defs[d.Name].(*types.Func)
	n := &fnode{kind: declNode, decl: d, obj: obj}
	n.outer = n
	if obj != nil {
		n.sig, _ = obj.Type().(*types.Signature)
		c.byFunc[obj] = n
	}
	c.nodes = append(c.nodes, n)
	c.addParams(n)
	return n
}

func (c *checker) newLit(lit *ast.FuncLit, parent *fnode, stack []ast.Node) *fnode {
	n := &fnode{kind: litNode, lit: lit, parent: parent, outer: parent.outer}
	n.sig, _ = c.info.TypeOf(lit).(*types.Signature)
	if len(stack) >= 2 {
		n.litParent = stack[len(stack)-2]
	}
	c.byLit[lit] = n
	c.nodes = append(c.nodes, n)
	c.addParams(n)
	return n
}

// applyLifespan takes from package lifespan when each function runs: which
// declarations are start-up by themselves, and when each literal runs
// relative to the code making it. It is a separate step, after the walk,
// so that a package with nothing to judge never asks lifespan (whose walk
// of the package is then not done).
func (c *checker) applyLifespan() {
	for _, n := range c.nodes {
		switch n.kind {
		case declNode:
			n.isInit = c.life.InitBody(n.decl)
		case litNode:
			c.classifyLit(n)
		}
	}
	// A write in a literal that runs later, for callers unknown here, is
	// deferred.
	for _, n := range c.nodes {
		for _, w := range n.writes {
			for m := n; m.kind == litNode; m = m.parent {
				if m.lk == litDetached && !m.goCall {
					w.deferred = true
				}
			}
		}
	}
}

func (c *checker) classifyLit(n *fnode) {
	lit := n.lit
	switch c.life.Lit(lit) {
	case lifespan.Immediate:
		n.lk = litImmediate
	case lifespan.Callback:
		n.lk = litCallback
	case lifespan.Once:
		n.lk = litOnce
	case lifespan.Local:
		n.lk = litLocal
	default:
		n.lk = litDetached
	}
	switch p := n.litParent.(type) {
	case *ast.CallExpr:
		n.litCall = p
		if ast.Unparen(p.Fun) == lit && n.lk == litDetached {
			n.goCall = true // go func(x T) {...}(v)
		}
	case *ast.AssignStmt:
		if v := c.localAssignedTo(p, lit); v != nil && n.lk == litLocal {
			n.litVar = v
		}
	case *ast.ValueSpec:
		if n.lk == litLocal {
			for i, val := range p.Values {
				if val == lit && i < len(p.Names) {
					n.litVar, _ = c.info.Defs[p.Names[i]].(*types.Var)
				}
			}
		}
	}
	if n.lk == litLocal && n.litVar == nil {
		n.lk = litDetached
	}
	n.isInit = n.lk == litOnce
}

// localAssignedTo returns the local variable a literal is assigned to.
func (c *checker) localAssignedTo(as *ast.AssignStmt, lit *ast.FuncLit) *types.Var {
	if len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	for i, r := range as.Rhs {
		if r != lit {
			continue
		}
		id, ok := ast.Unparen(as.Lhs[i]).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := c.objOf(id).(*types.Var)
		if ok && c.isLocal(v) {
			return v
		}
	}
	return nil
}

func (c *checker) objOf(id *ast.Ident) types.Object {
	if o := c.info.Uses[id]; o != nil {
		return o
	}
	return c.info.Defs[id]
}

// isLocal reports whether v is a local variable of this package's code
// (not a package-level variable, field or parameter).
func (c *checker) isLocal(v *types.Var) bool {
	if v == nil || v.IsField() || isPkgVar(v) || v.Pkg() != c.pass.Pkg {
		return false
	}
	_, isParam := c.paramOf[v]
	return !isParam
}

func (c *checker) visitCall(cur *fnode, call *ast.CallExpr, stack []ast.Node) {
	callee := typeutil.Callee(c.info, call)
	switch fn := callee.(type) {
	case *types.Builtin:
		switch fn.Name() {
		case "delete", "clear":
			if len(call.Args) > 0 {
				c.deletes = append(c.deletes, targetEvent{cur, call.Args[0]})
			}
		}
		return
	case *types.Var:
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && c.isLocal(fn) && c.info.Uses[id] == fn {
			c.localCalls[fn] = append(c.localCalls[fn], localCall{cur, call})
		}
		return
	case *types.Func:
		c.visitFuncCall(cur, fn, call, stack)
	}
}

func (c *checker) visitFuncCall(cur *fnode, fn *types.Func, call *ast.CallExpr, stack []ast.Node) {
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg && fn.Signature().Recv() == nil {
		var fact growsWith
		if c.pass.ImportObjectFact(fn, &fact) {
			c.importedCalls = append(c.importedCalls, importedCall{node: cur, fn: fn, call: call, fact: fact, inLoop: lifespan.InEndlessLoop(c.info, stack)})
		}
	}
	full := ""
	if callNames[fn.Name()] {
		full = fn.Origin().FullName()
	}
	switch {
	case full == "": // no table below lists a function of this name
	case syncMapWrites[full] != "" && sel != nil:
		if len(call.Args) == 2 {
			c.rawWrites = append(c.rawWrites, rawWrite{
				node: cur, pos: call.Pos(), container: sel.X, kind: syncMapContainer,
				key: call.Args[0], values: []ast.Expr{call.Args[1]},
				guards: enclosingGuards(stack, call), inLoop: lifespan.InEndlessLoop(c.info, stack), anchor: call.Lparen,
			})
		}
	case syncMapDeletes[full] != "" && sel != nil:
		c.deletes = append(c.deletes, targetEvent{cur, sel.X})
	case mapDeletes[full] != "":
		if len(call.Args) > 0 {
			c.deletes = append(c.deletes, targetEvent{cur, call.Args[0]})
		}
	case counterAdds[full] != "":
		if sig := fn.Type().(*types.Signature); sig.Recv() != nil && sel != nil {
			c.incs = append(c.incs, targetEvent{cur, sel.X})
		} else if len(call.Args) > 0 {
			if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
				c.incs = append(c.incs, targetEvent{cur, u.X})
			}
		}
	}
	c.recordFill(cur, fn, call)
	c.recordPointerMethod(cur, sel, call)
	c.recordDescriptor(fn, call)

	if fn.Pkg() != c.pass.Pkg {
		return
	}
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return // dynamic dispatch: no static callee
	}
	cs := &callSite{caller: cur, call: call}
	if sel != nil {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			cs.recv = sel.X
		}
	}
	if len(stack) >= 2 {
		if g, ok := stack[len(stack)-2].(*ast.GoStmt); ok && g.Call == call {
			cs.isGo = true
		}
	}
	cs.inLoop = lifespan.InEndlessLoop(c.info, stack)
	cs.callee = nil // bound after the walk: the declaration may come later
	cur.calls = append(cur.calls, cs)
	c.pendingCallee(cs, fn)
}

// pendingCallee binds a call site to its callee's node once every
// declaration has been seen.
func (c *checker) pendingCallee(cs *callSite, fn *types.Func) {
	c.pending = append(c.pending, pendingCall{cs, fn})
}

type pendingCall struct {
	cs *callSite
	fn *types.Func
}

// recordFill notes calls that fill a local buffer or variable: its value
// then comes from the call (rand.Read(b), io.ReadFull(r, b), r.Read(b)).
// The fillers are the knowledge table's functions and interface methods;
// a method fills as the interface method it satisfies (same name and
// signature) does.
func (c *checker) recordFill(cur *fnode, fn *types.Func, call *ast.CallExpr) {
	idx, ok := fillIndex(fn)
	if !ok || idx >= len(call.Args) {
		return
	}
	if id, ok := ast.Unparen(call.Args[idx]).(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok && c.isLocal(v) {
			c.defs[v] = append(c.defs[v], def{node: cur, value: call, partial: true})
		}
	}
}

// recordDescriptor notes a local passed where a call takes a file
// descriptor (descriptorArgs): the local holds a descriptor number.
func (c *checker) recordDescriptor(fn *types.Func, call *ast.CallExpr) {
	idx, ok := descriptorArgs[fn.Origin().FullName()]
	if !ok || idx >= len(call.Args) {
		return
	}
	id, ok := ast.Unparen(call.Args[idx]).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := c.info.Uses[id].(*types.Var); ok && c.isLocal(v) {
		c.descriptors[v] = true
	}
}

// recordPointerMethod notes a call of a pointer method on an addressable
// local value (sb.WriteString(s) on a strings.Builder): the call takes
// the local's address, as f(&x) does, and what the local holds afterwards
// comes from the call and its arguments.
func (c *checker) recordPointerMethod(cur *fnode, sel *ast.SelectorExpr, call *ast.CallExpr) {
	if sel == nil {
		return
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return
	}
	if _, ptrRecv := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); !ptrRecv {
		return
	}
	if _, isPtr := c.info.TypeOf(sel.X).Underlying().(*types.Pointer); isPtr {
		return
	}
	if v := c.rootLocal(sel.X); v != nil {
		c.defs[v] = append(c.defs[v], def{node: cur, value: call, partial: true})
	}
}

// fillIndex returns the index of the argument fn fills, if it is a filler.
func fillIndex(fn *types.Func) (int, bool) {
	if fillerNames[fn.Name()] {
		if f, ok := fillers[fn.Origin().FullName()]; ok {
			return f.arg, true
		}
	}
	sig := fn.Signature()
	if sig.Recv() == nil {
		return 0, false
	}
	for _, m := range fillerMethods {
		if m.name == fn.Name() && types.Identical(withoutRecv(sig), m.sig) {
			return m.arg, true
		}
	}
	return 0, false
}

func withoutRecv(sig *types.Signature) *types.Signature {
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

func (c *checker) visitAssign(cur *fnode, as *ast.AssignStmt, stack []ast.Node) {
	tuple := len(as.Lhs) != len(as.Rhs)
	for i, lhs := range as.Lhs {
		var rhs ast.Expr
		if !tuple {
			rhs = as.Rhs[i]
		} else if len(as.Rhs) == 1 {
			rhs = as.Rhs[0]
		}
		lhsU := ast.Unparen(lhs)
		if ix, ok := lhsU.(*ast.IndexExpr); ok && kindOf(c.info.TypeOf(ix.X)) == mapContainer {
			w := rawWrite{node: cur, pos: ix.Pos(), container: ix.X, kind: mapContainer, key: ix.Index, guards: enclosingGuards(stack, as), inLoop: lifespan.InEndlessLoop(c.info, stack), anchor: ix.Lbrack}
			if as.Tok == token.ASSIGN && !tuple {
				w.values = []ast.Expr{rhs}
			}
			c.rawWrites = append(c.rawWrites, w)
		}
		if as.Tok == token.ASSIGN {
			if !tuple {
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && isBuiltin(c.info, call, "append") && len(call.Args) > 0 {
					w := rawWrite{node: cur, pos: as.Pos(), container: lhs, first: call.Args[0], kind: sliceContainer, guards: enclosingGuards(stack, as), inLoop: lifespan.InEndlessLoop(c.info, stack), anchor: call.Lparen}
					w.values = call.Args[1:]
					c.rawWrites = append(c.rawWrites, w)
				}
			}
			ev := assignEvent{node: cur, lhs: lhs}
			if !tuple {
				ev.rhs = rhs
			}
			ev.guards = enclosingGuards(stack, as)
			c.assigns = append(c.assigns, ev)
		}
		if sel, ok := lhsU.(*ast.SelectorExpr); ok && rhs != nil && !tuple && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
			if s := c.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				if f, ok := s.Obj().(*types.Var); ok {
					f = f.Origin()
					c.fieldInits[f] = append(c.fieldInits[f], rhs)
				}
			}
		}
		if as.Tok == token.ADD_ASSIGN {
			c.incs = append(c.incs, targetEvent{cur, lhs})
		}
		c.recordDef(cur, lhs, rhs, tuple)
	}
}

// enclosingGuards returns the conditions of the if statements whose
// then-branch holds n, up to the enclosing function.
func enclosingGuards(stack []ast.Node, n ast.Node) []ast.Expr {
	var conds []ast.Expr
	child := n
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return conds
		case *ast.IfStmt:
			if s.Body == child {
				conds = append(conds, s.Cond)
			}
		}
		child = stack[i]
	}
	return conds
}

// recordDef notes an assignment to a local variable, whole or in part.
func (c *checker) recordDef(cur *fnode, lhs, rhs ast.Expr, tuple bool) {
	if rhs == nil {
		return
	}
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := c.objOf(id).(*types.Var); ok && c.isLocal(v) {
			c.defs[v] = append(c.defs[v], def{node: cur, value: rhs, partial: tuple})
		}
		return
	}
	if v := c.rootLocal(lhs); v != nil {
		c.defs[v] = append(c.defs[v], def{node: cur, value: rhs, partial: true})
	}
}

// rootLocal returns the local variable at the root of x.f[i].g, if any.
func (c *checker) rootLocal(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := c.objOf(x).(*types.Var)
			if c.isLocal(v) {
				return v
			}
			return nil
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

func (c *checker) visitIncDec(cur *fnode, s *ast.IncDecStmt, stack []ast.Node) {
	if ix, ok := ast.Unparen(s.X).(*ast.IndexExpr); ok && kindOf(c.info.TypeOf(ix.X)) == mapContainer {
		c.rawWrites = append(c.rawWrites, rawWrite{node: cur, pos: ix.Pos(), container: ix.X, kind: mapContainer, key: ix.Index, guards: enclosingGuards(stack, s), inLoop: lifespan.InEndlessLoop(c.info, stack), anchor: ix.Lbrack})
	}
	if s.Tok == token.INC {
		c.incs = append(c.incs, targetEvent{cur, s.X})
	}
}

func (c *checker) visitRange(cur *fnode, r *ast.RangeStmt) {
	for _, e := range []ast.Expr{r.Key, r.Value} {
		id, ok := e.(*ast.Ident)
		if !ok {
			continue
		}
		if v, ok := c.objOf(id).(*types.Var); ok && c.isLocal(v) {
			c.defs[v] = append(c.defs[v], def{node: cur, rangeOf: r.X})
		}
	}
}

func (c *checker) visitValueSpec(cur *fnode, vs *ast.ValueSpec) {
	for i, name := range vs.Names {
		v, ok := c.info.Defs[name].(*types.Var)
		if !ok {
			continue
		}
		switch {
		case len(vs.Values) == len(vs.Names):
			c.defs[v] = append(c.defs[v], def{node: cur, value: vs.Values[i]})
		case len(vs.Values) == 1:
			c.defs[v] = append(c.defs[v], def{node: cur, value: vs.Values[0], partial: true})
		}
	}
}

func (c *checker) visitTypeSwitch(cur *fnode, ts *ast.TypeSwitchStmt) {
	as, ok := ts.Assign.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return
	}
	ta, ok := as.Rhs[0].(*ast.TypeAssertExpr)
	if !ok {
		return
	}
	for _, cl := range ts.Body.List {
		if v, ok := c.info.Implicits[cl].(*types.Var); ok {
			c.defs[v] = append(c.defs[v], def{node: cur, value: ta.X})
		}
	}
}

// visitFieldInit records T{f: v}.
func (c *checker) visitFieldInit(kv *ast.KeyValueExpr) {
	id, ok := kv.Key.(*ast.Ident)
	if !ok {
		return
	}
	if f, ok := c.info.Uses[id].(*types.Var); ok && f.IsField() {
		f = f.Origin()
		c.fieldInits[f] = append(c.fieldInits[f], kv.Value)
	}
}

type localCmp struct {
	node *fnode
	v    *types.Var
}

// visitCompare records len(x) compared with anything but zero: a size
// check that caps or evicts.
func (c *checker) visitCompare(cur *fnode, b *ast.BinaryExpr) {
	switch b.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return
	}
	for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if isSmallConst(c.info, side[1]) {
			continue
		}
		if id, ok := ast.Unparen(side[0]).(*ast.Ident); ok {
			// n := len(x); if n > max { ... }: judged once every
			// definition of n is known.
			if v, ok := c.objOf(id).(*types.Var); ok && c.isLocal(v) {
				c.lenLocalCmps = append(c.lenLocalCmps, localCmp{cur, v})
			}
			continue
		}
		call, ok := ast.Unparen(side[0]).(*ast.CallExpr)
		if !ok || !isBuiltin(c.info, call, "len") || len(call.Args) != 1 {
			continue
		}
		c.lenCmps = append(c.lenCmps, targetEvent{cur, call.Args[0]})
	}
}

// isSmallConst reports whether e is the constant 0 or 1: len(m) == 0 and
// len(m) > 1 ask about emptiness, not size.
func isSmallConst(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	if tv.Value == nil {
		return false
	}
	s := tv.Value.ExactString()
	return s == "0" || s == "1"
}

// visitAddr records &x passed to a call: the callee may replace x, and a
// local x is then filled by the call.
func (c *checker) visitAddr(cur *fnode, u *ast.UnaryExpr, stack []ast.Node) {
	if u.Op != token.AND || len(stack) < 2 {
		return
	}
	call, ok := stack[len(stack)-2].(*ast.CallExpr)
	if !ok || call.Fun == u {
		return
	}
	c.addrArgs = append(c.addrArgs, targetEvent{cur, u.X})
	if v := c.rootLocal(u.X); v != nil {
		c.defs[v] = append(c.defs[v], def{node: cur, value: call, partial: true})
	}
}

func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
