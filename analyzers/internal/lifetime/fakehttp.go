package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"
	"net/url"

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
// its own methods and the stores into its transport field) whose every
// transport is a value of a type of the package that answers in memory,
// a transport made there too whose protocol registered for the call's
// constant URL's scheme does, or such a round tripper called directly.
// When any of it is out of sight the answer is no.
func (e *engine) answeredInMemory(call *ssa.Call, obj *types.Func) bool {
	c := call.Common()
	if c.IsInvoke() {
		method, resp := resource.RoundTripMethod(types.TypeString(c.Value.Type(), nil))
		return method != "" && obj.Name() == method && e.fakeTransport(c.Value, method, resp, call, -1)
	}
	send, ok := resource.SenderOf(obj)
	if !ok || send.Client != 0 || len(c.Args) == 0 {
		return false
	}
	client, ok := ssanav.Unconverted(c.Args[0]).(*ssa.Alloc)
	if !ok || client.Parent() != call.Parent() {
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
	var stores []*ssa.Store
	for _, ref := range *client.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			if r.Field != fi {
				continue
			}
			for _, fr := range *r.Referrers() {
				switch x := fr.(type) {
				case *ssa.Store:
					if x.Addr != r {
						return false
					}
					stores = append(stores, x)
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return false
				}
			}
		case ssa.CallInstruction:
			if !ownMethodCall(r.Common(), client) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false // the client is handed on: its transport may change
		}
	}
	if len(stores) == 0 {
		return false // a nil transport is the default, which dials
	}
	method, resp := resource.RoundTripMethod(types.TypeString(st.Field(fi).Type(), nil))
	if method == "" {
		return false
	}
	for _, s := range stores {
		if !e.fakeTransport(s.Val, method, resp, call, send.URL) {
			return false
		}
	}
	return true
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
func (e *engine) fakeTransport(v ssa.Value, method, resp string, call *ssa.Call, urlArg int) bool {
	inner := v
	if mi, ok := v.(*ssa.MakeInterface); ok {
		inner = mi.X
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
		var lit *ssa.Function
		switch f := ssanav.Unconverted(inner).(type) {
		case *ssa.Function:
			lit = f
		case *ssa.MakeClosure:
			lit, _ = f.Fn.(*ssa.Function)
		}
		return lit != nil && e.buildsResponse(lit, resp, 0)
	}
	return e.buildsResponse(m, resp, 0)
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
			if method == "" || !e.fakeTransport(rt, method, resp, call, -1) {
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
	for _, b := range m.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
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
func (e *engine) buildsResponse(fn *ssa.Function, resp string, depth int) bool {
	if depth > maxBuildDepth || len(fn.Blocks) == 0 {
		return false
	}
	res := fn.Signature.Results()
	if res.Len() == 0 || types.TypeString(res.At(0).Type(), nil) != resp {
		return false
	}
	n := 0
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		n++
		if !e.builtResponse(ret.Results[0], resp, depth, map[ssa.Value]bool{}) {
			return false
		}
	}
	return n > 0
}

func (e *engine) builtResponse(v ssa.Value, resp string, depth int, seen map[ssa.Value]bool) bool {
	v = ssanav.Unconverted(v)
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		return x.IsNil()
	case *ssa.Phi:
		for _, ed := range x.Edges {
			if !e.builtResponse(ed, resp, depth, seen) {
				return false
			}
		}
		return true
	case *ssa.Alloc:
		return types.TypeString(x.Type(), nil) == resp && e.memoryBodyOnly(x)
	case *ssa.Extract:
		if x.Index != 0 {
			return false
		}
		v = x.Tuple
	}
	c, ok := v.(*ssa.Call)
	if !ok || c.Call.IsInvoke() {
		return false
	}
	callee := c.Call.StaticCallee()
	return callee != nil && callee.Pkg == e.pkg && e.buildsResponse(callee, resp, depth+1)
}

// memoryBodyOnly reports whether every body stored into the response
// built at alloc is empty or reads memory, and nothing else can set one.
func (e *engine) memoryBodyOnly(alloc *ssa.Alloc) bool {
	k := e.table.KindOfType(alloc.Type())
	if k == nil || k.Field == "" {
		return false
	}
	st, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for _, ref := range *alloc.Referrers() {
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
		case *ssa.Return, *ssa.Phi, *ssa.DebugRef:
		default:
			return false // handed on: a body may be set there
		}
	}
	return true
}

// memoryBody reports whether v is an empty body or one made of a reader
// of memory.
func memoryBody(v ssa.Value) bool {
	v = ssanav.Unconverted(v)
	switch x := v.(type) {
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
