package unboundedcache

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math/bits"

	"golang.org/x/tools/go/types/typeutil"
)

// level is what is known of a value's domain.
type level int

const (
	unknownDomain   level = iota // nothing to go on: no report
	boundedDomain                // constants, small types, program-bounded values
	unboundedDomain              // parameters, request data, loops over input, fresh IDs
)

// class is the domain of a key or appended value and, when unbounded,
// where the unbounded data comes from.
type class struct {
	level level
	desc  string // the source as the message names it: "parameter userID"
	name  string // the source as code spells it, to avoid "userID (parameter userID)"
	shown string // the expression in the outermost function, when reached through calls
	// ext is set when the source is a parameter of a function called by
	// code outside the package: the registration rules then apply to it.
	ext *fnode
	// fresh marks a new allocation made by the writing function itself.
	// It counts there (subscribers = append(subscribers, make(chan T)))
	// but not when it arrives through a parameter or a result, where
	// it is as likely a pooled object made only when the pool is empty.
	fresh bool
	// element marks values appended to a map's entry (m[k] = append(m[k],
	// v)) rather than a key.
	element bool
}

func union(a, b class) class {
	if a.level == unboundedDomain && (!a.fresh || b.level != unboundedDomain) {
		return a
	}
	if b.level == unboundedDomain {
		return b
	}
	if a.level == boundedDomain && b.level == boundedDomain {
		return a
	}
	return class{}
}

// unionAll folds union over the classes of es; no expressions is unknown.
func (c *checker) unionAll(n *fnode, es []ast.Expr, en *env, depth int) class {
	if len(es) == 0 {
		return class{}
	}
	out := class{level: boundedDomain}
	for _, e := range es {
		out = union(out, c.classify(n, e, en, depth))
		if out.level == unboundedDomain && !out.fresh {
			break
		}
	}
	return out
}

// env binds the parameters of the function a write sits in to the
// arguments of the call being followed, so that store.Set(r.URL.Path, v)
// is judged by r.URL.Path rather than by every caller of Set.
type env struct {
	cs     *callSite
	outer  *env
	opaque *fnode // parameters of this function are unknown (judging its results)
}

func (c *checker) envOf(w *write) *env {
	var en *env
	for _, cs := range w.via {
		en = &env{cs: cs, outer: en}
	}
	return en
}

const maxDepth = 24

// freshAllocation is a value made anew on each call: a pointer, channel
// or map no earlier call produced.
var freshAllocation = class{level: unboundedDomain, desc: "a fresh allocation", fresh: true}

// notFresh drops a fresh allocation's claim from what is derived from it:
// the fields of a new struct are whatever was put in them.
func notFresh(cl class) class {
	if cl.fresh {
		return class{}
	}
	return cl
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// classifyBudget is the most classify steps one judgement may take.
// Past it the value is unknown, and unknown is never reported: a key the
// analysis cannot judge in time is no evidence of growth.
const classifyBudget = 20000

// classify judges the domain of e, evaluated in function n.
func (c *checker) classify(n *fnode, e ast.Expr, en *env, depth int) class {
	if c.classifyNesting == 0 {
		c.classifySteps = 0
	}
	c.classifySteps++
	if depth > maxDepth || e == nil || c.classifySteps > classifyBudget {
		return class{}
	}
	c.classifyNesting++
	defer func() { c.classifyNesting-- }()
	return c.classifyExpr(n, e, en, depth)
}

func (c *checker) classifyExpr(n *fnode, e ast.Expr, en *env, depth int) class {
	e = ast.Unparen(e)
	tv := c.info.Types[e]
	if tv.Value != nil {
		return class{level: boundedDomain}
	}
	if tv.Type != nil && c.boundedType(tv.Type) {
		return class{level: boundedDomain}
	}
	if tv.Type != nil && isNamed(tv.Type, "context", "Context") {
		// A context marks an operation; it is no data to key by, and
		// what a call computes with it is judged by its other operands.
		return class{}
	}
	switch x := e.(type) {
	case *ast.Ident:
		return c.classifyIdent(n, x, en, depth)
	case *ast.SelectorExpr:
		if sel := c.info.Selections[x]; sel != nil {
			if cl, ok := c.literalField(x, sel, en, depth); ok {
				return cl
			}
			return notFresh(c.classify(n, x.X, en, depth+1))
		}
		return c.classifyIdent(n, x.Sel, en, depth)
	case *ast.IndexExpr:
		if _, isFunc := c.info.TypeOf(x.X).Underlying().(*types.Signature); isFunc {
			return class{}
		}
		if r, ok := c.resolve(x.X); ok && isPkgVar(r.root) {
			// An element of a package-level table is one of its
			// entries, whatever the index.
			return class{}
		}
		return c.classify(n, x.X, en, depth+1)
	case *ast.SliceExpr:
		return c.classify(n, x.X, en, depth+1)
	case *ast.StarExpr:
		return c.classify(n, x.X, en, depth+1)
	case *ast.TypeAssertExpr:
		return c.classify(n, x.X, en, depth+1)
	case *ast.UnaryExpr:
		switch x.Op {
		case token.ARROW:
			return class{level: unboundedDomain, desc: "a receive from " + types.ExprString(x.X)}
		case token.AND:
			if _, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				return freshAllocation
			}
		}
		return c.classify(n, x.X, en, depth+1)
	case *ast.BinaryExpr:
		if (x.Op == token.REM || x.Op == token.AND) && c.info.Types[x.Y].Value != nil {
			return class{level: boundedDomain} // h % 16, h & 0xff
		}
		return union(c.classify(n, x.X, en, depth+1), c.classify(n, x.Y, en, depth+1))
	case *ast.CallExpr:
		return c.classifyCall(n, x, en, depth)
	case *ast.CompositeLit:
		var parts []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			parts = append(parts, el)
		}
		if len(parts) == 0 {
			return class{level: boundedDomain}
		}
		return c.unionAll(n, parts, en, depth+1)
	case *ast.BasicLit:
		return class{level: boundedDomain}
	}
	return class{}
}

func (c *checker) classifyIdent(n *fnode, id *ast.Ident, en *env, depth int) class {
	switch o := c.objOf(id).(type) {
	case *types.Const, *types.Nil:
		return class{level: boundedDomain}
	case *types.Var:
		if isPkgVar(o) {
			if freshVars[o.Pkg().Path()+"."+o.Name()] != "" {
				return class{level: unboundedDomain, desc: o.Pkg().Path() + "." + o.Name(), name: o.Pkg().Name() + "." + o.Name()}
			}
			if c.counters[o] {
				return class{level: unboundedDomain, desc: "counter " + o.Name(), name: o.Name()}
			}
			return class{}
		}
		if p, ok := c.paramOf[o]; ok {
			return c.classifyParam(p, o, en, depth)
		}
		if c.isLocal(o) {
			if c.descriptors[o] {
				// A descriptor number: one of the process's open
				// files, bounded by the machine.
				return class{}
			}
			return c.classifyLocal(o, en, depth)
		}
	}
	return class{}
}

func (c *checker) classifyParam(p paramRef, v *types.Var, en *env, depth int) class {
	if en != nil {
		if en.opaque == p.node {
			return class{}
		}
		if en.cs != nil && en.cs.callee == p.node {
			if en.cs.external {
				if !c.trafficParam(p.node, v) {
					return class{}
				}
				return class{level: unboundedDomain, desc: "parameter " + v.Name(), name: v.Name(), ext: p.node}
			}
			args := en.cs.args(p.index)
			cl := c.unionAll(en.cs.caller, args, en.outer, depth+1)
			if cl.level == unboundedDomain && cl.shown == "" && len(args) == 1 {
				cl.shown = types.ExprString(args[0])
			}
			return cl
		}
	}
	if p.index < 0 {
		return class{} // the receiver: per-instance state, not input
	}
	return c.paramClass(p, v)
}

// paramClass judges a parameter from the function's callers: unbounded
// when they are unknown (exported, used as a value, a detached literal)
// or when a run-time caller passes unbounded data.
func (c *checker) paramClass(p paramRef, v *types.Var) class {
	if cl, ok := c.paramMemo[p]; ok {
		return *cl
	}
	c.paramMemo[p] = &class{}
	own := class{level: unboundedDomain, desc: "parameter " + v.Name(), name: v.Name()}
	var cl class
	n := p.node
	switch n.kind {
	case litNode:
		switch n.lk {
		case litDetached:
			switch {
			case n.goCall:
				if p.index < len(n.litCall.Args) {
					cl = c.classify(n.parent, n.litCall.Args[p.index], nil, 1)
				}
			case c.entries.HandlerLit(n.lit):
				cl = own
				cl.ext = n
			}
		case litCallback:
			// The callee calls the literal with data derived from the
			// call's other operands (filepath.Walk(root, fn)).
			var parts []ast.Expr
			if sel, ok := ast.Unparen(n.litCall.Fun).(*ast.SelectorExpr); ok && c.info.Selections[sel] != nil {
				parts = append(parts, sel.X)
			}
			for _, a := range n.litCall.Args {
				if a != n.lit {
					parts = append(parts, a)
				}
			}
			if src := c.unionAll(n.parent, parts, nil, 1); src.level == unboundedDomain {
				cl = src
			}
		case litImmediate:
			if p.index < len(n.litCall.Args) {
				cl = c.classify(n.parent, n.litCall.Args[p.index], nil, 1)
			}
		case litLocal:
			for _, lc := range c.localCalls[n.litVar] {
				if p.index < len(lc.call.Args) {
					if src := c.classify(lc.node, lc.call.Args[p.index], nil, 1); src.level == unboundedDomain {
						cl = own
						cl.ext = src.ext
						break
					}
				}
			}
		}
	case declNode:
		if n.escapes && (c.entries.Handler(n.obj) || takesCarrier(n)) || n.external && c.trafficParam(n, v) {
			cl = own
			cl.ext = n
			break
		}
		// An exported function's other parameters are whatever its
		// callers choose: a user ID per request as well as a name per
		// registration at start-up. Without traffic in their type they
		// count only when this package's own run-time code passes
		// unbounded data, as for an unexported function.
		for _, cs := range n.callers {
			if !cs.isGo && !cs.inLoop && !cs.caller.runtime {
				continue
			}
			if src := c.unionAll(cs.caller, cs.args(p.index), nil, 1); src.level == unboundedDomain && !src.fresh {
				cl = own
				cl.ext = src.ext
				break
			}
		}
	}
	if cl.fresh {
		cl = class{}
	}
	c.paramMemo[p] = &cl
	return cl
}

// trafficParam reports whether a parameter of a function called from
// outside the package carries traffic: by its own type (a request, a
// connection, a peer address: trafficCarriers; or an error, which only
// run-time failures produce), or because the function is one that runs
// per operation: it receives a context.Context or a traffic carrier, so
// its other parameters are that operation's data.
func (c *checker) trafficParam(n *fnode, v *types.Var) bool {
	if c.assumeTraffic || isTrafficType(v.Type()) {
		return true
	}
	params := n.sig.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if isNamed(t, "context", "Context") || isTrafficType(t) && !types.Identical(t, types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// takesCarrier reports whether one of the function's parameters is a
// traffic carrier (a request, a connection, a peer address; an error or a
// context.Context does not count): a function used as a value that takes
// one is called per request or per client, whoever calls it.
func takesCarrier(n *fnode) bool {
	params := n.sig.Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if isTrafficType(t) && !types.Identical(t, types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

func isTrafficType(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	_, ok = trafficCarriers[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
	return ok
}

// classifyLocal joins the classes of every assignment to a local.
func (c *checker) classifyLocal(v *types.Var, en *env, depth int) class {
	if en == nil {
		if cl, ok := c.localMemo[v]; ok {
			return *cl
		}
		c.localMemo[v] = &class{}
	}
	defs := c.defs[v]
	var cl class
	if len(defs) > 0 {
		cl = class{level: boundedDomain}
	}
	for _, d := range defs {
		var dc class
		if d.rangeOf != nil {
			dc = c.classify(d.node, d.rangeOf, en, depth+1)
			if _, isChan := typeUnder(c.info.TypeOf(d.rangeOf)).(*types.Chan); isChan {
				// A stream has no end: what it delivers is unbounded
				// whoever sends it.
				dc = class{level: unboundedDomain}
			}
			if dc.level == unboundedDomain && dc.shown == "" {
				if s := types.ExprString(d.rangeOf); len(s) <= 40 {
					dc.desc = "loop over " + s
					dc.name = ""
				}
			}
		} else {
			dc = c.classify(d.node, d.value, en, depth+1)
		}
		cl = union(cl, dc)
		if cl.level == unboundedDomain && !cl.fresh {
			break
		}
	}
	if en == nil {
		c.localMemo[v] = &cl
	}
	return cl
}

func (c *checker) classifyCall(n *fnode, call *ast.CallExpr, en *env, depth int) class {
	if c.info.Types[call.Fun].IsType() {
		if len(call.Args) == 1 {
			return c.classify(n, call.Args[0], en, depth+1)
		}
		return class{}
	}
	callee := typeutil.Callee(c.info, call)
	switch fn := callee.(type) {
	case *types.Builtin:
		switch fn.Name() {
		case "append", "min", "max", "string", "complex":
			return c.unionAll(n, call.Args, en, depth+1)
		case "make", "new":
			return freshAllocation
		}
		return class{}
	case *types.Func:
		if g := generator(fn); g != "" {
			return class{level: unboundedDomain, desc: g, name: g}
		}
		if reflectMethod(fn) || c.masksToFewBits(fn, call) {
			return class{level: boundedDomain}
		}
		if fn.Pkg() != nil && environmentPackages[fn.Pkg().Path()] {
			return class{}
		}
	}
	var parts []ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.info.Selections[sel] != nil {
		parts = append(parts, sel.X)
	}
	for _, a := range call.Args {
		if _, ok := ast.Unparen(a).(*ast.FuncLit); !ok {
			parts = append(parts, a)
		}
	}
	if cl := c.unionAll(n, parts, en, depth+1); cl.level == unboundedDomain {
		return cl
	}
	if fn, ok := callee.(*types.Func); ok {
		if d := c.byFunc[fn.Origin()]; d != nil {
			return c.returnClass(d)
		}
	}
	return class{}
}

// returnClass judges what a package function returns when its arguments
// tell nothing: unbounded when it makes fresh values (IDs, counters).
func (c *checker) returnClass(d *fnode) class {
	if cl, ok := c.returnMemo[d]; ok {
		return *cl
	}
	c.returnMemo[d] = &class{}
	var cl class
	en := &env{opaque: d}
	ast.Inspect(d.decl.Body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) > 0 && cl.level != unboundedDomain {
				if r := c.classify(d, x.Results[0], en, 1); r.level == unboundedDomain && !r.fresh {
					cl = class{level: unboundedDomain, desc: "results of " + d.name(), name: d.name()}
				}
			}
		}
		return true
	})
	c.returnMemo[d] = &cl
	return cl
}

// environmentPackages answer from the machine (files, users, the build
// environment, the process): what they return is bounded by what the
// machine holds, not by traffic, whatever the argument.
var environmentPackages = map[string]bool{
	"os":            true,
	"os/user":       true,
	"os/exec":       true,
	"io/fs":         true,
	"go/build":      true,
	"syscall":       true,
	"runtime":       true,
	"runtime/debug": true,
}

// generator names calls that return a fresh value each time: the clock,
// random numbers, counters and ID generators.
func generator(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	path, name := fn.Pkg().Path(), fn.Name()
	sig := fn.Type().(*types.Signature)
	if randomPackages[path] != "" && sig.Recv() == nil && sig.Params().Len() == 0 && sig.Results().Len() == 1 {
		return "rand." + name
	}
	full := fn.Origin().FullName()
	switch {
	case freshSources[full] != "":
		return full
	case acceptors[full] != "":
		return "an accepted connection"
	case counterAdds[full] != "":
		return "an atomic counter"
	case idGenerators[full] != "":
		return fn.Pkg().Name() + "." + name
	}
	return ""
}

// masksToFewBits reports whether the call keeps a constant, small number
// of an address's leading bits (addr.Prefix(8)): like h & mask, at most
// 2^bits values per address family.
func (c *checker) masksToFewBits(fn *types.Func, call *ast.CallExpr) bool {
	if prefixMasks[fn.Origin().FullName()] == "" || len(call.Args) != 1 {
		return false
	}
	bits := c.info.Types[call.Args[0]].Value
	if bits == nil {
		return false
	}
	n, ok := constant.Int64Val(constant.ToInt(bits))
	return ok && n <= maxKeyBits
}

// reflectMethod reports whether fn describes a type (reflect.Type's
// methods, StructTag.Get): its results are bounded by the program's types.
func reflectMethod(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != "reflect" {
		return false
	}
	return !isNamed(deref(sig.Recv().Type()), "reflect", "Value")
}

// boundedType reports whether every value of t comes from a small or
// program-bounded set: booleans, 8- and 16-bit integers, enums (a named
// integer or string type with two or more small constants of its own),
// reflect's types, and structs and arrays of those whose combined domain
// stays within 2^16 values.
func (c *checker) boundedType(t types.Type) bool {
	if b, ok := c.boundedMemo[t]; ok {
		return b
	}
	c.boundedMemo[t] = false
	bits := c.domainBits(t, 0)
	b := bits >= 0 && bits <= maxKeyBits
	c.boundedMemo[t] = b
	return b
}

// maxKeyBits bounds a key domain the check calls small: 2^16 entries.
const maxKeyBits = 16

// domainBits returns log2 of the number of values of t (rounded up), 0
// for program-bounded types, or -1 when the domain is too large to matter.
// A struct or array multiplies its parts' domains: [16]byte is not small
// even though byte is.
func (c *checker) domainBits(t types.Type, depth int) int {
	if depth > 4 {
		return -1
	}
	t = types.Unalias(t)
	if isReflectType(t) {
		return 0
	}
	if n, ok := t.(*types.Named); ok {
		if k := enumSize(n); k >= 2 {
			return bits.Len(uint(k - 1))
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.Bool, types.UntypedBool:
			return 1
		case types.Int8, types.Uint8:
			return 8
		case types.Int16, types.Uint16:
			return 16
		}
	case *types.Struct:
		// A key that includes a type is per-type metadata (a column set
		// or tag per struct type): bounded by the program.
		for f := range u.Fields() {
			if isReflectType(f.Type()) {
				return 0
			}
		}
		total := 0
		for f := range u.Fields() {
			b := c.domainBits(f.Type(), depth+1)
			if b < 0 || total+b > maxKeyBits {
				return -1
			}
			total += b
		}
		return total
	case *types.Array:
		b := c.domainBits(u.Elem(), depth+1)
		if b < 0 || u.Len() > maxKeyBits || int(u.Len())*b > maxKeyBits {
			return -1
		}
		return int(u.Len()) * b
	}
	return -1
}

// isReflectType reports whether t describes Go types: reflect.Type and the
// other reflect types but Value (*reflect.rtype included).
func isReflectType(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "reflect" && n.Obj().Name() != "Value"
}

// enumSize returns how many constants of its own an integer or string
// type n has when they are all small: an enumeration, not a quantity
// (time.Duration's constants run to an hour in nanoseconds) or an ID.
// It returns 0 otherwise.
func enumSize(n *types.Named) int {
	b, ok := n.Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsInteger|types.IsString) == 0 || n.Obj().Pkg() == nil {
		return 0
	}
	scope := n.Obj().Pkg().Scope()
	count := 0
	for _, name := range scope.Names() {
		k, ok := scope.Lookup(name).(*types.Const)
		if !ok || !types.Identical(k.Type(), n) {
			continue
		}
		if k.Val().Kind() == constant.Int {
			v, exact := constant.Int64Val(k.Val())
			if !exact || v < -1<<16 || v > 1<<16 {
				return 0
			}
		}
		count++
	}
	return count
}

// literalField judges a field read from a local struct value that is made
// whole only by composite literals (cmd := Command{Name: "completion",
// Long: fmt.Sprint(input)}): the field holds what each literal gives it
// (the zero value where a literal leaves it out) or what a later partial
// assignment (cmd.Long = v, f(&cmd), a pointer method) may put anywhere
// in it, not whatever the literal's other fields hold. ok is false when
// some definition is not a literal (a copy, a call's result, a range
// variable): the whole value is judged then.
func (c *checker) literalField(x *ast.SelectorExpr, sel *types.Selection, en *env, depth int) (class, bool) {
	if sel.Kind() != types.FieldVal || len(sel.Index()) != 1 {
		return class{}, false
	}
	id, ok := ast.Unparen(x.X).(*ast.Ident)
	if !ok {
		return class{}, false
	}
	v, ok := c.objOf(id).(*types.Var)
	if !ok || !c.isLocal(v) {
		return class{}, false
	}
	if _, isParam := c.paramOf[v]; isParam {
		return class{}, false
	}
	if _, ok := v.Type().Underlying().(*types.Struct); !ok {
		return class{}, false
	}
	defs := c.defs[v]
	out := class{level: boundedDomain}
	whole := false
	for _, d := range defs {
		var dc class
		switch {
		case d.rangeOf != nil:
			return class{}, false
		case d.partial:
			dc = notFresh(c.classify(d.node, d.value, en, depth+1))
		default:
			lit, ok := ast.Unparen(d.value).(*ast.CompositeLit)
			if !ok {
				return class{}, false
			}
			whole = true
			dc = class{level: boundedDomain} // the zero value
			if val := fieldValue(lit, sel.Obj().Name(), sel.Index()[0]); val != nil {
				dc = c.classify(d.node, val, en, depth+1)
			}
		}
		out = union(out, dc)
		if out.level == unboundedDomain && !out.fresh {
			break
		}
	}
	if !whole {
		return class{}, false
	}
	return out, true
}

// fieldValue returns the expression a struct literal gives the field
// (by name, or by position i in an unkeyed literal), or nil when it leaves
// the field out.
func fieldValue(lit *ast.CompositeLit, name string, i int) ast.Expr {
	for j, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
				return kv.Value
			}
			continue
		}
		if j == i {
			return el
		}
	}
	return nil
}
