package lifetime

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// A response whose Body net/http sets to http.NoBody holds no connection:
// the transport puts it back in the pool before the sending call returns
// (transfer.go: a response to a HEAD request, or one with Content-Length
// 0). bodiless proves that of one sending call in two ways, each resting
// only on what the function itself shows and keeping the finding when
// anything is out of sight:
//
//   - the request it sends is a HEAD request: made by http.NewRequest
//     with the method HEAD (or a request literal whose Method is HEAD),
//     and nothing that could set another method touches it first;
//   - it is sent, through the test server's own client or the default
//     client, to the URL of an httptest server made in the same function
//     (or returned by a helper of the package that makes it for the
//     handler it is given) whose handler, a function or a type of the
//     package, uses its ResponseWriter only to set headers and a status
//     (itself, in literals that capture it, or in functions of the
//     package it is given to): net/http's server then answers
//     Content-Length: 0.
func (e *engine) bodiless(call *ssa.Call) bool {
	c := call.Common()
	if c.IsInvoke() {
		return e.bodilessThroughInterface(call)
	}
	s, ok := resource.SenderOf(ssanav.CalleeFunc(c))
	if !ok {
		return false
	}
	var url ssa.Value
	method := s.Method
	if s.Request >= 0 {
		if s.Request >= len(c.Args) {
			return false
		}
		r, ok := traceRequest(c.Args[s.Request], call)
		if !ok {
			return false
		}
		if r.isHead(call) {
			return true
		}
		url = r.url
		if k, ok := r.method.(*ssa.Const); ok && len(r.stores) == 0 && k.Value != nil && k.Value.Kind() == constant.String {
			method = constant.StringVal(k.Value)
		}
	} else if s.URL >= 0 && s.URL < len(c.Args) {
		url = c.Args[s.URL]
	}
	if url == nil || s.Client == -2 {
		return false
	}
	srv := serverOfURL(url)
	if srv == nil {
		return false
	}
	if s.Client >= 0 && (s.Client >= len(c.Args) || !clientOf(c.Args[s.Client], srv)) {
		return false
	}
	return e.quietServer(srv, routeOf(url, method, call))
}

// request is what traceRequest learnt of a request value.
type request struct {
	// method is the method it was made with (a constant, or nil).
	method ssa.Value
	// stores are the stores to its Method field, of the value sent or of
	// a request it was copied from; sent are those of the value sent
	// (a store to the original after the copy was made does not reach it).
	stores, sent []*ssa.Store
	// url is the URL string it was made for, or nil.
	url ssa.Value
}

// isHead reports whether the request is a HEAD request when call sends
// it: every method it is ever given is HEAD, and it was made with HEAD or
// given HEAD before the call.
func (r *request) isHead(call *ssa.Call) bool {
	head := isString(r.method, resource.HeadMethod)
	for _, st := range r.stores {
		if !isString(st.Val, resource.HeadMethod) {
			return false
		}
	}
	for _, st := range r.sent {
		if before(st, call) {
			head = true
		}
	}
	return head
}

// traceRequest follows a request back to where it was made, through the
// copies of the table (WithContext, Clone). Every use of the made request
// and of its copies must leave Method and URL as they were, but for
// stores of Method, which are recorded; any other use (a helper of the
// program, a store of the request itself, a closure) fails the trace.
// send is the call that sends it.
func traceRequest(v ssa.Value, send *ssa.Call) (*request, bool) {
	r := &request{}
	var chain []ssa.Value
trace:
	for {
		chain = append(chain, v)
		switch x := v.(type) {
		case *ssa.Call:
			if !resource.CopiesRequest(ssanav.CalleeFunc(x.Common())) || x.Common().IsInvoke() {
				return nil, false
			}
			v = x.Common().Args[0]
			continue
		case *ssa.Extract:
			call, ok := x.Tuple.(*ssa.Call)
			if !ok || x.Index != 0 || call.Common().IsInvoke() {
				return nil, false
			}
			m, ok := resource.RequestMakerOf(ssanav.CalleeFunc(call.Common()))
			if !ok {
				return nil, false
			}
			r.method, r.url = call.Common().Args[m.Method], call.Common().Args[m.URL]
		case *ssa.Alloc:
			if types.TypeString(x.Type(), nil) != resource.RequestType {
				return nil, false
			}
		default:
			return nil, false
		}
		break trace
	}
	urlStores := 0
	for i, v := range chain {
		_, isAlloc := v.(*ssa.Alloc)
		for _, ref := range *v.Referrers() {
			switch u := ref.(type) {
			case *ssa.DebugRef:
			case *ssa.FieldAddr:
				switch requestField(u) {
				case "Method":
					for _, fref := range *u.Referrers() {
						switch f := fref.(type) {
						case *ssa.Store:
							if f.Addr != u {
								return nil, false
							}
							r.stores = append(r.stores, f)
							if i == 0 {
								r.sent = append(r.sent, f)
							}
						case *ssa.UnOp, *ssa.DebugRef:
						default:
							return nil, false
						}
					}
				case "URL":
					// Only the literal's own URL, parsed from a string
					// and stored once, is known; any other use of the
					// field may change where the request goes.
					for _, fref := range *u.Referrers() {
						st, ok := fref.(*ssa.Store)
						if !ok || st.Addr != u || !isAlloc {
							urlStores = -1
							break
						}
						if urlStores >= 0 {
							urlStores++
							r.url = parsedURL(st.Val)
						}
					}
				}
			case *ssa.Call:
				if u != send && !keepsRequest(u.Common()) {
					return nil, false
				}
			case *ssa.Defer:
				if !keepsRequest(u.Common()) {
					return nil, false
				}
			default:
				return nil, false
			}
		}
	}
	_, alloc := chain[len(chain)-1].(*ssa.Alloc)
	if urlStores < 0 || alloc && urlStores != 1 {
		r.url = nil
	}
	return r, true
}

// keepsRequest reports whether call, which uses a request, leaves its
// Method and URL alone.
func keepsRequest(c *ssa.CallCommon) bool {
	fn := ssanav.CalleeFunc(c)
	if c.IsInvoke() {
		return false
	}
	return resource.KeepsRequestMethod(fn) || resource.CopiesRequest(fn)
}

// requestField is the name of the field a FieldAddr selects.
func requestField(fa *ssa.FieldAddr) string {
	if _, field, ok := ssanav.Field(fa); ok {
		return field.Name()
	}
	return ""
}

// parsedURL is the string a *url.URL was parsed from, when it is a
// url.Parse result used for nothing but being stored once.
func parsedURL(v ssa.Value) ssa.Value {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || call.Common().IsInvoke() || !resource.ParsesURL(ssanav.CalleeFunc(call.Common())) {
		return nil
	}
	stores := 0
	for _, ref := range *ex.Referrers() {
		switch ref.(type) {
		case *ssa.Store:
			stores++
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	if stores != 1 {
		return nil
	}
	return call.Common().Args[0]
}

// before reports whether a runs before b on every path to b.
func before(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, in := range ab.Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

func isString(v ssa.Value, s string) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == s
}

// serverOfURL returns the test server (a call, in the function, of the
// table's makers or of a helper of the package) whose URL the string v
// is: its URL field, or that followed by constants that begin a path, a
// query or a fragment (and anything after them). A suffix that could
// move the host ("@host", ".domain") fails.
func serverOfURL(v ssa.Value) *serverRef {
	srv, _ := serverOfURLSep(v)
	return srv
}

// A serverRef names a test server in the calling function: the call that
// returned it, and the field of the struct that call returned that holds
// it (-1: the result itself).
type serverRef struct {
	call  *ssa.Call
	field int
}

// serverRefOf returns the server v is: a call's result of the server's
// type, or a load of a field of a call's result.
func serverRefOf(v ssa.Value) *serverRef {
	if types.TypeString(v.Type(), nil) != resource.TestServer {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Call:
		if !x.Common().IsInvoke() {
			return &serverRef{x, -1}
		}
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok || x.Op != token.MUL {
			return nil
		}
		if call, ok := fa.X.(*ssa.Call); ok && !call.Common().IsInvoke() {
			return &serverRef{call, fa.Field}
		}
	}
	return nil
}

func serverOfURLSep(v ssa.Value) (srv *serverRef, sep bool) {
	switch x := v.(type) {
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if x.Op != token.MUL || !ok || requestField(fa) != resource.TestServerURL {
			return nil, false
		}
		return serverRefOf(fa.X), false
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return nil, false
		}
		srv, sep := serverOfURLSep(x.X)
		if srv == nil || sep {
			return srv, sep
		}
		c, ok := x.Y.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.String {
			return nil, false
		}
		s := constant.StringVal(c.Value)
		if s == "" {
			return srv, false
		}
		switch s[0] {
		case '/', '?', '#':
			return srv, true
		}
	}
	return nil, false
}

// clientOf reports whether v is a client that sends to srv what is meant
// for srv's URL: srv's own Client, or the default client.
func clientOf(v ssa.Value, srv *serverRef) bool {
	switch x := v.(type) {
	case *ssa.Call:
		fn := ssanav.CalleeFunc(x.Common())
		if x.Common().IsInvoke() || fn == nil || fn.FullName() != resource.TestServerClient {
			return false
		}
		r := serverRefOf(x.Common().Args[0])
		return r != nil && *r == *srv
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		return ok && x.Op == token.MUL && g.Object() != nil && g.Object().Pkg() != nil &&
			g.Object().Pkg().Path()+"."+g.Object().Name() == resource.DefaultClient
	}
	return false
}

// quietServer reports whether the test server srv runs a handler of the
// package that writes no body on any path, and nothing in the function
// can give it another: srv is used only by the table's methods and
// fields. srv is made by the table's makers, or by a helper of the
// package that returns a server made for one of its parameters.
func (e *engine) quietServer(ref *serverRef, rt *route) bool {
	srv := ref.call
	args := srv.Common().Args
	if ref.field >= 0 {
		// Kept in a field of what a helper returned: every load of that
		// field here is the server, and nothing here stores into it.
		for _, r := range *srv.Referrers() {
			switch u := r.(type) {
			case *ssa.FieldAddr:
				if u.Field != ref.field {
					continue
				}
				for _, fr := range *u.Referrers() {
					ld, ok := fr.(*ssa.UnOp)
					if !ok || ld.Op != token.MUL || !keepsHandler(ld, nil) {
						return false
					}
				}
			case *ssa.DebugRef:
			default:
				return false // handed on: its field may change
			}
		}
		k, ok := e.serverInField(srv.Common().StaticCallee(), ref.field)
		return ok && k < len(args) && e.quietHandler(args[k], 0, rt)
	}
	if !keepsHandler(srv, nil) {
		return false
	}
	if resource.MakesTestServer(ssanav.CalleeFunc(srv.Common())) {
		return len(args) > 0 && e.quietHandler(args[0], 0, rt)
	}
	k, ok := e.serverFor(srv.Common().StaticCallee(), 0)
	return ok && k < len(args) && e.quietHandler(args[k], 0, rt)
}

// serverInField reports whether fn, a function of the package, returns
// as its only result on every return the same struct it allocates, whose
// field holds only test servers made for fn's parameter k (by the
// table's makers or by a helper as serverFor says), and uses that struct
// and those servers for nothing that could give them another handler:
// the struct's only uses are its fields and the returns, the field's are
// the stores of those servers and loads used as keepsHandler allows.
func (e *engine) serverInField(fn *ssa.Function, field int) (k int, ok bool) {
	if fn == nil || fn.Pkg != e.pkg || len(fn.Blocks) == 0 || len(fn.FreeVars) > 0 || fn.Signature.Results().Len() != 1 {
		return 0, false
	}
	var made *ssa.Alloc
	for ret := range ssanav.Returns(fn) {
		a, ok := ret.Results[0].(*ssa.Alloc)
		if !ok || made != nil && a != made {
			return 0, false
		}
		made = a
	}
	if made == nil {
		return 0, false
	}
	k = -1
	for _, r := range *made.Referrers() {
		switch u := r.(type) {
		case *ssa.FieldAddr:
			if u.Field != field {
				continue
			}
			for _, fr := range *u.Referrers() {
				switch x := fr.(type) {
				case *ssa.UnOp:
					if x.Op != token.MUL || !keepsHandler(x, nil) {
						return 0, false
					}
				case *ssa.Store:
					i, ok := e.serverForParam(fn, x.Val, x, 0)
					if !ok || x.Addr != u || k >= 0 && k != i {
						return 0, false
					}
					k = i
				case *ssa.DebugRef:
				default:
					return 0, false
				}
			}
		case *ssa.Return, *ssa.DebugRef:
		default:
			return 0, false
		}
	}
	return k, k >= 0
}

// serverForParam reports whether v, a value in fn used only by the table's
// methods and fields and by except (its return or the store that keeps
// it), is a test server made for fn's parameter k: by the table's makers,
// or by a helper as serverFor says.
func (e *engine) serverForParam(fn *ssa.Function, v ssa.Value, except ssa.Instruction, depth int) (k int, ok bool) {
	srv, isCall := v.(*ssa.Call)
	if !isCall || srv.Common().IsInvoke() || !keepsHandler(srv, except) {
		return 0, false
	}
	var h ssa.Value
	if resource.MakesTestServer(ssanav.CalleeFunc(srv.Common())) {
		h = srv.Common().Args[0]
	} else if j, ok := e.serverFor(srv.Common().StaticCallee(), depth+1); ok && j < len(srv.Common().Args) {
		h = srv.Common().Args[j]
	}
	if h == nil {
		return 0, false
	}
	p, isParam := ssanav.Unconverted(h).(*ssa.Parameter)
	if !isParam {
		return 0, false
	}
	i := slices.Index(fn.Params, p)
	return i, i >= 0
}

// maxHelperDepth bounds how deep helpers of the package are followed for
// a test server or a handler.
const maxHelperDepth = 3

// serverFor reports whether fn, a function of the package, returns as
// its only result on every return a test server that the table's makers
// made for its parameter k, and uses that server for nothing that could
// give it another handler.
func (e *engine) serverFor(fn *ssa.Function, depth int) (k int, ok bool) {
	if fn == nil || fn.Pkg != e.pkg || len(fn.Blocks) == 0 || len(fn.FreeVars) > 0 || depth > maxHelperDepth ||
		fn.Signature.Results().Len() != 1 {
		return 0, false
	}
	k = -1
	for ret := range ssanav.Returns(fn) {
		i, ok := e.serverForParam(fn, ret.Results[0], ret, depth)
		if !ok || k >= 0 && k != i {
			return 0, false
		}
		k = i
	}
	return k, k >= 0
}

// keepsHandler reports whether srv is used only by the table's methods
// and fields, which leave its handler as it was, and by except (a
// helper's return of it, or the store that keeps it).
func keepsHandler(srv ssa.Value, except ssa.Instruction) bool {
	for _, ref := range *srv.Referrers() {
		if except != nil && ref == except {
			continue
		}
		switch u := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			name := requestField(u)
			if !resource.KeepsTestServerField(name) {
				return false
			}
			if name == resource.TestServerURL {
				for _, fref := range *u.Referrers() {
					switch fref.(type) {
					case *ssa.UnOp, *ssa.DebugRef:
					default:
						return false // srv.URL = ...
					}
				}
			}
		case *ssa.MakeClosure:
			// A method value: t.Cleanup(srv.Close).
			fn, ok := u.Fn.(*ssa.Function)
			if !ok || len(u.Bindings) != 1 {
				return false
			}
			m, _ := fn.Object().(*types.Func)
			if !resource.KeepsTestServer(m) {
				return false
			}
		case ssa.CallInstruction:
			c := u.Common()
			if c.IsInvoke() {
				return false
			}
			fn := ssanav.CalleeFunc(c)
			if resource.KeepsTestServer(fn) && len(c.Args) > 0 && c.Args[0] == srv {
				continue
			}
			return false
		default:
			return false
		}
	}
	return true
}

// quietHandler reports whether the handler h writes no body on any path:
// a function or function literal of the package (a method value too),
// or a value of a type of the package whose ServeHTTP does not.
func (e *engine) quietHandler(h ssa.Value, depth int, rt *route) bool {
	h = ssanav.Unconverted(h)
	if mh, ok := muxRoute(h, rt); ok && depth <= maxHelperDepth {
		return e.quietHandler(mh, depth+1, rt)
	}
	if mc, ok := h.(*ssa.MakeClosure); ok {
		h = mc.Fn
	}
	if fn, ok := h.(*ssa.Function); ok {
		if fn.Pkg != e.pkg {
			obj, _ := fn.Object().(*types.Func)
			return e.importedQuiet(obj)
		}
		return len(fn.Params) == 2 && e.quietRoute(fn, 0, depth, rt)
	}
	if _, isFunc := h.Type().Underlying().(*types.Signature); isFunc {
		return false // a function value out of sight
	}
	if m := e.packageMethod(h.Type(), resource.ServeMethod); m != nil {
		return len(m.Params) == 3 && e.quietRoute(m, 1, depth, rt)
	}
	sel := types.NewMethodSet(h.Type()).Lookup(nil, resource.ServeMethod)
	if sel == nil {
		return false
	}
	obj, _ := sel.Obj().(*types.Func)
	return e.importedQuiet(obj)
}

// quietHandlerFact marks a handler of its package, a function of the
// handler's signature or a ServeHTTP method, that uses its
// ResponseWriter (parameter Writer, the receiver counted) only as
// quietWriter allows: a test server of another package that runs it
// answers Content-Length: 0. Exported by packages built into SSA for
// other reasons; where it is missing, the handler is out of sight.
type quietHandlerFact struct{ Writer int }

func (*quietHandlerFact) AFact() {}

func (f *quietHandlerFact) String() string {
	return fmt.Sprintf("writes no body (writer %d)", f.Writer)
}

// importedQuiet reports whether obj, a handler of another package, has
// a quietHandlerFact.
func (e *engine) importedQuiet(obj *types.Func) bool {
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		return false
	}
	var f quietHandlerFact
	return e.pass.ImportObjectFact(obj.Origin(), &f)
}

// exportQuietHandler exports a quietHandlerFact for fn when it is a
// handler other packages can name (exported, or a ServeHTTP method,
// reached through its type) that writes no body.
func (e *engine) exportQuietHandler(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != e.pass.Pkg || fn.Origin() != nil || fn.Parent() != nil {
		return
	}
	sig := obj.Type().(*types.Signature)
	if !obj.Exported() || sig.Recv() != nil && obj.Name() != resource.ServeMethod || !resource.IsHandlerSignature(sig) {
		return
	}
	w := 0
	if sig.Recv() != nil {
		w = 1
	}
	if e.quietWriterParam(fn, w, 0) {
		e.pass.ExportObjectFact(obj, &quietHandlerFact{Writer: w})
	}
}

// quietRoute reports whether the handler fn, a function of the package
// whose parameter w is its writer, writes no body for a request on rt:
// its writer is used only as quietWriter allows in the blocks that such
// a request can reach (all of them when the route decides nothing).
func (e *engine) quietRoute(fn *ssa.Function, w int, depth int, rt *route) bool {
	if r := requestParam(fn, w); r != nil && fn.Pkg == e.pkg && depth <= maxHelperDepth {
		if live := liveBlocks(fn, r, rt); live != nil {
			return e.quietWriterIn(fn.Params[w], depth, live)
		}
	}
	return e.quietWriterParam(fn, w, depth)
}

// quietWriterParam reports whether fn, a function of the package, uses
// its parameter i, a ResponseWriter, only as quietWriter allows.
func (e *engine) quietWriterParam(fn *ssa.Function, i int, depth int) bool {
	if fn.Pkg != e.pkg || len(fn.Blocks) == 0 || i >= len(fn.Params) || depth > maxHelperDepth {
		return false
	}
	key := paramRef{fn: fn, i: i}
	if q, ok := e.quiet[key]; ok {
		return q
	}
	if e.quiet == nil {
		e.quiet = map[paramRef]bool{}
	}
	e.quiet[key] = false // recursion proves nothing
	q := e.quietWriter(fn.Params[i], depth)
	e.quiet[key] = q
	return q
}

// quietWriter reports whether a handler uses its ResponseWriter w only
// to set headers that frame no body and to send a status other than 101:
// itself, in function literals that capture it, or in functions of the
// package it is given to that do the same.
func (e *engine) quietWriter(w ssa.Value, depth int) bool { return e.quietWriterIn(w, depth, nil) }

// quietWriterIn is quietWriter for the uses of w in the blocks of live
// (all of them when live is nil).
func (e *engine) quietWriterIn(w ssa.Value, depth int, live map[*ssa.BasicBlock]bool) bool {
	for _, ref := range *w.Referrers() {
		if live != nil && ref.Block() != nil && !live[ref.Block()] {
			continue // a branch the request does not take
		}
		switch u := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			// Kept in a local variable that literals capture: every load
			// of it is the writer.
			cell, ok := u.Addr.(*ssa.Alloc)
			if !ok || u.Val != w || onlyStoreOf(cell) != w {
				return false
			}
			uses, ok := cellUses(cell, cell, w)
			if !ok {
				return false
			}
			loads := map[ssa.Value]bool{}
			for _, cu := range uses {
				loads[cu.val] = true
			}
			for ld := range loads {
				if !e.quietWriter(ld, depth) {
					return false
				}
			}
		case *ssa.MakeClosure:
			fn, ok := u.Fn.(*ssa.Function)
			if !ok || fn.Pkg != e.pkg {
				return false
			}
			for i, b := range u.Bindings {
				if b == w && (i >= len(fn.FreeVars) || !e.quietWriter(fn.FreeVars[i], depth)) {
					return false
				}
			}
		case *ssa.Call, *ssa.Defer:
			c := u.(ssa.CallInstruction).Common()
			if !c.IsInvoke() {
				callee := c.StaticCallee()
				if callee == nil || c.Value == w {
					return false
				}
				for j, a := range c.Args {
					if a == w && !e.quietWriterParam(callee, j, depth+1) {
						return false
					}
				}
				continue
			}
			if c.Value != w || !resource.QuietWriterMethod(c.Method.Name()) {
				return false
			}
			for _, a := range c.Args {
				if a == w {
					return false
				}
			}
			switch c.Method.Name() {
			case "WriteHeader":
				if len(c.Args) != 1 {
					return false
				}
				k, ok := c.Args[0].(*ssa.Const)
				if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
					return false
				}
				if n, exact := constant.Int64Val(k.Value); !exact || n == resource.SwitchingProtocols {
					return false
				}
			case "Header":
				call, ok := u.(*ssa.Call)
				if !ok || !quietHeader(call) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// quietHeader reports whether the header h is only read, or set under
// keys that frame no body.
func quietHeader(h ssa.Value) bool {
	for _, ref := range *h.Referrers() {
		switch u := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			c := u.Common()
			if c.IsInvoke() || len(c.Args) < 2 || c.Args[0] != h {
				return false
			}
			key, constKey := "", false
			if k, ok := c.Args[1].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
				key, constKey = constant.StringVal(k.Value), true
			}
			if !resource.QuietHeaderCall(ssanav.CalleeFunc(c), key, constKey) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// bodilessThroughInterface reports whether call, of an interface method
// that stands for one of http.Client's senders (an acquirer through
// interfaces), sends a HEAD request it was given: the response's body is
// http.NoBody whatever implements the interface, as for a direct Do.
func (e *engine) bodilessThroughInterface(call *ssa.Call) bool {
	c := call.Common()
	a, ok := e.table.InterfaceAcquirer(c.Method)
	if !ok {
		return false
	}
	s, ok := resource.SenderNamed(a.Func)
	if !ok || s.Request < 1 || s.Request-1 >= len(c.Args) {
		return false // the receiver is not among an interface call's arguments
	}
	r, ok := traceRequest(c.Args[s.Request-1], call)
	return ok && r.isHead(call)
}
