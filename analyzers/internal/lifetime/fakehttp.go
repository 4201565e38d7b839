package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// maxBuildDepth bounds how deep helpers of the package that build a
// response are followed.
const maxBuildDepth = 3

// answeredInMemory reports whether the response that call returns comes
// from a round tripper that builds it in memory, so that it holds no
// connection: a client made in the calling function (its only uses are
// its own methods and the stores into its transport field), or returned
// by a helper of the package that makes it, whose every transport is a
// value of a type of the package that answers in memory, a transport made
// there too whose protocol registered for the call's constant URL's
// scheme does, or such a round tripper called directly. When any of it
// is out of sight the answer is no.
func (e *engine) answeredInMemory(call *ssa.Call, obj *types.Func) bool {
	c := call.Common()
	if c.IsInvoke() {
		method, resp := resource.RoundTripMethod(types.TypeString(c.Value.Type(), nil))
		return method != "" && obj.Name() == method && e.fakeTransport(c.Value, method, resp, call, -1, nil)
	}
	if callee := c.StaticCallee(); len(c.Args) > 0 {
		if method, resp := e.roundTripOf(callee); method != "" {
			// A round tripper of the package called directly.
			return e.fakeTransport(c.Args[0], method, resp, call, -1, nil)
		}
	}
	send, ok := resource.SenderOf(obj)
	if !ok || send.Client != 0 || len(c.Args) == 0 {
		return false
	}
	client, uses, ok := inSight(c.Args[0])
	if !ok {
		return false
	}
	ptr, ok := client.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	name := resource.TransportField(types.TypeString(ptr.Elem(), nil))
	fi := -1
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			fi = i
		}
	}
	if fi < 0 {
		return false
	}
	stores, ok := transportStores(uses, fi, nil, nil)
	if !ok {
		return false
	}
	if made, isCall := client.(*ssa.Call); isCall {
		more, ok := e.helperClientStores(made, fi)
		if !ok {
			return false
		}
		stores = append(stores, more...)
	}
	if len(stores) == 0 {
		return false // a nil transport is the default, which dials
	}
	method, resp := resource.RoundTripMethod(types.TypeString(st.Field(fi).Type(), nil))
	if method == "" {
		return false
	}
	for _, s := range stores {
		if !e.fakeTransport(s.st.Val, method, resp, call, send.URL, s.fr) {
			return false
		}
	}
	return true
}

// A transportStore is a store into a client's transport field, with the
// frame its value is read in (a helper's parameters bound to its call's
// arguments).
type transportStore struct {
	st *ssa.Store
	fr *frame
}

// transportStores returns the stores into field fi among the uses of a
// client, whose only other uses are its own methods (and ret, the
// return of a helper that makes it): anything else may give it another
// transport.
func transportStores(uses []use, fi int, fr *frame, ret *ssa.Return) ([]transportStore, bool) {
	var stores []transportStore
	for _, u := range uses {
		switch r := u.instr.(type) {
		case *ssa.FieldAddr:
			if r.X != u.val {
				return nil, false
			}
			if r.Field != fi {
				continue
			}
			for _, ref := range *r.Referrers() {
				switch x := ref.(type) {
				case *ssa.Store:
					if x.Addr != r {
						return nil, false
					}
					stores = append(stores, transportStore{x, fr})
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return nil, false
				}
			}
		case ssa.CallInstruction:
			if !ownMethodCall(r.Common(), u.val) {
				return nil, false
			}
		case *ssa.Return:
			if r != ret || len(r.Results) != 1 {
				return nil, false
			}
		case *ssa.DebugRef:
		default:
			return nil, false // the client is handed on: its transport may change
		}
	}
	return stores, true
}

// helperClientStores returns the stores into the transport field fi of
// the client that made, a call of a helper of the package, returns: the
// helper's only result, on every return a client it allocates and uses
// only as transportStores allows, read with the helper's parameters bound
// to the call's arguments.
func (e *engine) helperClientStores(made *ssa.Call, fi int) ([]transportStore, bool) {
	callee := made.Common().StaticCallee()
	if made.Common().IsInvoke() || callee == nil || callee.Pkg != e.pkg || len(callee.Blocks) == 0 ||
		len(callee.FreeVars) > 0 || callee.Signature.Results().Len() != 1 {
		return nil, false
	}
	fr := argFrame(callee, made.Common().Args, nil)
	var stores []transportStore
	n := 0
	for ret := range ssanav.Returns(callee) {
		n++
		a, ok := ssanav.Unconverted(ret.Results[0]).(*ssa.Alloc)
		if !ok || !types.Identical(a.Type(), made.Type()) {
			return nil, false
		}
		_, uses, ok := inSight(a)
		if !ok {
			return nil, false
		}
		more, ok := transportStores(uses, fi, fr, ret)
		if !ok {
			return nil, false
		}
		stores = append(stores, more...)
	}
	return stores, n > 0
}

// ownMethodCall reports whether c is a static call of a method of v with
// v as its receiver and nowhere else.
func ownMethodCall(c *ssa.CallCommon, v ssa.Value) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(c.Args) == 0 || c.Args[0] != v {
		return false
	}
	for _, a := range c.Args[1:] {
		if ssanav.Unconverted(a) == v {
			return false
		}
	}
	return true
}

// fakeTransport reports whether the round tripper v answers call in
// memory: its type, declared in the package, has a method that builds
// every response it returns (or a func type's method that calls the
// receiver, converted from a function that does), or it is a transport
// made in the function whose registered protocol for the scheme of the
// call's constant URL (argument urlArg) is such a round tripper.
func (e *engine) fakeTransport(v ssa.Value, method, resp string, call *ssa.Call, urlArg int, fr *frame) bool {
	return e.fakeTransportDepth(v, method, resp, call, urlArg, fr, 0)
}

// fakeTransportDepth is fakeTransport inside depth delegating round
// trippers.
func (e *engine) fakeTransportDepth(v ssa.Value, method, resp string, call *ssa.Call, urlArg int, fr *frame, depth int) bool {
	inner := v
	for {
		if mi, ok := inner.(*ssa.MakeInterface); ok {
			inner = mi.X
			continue
		}
		if b, ok := fr.lookup(inner); ok {
			inner, fr = b, fr.outer
			continue
		}
		break
	}
	if alloc, ok := ssanav.Unconverted(inner).(*ssa.Alloc); ok && alloc.Parent() == call.Parent() {
		if registered, fake := e.registeredFake(alloc, call, urlArg); registered {
			return fake
		}
	}
	m := e.packageMethod(inner.Type(), method)
	if m == nil {
		return false
	}
	if callsReceiver(m) {
		lits, ok := e.funcValues(inner, fr, 0)
		if !ok {
			return false
		}
		for _, l := range lits {
			if !e.buildsResponse(l.fn, resp, 0, l.fr) {
				return false
			}
		}
		return true
	}
	if fields, ok := e.delegateFields(m, method, resp); ok {
		return fr == nil && e.delegating(inner, m, fields, method, resp, call, depth)
	}
	return e.buildsResponse(m, resp, 0, nil)
}

// A frame binds the free variables of a function literal, or the
// parameters of a helper, to the values they have at the closure or call
// that reaches it; those values belong to the outer frame.
type frame struct {
	bind  map[ssa.Value]ssa.Value
	outer *frame
}

// resolve follows v through the frames' bindings to the value it was
// made from, and the frame that value belongs to.
// A load of a variable's cell (a captured variable) is the one value
// stored into it, when the cell is stored once and otherwise only loaded
// or captured.
func (f *frame) resolve(v ssa.Value) (ssa.Value, *frame) {
	for range maxResolve {
		v = ssanav.Unconverted(v)
		if b, ok := f.lookup(v); ok {
			v, f = b, f.outer
			continue
		}
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			return v, f
		}
		addr, af := f.resolve(ld.X)
		cell, ok := addr.(*ssa.Alloc)
		if !ok {
			return v, f
		}
		stored := onlyStoreOf(cell)
		if stored == nil {
			return v, f
		}
		v, f = stored, af
	}
	return v, f
}

// maxResolve bounds the steps of frame.resolve.
const maxResolve = 16

func (f *frame) lookup(v ssa.Value) (ssa.Value, bool) {
	if f == nil {
		return nil, false
	}
	b, ok := f.bind[v]
	return b, ok
}

// onlyStoreOf returns the one value stored into the cell, when the cell
// is otherwise only loaded, captured or described.
func onlyStoreOf(cell *ssa.Alloc) ssa.Value {
	var val ssa.Value
	for _, ref := range *cell.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr != cell || val != nil {
				return nil
			}
			val = r.Val
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.MakeClosure:
			if !capturedToLoad(r, cell) {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	return val
}

// capturedToLoad reports whether the closure mc, capturing the cell p,
// only loads it (or captures it again to the same end).
func capturedToLoad(mc *ssa.MakeClosure, p ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != p {
			continue
		}
		if i >= len(fn.FreeVars) {
			return false
		}
		fv := fn.FreeVars[i]
		for _, ref := range *fv.Referrers() {
			switch r := ref.(type) {
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.MakeClosure:
				if !capturedToLoad(r, fv) {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// A literal is a function that a function value may be, with the frame
// its free variables are bound in.
type literal struct {
	fn *ssa.Function
	fr *frame
}

// funcValues returns every function the function value v (in frame fr)
// can be: a declared function, a closure, or what a helper of the
// package returns on each of its returns (its parameters bound to the
// call's arguments). ok is false when any of it is out of sight.
func (e *engine) funcValues(v ssa.Value, fr *frame, depth int) (lits []literal, ok bool) {
	if depth > maxBuildDepth {
		return nil, false
	}
	v, fr = fr.resolve(v)
	switch x := v.(type) {
	case *ssa.Function:
		if len(x.Blocks) == 0 || len(x.FreeVars) > 0 {
			return nil, false
		}
		return []literal{{x, nil}}, true
	case *ssa.MakeClosure:
		fn, ok := x.Fn.(*ssa.Function)
		if !ok || len(fn.Blocks) == 0 || len(x.Bindings) != len(fn.FreeVars) || strings.HasSuffix(fn.Name(), "$bound") {
			return nil, false
		}
		inner := &frame{bind: map[ssa.Value]ssa.Value{}, outer: fr}
		for i, fv := range fn.FreeVars {
			inner.bind[fv] = x.Bindings[i]
		}
		return []literal{{fn, inner}}, true
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if x.Call.IsInvoke() || callee == nil || callee.Pkg != e.pkg || len(callee.Blocks) == 0 || len(callee.FreeVars) > 0 {
			return nil, false
		}
		args := argFrame(callee, x.Call.Args, fr)
		n := 0
		for ret := range ssanav.Returns(callee) {
			n++
			if len(ret.Results) != 1 {
				return nil, false
			}
			more, ok := e.funcValues(ret.Results[0], args, depth+1)
			if !ok {
				return nil, false
			}
			lits = append(lits, more...)
		}
		return lits, n > 0
	}
	return nil, false
}

// argFrame binds the parameters of callee to the arguments of a call in
// frame fr.
func argFrame(callee *ssa.Function, args []ssa.Value, fr *frame) *frame {
	f := &frame{bind: map[ssa.Value]ssa.Value{}, outer: fr}
	for i, p := range callee.Params {
		if i < len(args) {
			f.bind[p] = args[i]
		}
	}
	return f
}

// registeredFake looks for the protocols registered on transport for the
// scheme of call's constant URL: registered says there is one, fake that
// every one answers in memory and that the transport is used for nothing
// that could register another.
func (e *engine) registeredFake(transport *ssa.Alloc, call *ssa.Call, urlArg int) (registered, fake bool) {
	if urlArg < 0 || urlArg >= len(call.Common().Args) {
		return false, false
	}
	k, ok := call.Common().Args[urlArg].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false, false
	}
	u, err := url.Parse(constant.StringVal(k.Value))
	if err != nil || u.Scheme == "" {
		return false, false
	}
	fake = true
	for _, ref := range *transport.Referrers() {
		switch r := ref.(type) {
		case ssa.CallInstruction:
			c := r.Common()
			callee := c.StaticCallee()
			var obj *types.Func
			if callee != nil {
				obj, _ = callee.Object().(*types.Func)
			}
			reg, ok := resource.ProtocolRegistrationOf(obj)
			if !ok {
				if !ownMethodCall(c, transport) {
					return false, false
				}
				continue
			}
			if c.Args[0] != transport || reg.Scheme >= len(c.Args) || reg.RoundTripper >= len(c.Args) {
				return false, false
			}
			s, ok := c.Args[reg.Scheme].(*ssa.Const)
			if !ok || s.Value == nil || s.Value.Kind() != constant.String {
				return false, false // a scheme out of sight may be this one
			}
			if constant.StringVal(s.Value) != u.Scheme {
				continue
			}
			registered = true
			rt := c.Args[reg.RoundTripper]
			method, resp := resource.RoundTripMethod(types.TypeString(callee.Signature.Params().At(reg.RoundTripper-1).Type(), nil))
			if method == "" || !e.fakeTransport(rt, method, resp, call, -1, nil) {
				fake = false
			}
		case *ssa.FieldAddr, *ssa.MakeInterface, *ssa.DebugRef:
		default:
			return false, false
		}
	}
	return registered, registered && fake
}

// packageMethod returns the method name of type t when t (or what it
// points to) is declared in the package being analysed.
func (e *engine) packageMethod(t types.Type, name string) *ssa.Function {
	named := t
	if p, ok := t.(*types.Pointer); ok {
		named = p.Elem()
	}
	n, ok := types.Unalias(named).(*types.Named)
	if !ok || n.Obj().Pkg() != e.pass.Pkg || e.pkg == nil {
		return nil
	}
	sel := e.pkg.Prog.MethodSets.MethodSet(t).Lookup(e.pass.Pkg, name)
	if sel == nil {
		return nil
	}
	fn := e.pkg.Prog.MethodValue(sel)
	if fn == nil || len(fn.Blocks) == 0 {
		return nil
	}
	return fn
}

// callsReceiver reports whether every return of the method m returns
// what calling its receiver, a function, returned: the adapter that makes
// a func type a round tripper.
func callsReceiver(m *ssa.Function) bool {
	if len(m.Params) == 0 {
		return false
	}
	if _, ok := m.Params[0].Type().Underlying().(*types.Signature); !ok {
		return false
	}
	n := 0
	for ret := range ssanav.Returns(m) {
		n++
		if len(ret.Results) == 0 {
			return false
		}
		var c *ssa.Call
		switch r := ret.Results[0].(type) {
		case *ssa.Extract:
			c, _ = r.Tuple.(*ssa.Call)
		case *ssa.Call:
			c = r
		}
		if c == nil || c.Call.IsInvoke() || c.Call.Value != m.Params[0] {
			return false
		}
	}
	return n > 0
}

// buildsResponse reports whether every response fn returns (its first
// result, of type resp) is nil or one it builds, whose body is empty or
// reads memory, or what a function of the package that does the same
// returns.
func (e *engine) buildsResponse(fn *ssa.Function, resp string, depth int, fr *frame) bool {
	if depth > maxBuildDepth || len(fn.Blocks) == 0 {
		return false
	}
	res := fn.Signature.Results()
	if res.Len() == 0 || types.TypeString(res.At(0).Type(), nil) != resp {
		return false
	}
	n := 0
	for ret := range ssanav.Returns(fn) {
		n++
		if !e.builtResponse(ret.Results[0], resp, depth, fr, map[ssa.Value]bool{}) {
			return false
		}
	}
	return n > 0
}

func (e *engine) builtResponse(v ssa.Value, resp string, depth int, fr *frame, seen map[ssa.Value]bool) bool {
	v = ssanav.Unconverted(v)
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		return x.IsNil()
	case *ssa.Phi:
		if !e.keepsMemoryBody(x) {
			return false
		}
		for _, ed := range x.Edges {
			if !e.builtResponse(ed, resp, depth, fr, seen) {
				return false
			}
		}
		return true
	case *ssa.Alloc:
		return types.TypeString(x.Type(), nil) == resp && e.memoryBodyOnly(x)
	case *ssa.Extract:
		if x.Index != 0 || !e.keepsMemoryBody(x) {
			return false
		}
		v = x.Tuple
	case *ssa.Call:
		if !e.keepsMemoryBody(x) {
			return false
		}
	}
	c, ok := v.(*ssa.Call)
	if !ok || c.Call.IsInvoke() {
		return false
	}
	if callee := c.Call.StaticCallee(); callee != nil {
		return callee.Pkg == e.pkg && len(callee.FreeVars) == 0 &&
			e.buildsResponse(callee, resp, depth+1, argFrame(callee, c.Call.Args, fr))
	}
	// A function value: a literal in sight, or one a helper of the
	// package returns (a func-type round tripper's function, made by a
	// helper that wraps the test's own literal).
	lits, ok := e.funcValues(c.Call.Value, fr, depth+1)
	if !ok {
		return false
	}
	for _, l := range lits {
		if !e.buildsResponse(l.fn, resp, depth+1, l.fr) {
			return false
		}
	}
	return true
}

// keepsMemoryBody reports whether the response resp, which a call
// returned, is used here only to be compared, returned, or given an empty
// or in-memory body: nothing out of sight may give it another.
func (e *engine) keepsMemoryBody(resp ssa.Value) bool { return e.onlyMemoryBodies(resp, true) }

// memoryBodyOnly reports whether every body stored into the response
// built at alloc is empty or reads memory, and nothing else can set one.
func (e *engine) memoryBodyOnly(alloc *ssa.Alloc) bool { return e.onlyMemoryBodies(alloc, false) }

// onlyMemoryBodies reports whether every store into the body field of the
// response resp stores an empty or in-memory body, and resp is otherwise
// only returned (or, when compared is set, also compared): handed on
// anywhere else, a body may be set there.
func (e *engine) onlyMemoryBodies(resp ssa.Value, compared bool) bool {
	k := e.table.KindOfType(resp.Type())
	if k == nil || k.Field == "" {
		return false
	}
	st, ok := resp.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for _, ref := range *resp.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			if st.Field(r.Field).Name() != k.Field {
				continue
			}
			for _, fr := range *r.Referrers() {
				switch x := fr.(type) {
				case *ssa.Store:
					if x.Addr != r || !memoryBody(x.Val) {
						return false
					}
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return false
				}
			}
		case *ssa.BinOp:
			if !compared {
				return false
			}
		case *ssa.Return, *ssa.Phi, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// memoryBody reports whether v is an empty body or one made of a reader
// of memory.
func memoryBody(v ssa.Value) bool { return memoryBodySeen(v, map[ssa.Value]bool{}) }

func memoryBodySeen(v ssa.Value, seen map[ssa.Value]bool) bool {
	v = ssanav.Unconverted(v)
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Phi:
		for _, ed := range x.Edges {
			if !memoryBodySeen(ed, seen) {
				return false
			}
		}
		return true
	case *ssa.Const:
		return x.IsNil()
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		if !ok || x.Op != token.MUL {
			return false
		}
		obj, _ := g.Object().(*types.Var)
		return resource.IsEmptyBody(obj)
	case *ssa.Call:
		callee := x.Call.StaticCallee()
		if callee == nil || x.Call.IsInvoke() || len(x.Call.Args) != 1 {
			return false
		}
		obj, _ := callee.Object().(*types.Func)
		return resource.IsInMemoryBody(obj) && resource.IsMemoryReader(ssanav.Unconverted(x.Call.Args[0]).Type())
	}
	return false
}

// A use is an instruction that uses an allocation, directly or through
// a load of a variable that holds it (val is what the instruction uses).
type use struct {
	instr ssa.Instruction
	val   ssa.Value
}

// inSight follows v back to the allocation it was made by, in its own
// function or one enclosing it, or to the call of a helper that returned
// it: v itself, or a load of a local variable (its cell, captured by
// function literals) that is stored once, with that value. It returns
// every use of the value and of the loads of such variables; a variable
// used in any other way (its address handed on, stored again) fails.
func inSight(v ssa.Value) (ssa.Value, []use, bool) {
	v = ssanav.Unconverted(v)
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		cell, ok := cellOf(ld.X)
		if !ok {
			return nil, nil, false
		}
		var val ssa.Value
		for _, ref := range *cell.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == cell {
				val = st.Val
			}
		}
		v = val
	}
	var alloc ssa.Value
	switch x := v.(type) {
	case *ssa.Alloc:
		alloc = x
	case *ssa.Call:
		alloc = x // a helper's result, followed there by the caller
	default:
		return nil, nil, false
	}
	var uses []use
	for _, ref := range *alloc.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Val != ssa.Value(alloc) {
			uses = append(uses, use{ref, alloc})
			continue
		}
		cell, ok := st.Addr.(*ssa.Alloc)
		if !ok {
			return nil, nil, false // stored in memory that outlives it
		}
		more, ok := cellUses(cell, cell, alloc)
		if !ok {
			return nil, nil, false
		}
		uses = append(uses, more...)
	}
	return alloc, uses, true
}

// cellOf returns the local variable's cell that p addresses: p itself, or
// the cell a function literal's free variable p is bound to by the one
// closure that makes the literal.
func cellOf(p ssa.Value) (*ssa.Alloc, bool) {
	for {
		switch x := p.(type) {
		case *ssa.Alloc:
			return x, true
		case *ssa.FreeVar:
			fn := x.Parent()
			i := slices.Index(fn.FreeVars, x)
			refs := fn.Referrers()
			if i < 0 || refs == nil || len(*refs) != 1 {
				return nil, false
			}
			mc, ok := (*refs)[0].(*ssa.MakeClosure)
			if !ok || i >= len(mc.Bindings) {
				return nil, false
			}
			p = mc.Bindings[i]
		default:
			return nil, false
		}
	}
}

// cellUses returns the uses of what the variable p (a cell, or a free
// variable bound to it) holds, when its only store is of held (into the
// cell itself) and it is otherwise only loaded or captured.
func cellUses(p ssa.Value, cell *ssa.Alloc, held ssa.Value) ([]use, bool) {
	var uses []use
	for _, ref := range *p.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if p != ssa.Value(cell) || r.Addr != p || r.Val != held {
				return nil, false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL || r.X != p {
				return nil, false
			}
			for _, lr := range *r.Referrers() {
				uses = append(uses, use{lr, r})
			}
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				return nil, false
			}
			for i, b := range r.Bindings {
				if b != p {
					continue
				}
				if i >= len(fn.FreeVars) {
					return nil, false
				}
				more, ok := cellUses(fn.FreeVars[i], cell, held)
				if !ok {
					return nil, false
				}
				uses = append(uses, more...)
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return uses, true
}
