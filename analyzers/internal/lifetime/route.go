package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// A test server's handler that dispatches on the request's path or
// method (a switch over r.URL.Path, a ServeMux made in the function with
// constant patterns) writes no body for a request when the route that
// request reaches writes none, whatever the other routes do. The route is
// decided only when the request's path is a constant suffix of the
// server's URL and, where it matters, its method is a constant: the
// branches of the handler that compare r.URL.Path or r.Method with a
// constant follow the request's value, and a mux's route is the one
// net/http's own ServeMux picks for it. Anything else (a path built at
// run time, a pattern or handler out of sight, a mux used for anything
// but registrations) leaves every route, and the mux's own 404 answer,
// in play.

// A route is what is known of the request a test server's handler gets.
type route struct {
	path   string    // the URL path the server sees (clean, no escapes)
	method string    // "" when unknown
	send   *ssa.Call // the call that sends the request
}

// routeOf returns the route of a request for the URL string v sent with
// method ("" when unknown): the server's URL followed by constant strings
// whose path part is clean and needs no escaping.
func routeOf(v ssa.Value, method string, send *ssa.Call) *route {
	var suffix []string
	for {
		b, ok := v.(*ssa.BinOp)
		if !ok {
			break
		}
		c, ok := b.Y.(*ssa.Const)
		if b.Op != token.ADD || !ok || c.Value == nil || c.Value.Kind() != constant.String {
			return nil
		}
		suffix = append([]string{constant.StringVal(c.Value)}, suffix...)
		v = b.X
	}
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	if fa, ok := ld.X.(*ssa.FieldAddr); !ok || requestField(fa) != resource.TestServerURL {
		return nil
	}
	p := strings.Join(suffix, "")
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" {
		p = "/"
	}
	if !cleanPath(p) {
		return nil
	}
	return &route{path: p, method: method, send: send}
}

// cleanPath reports whether p, a URL path, is what the server's request
// holds as r.URL.Path for it: absolute, clean (a mux would redirect
// otherwise) and made of characters that need no escaping.
func cleanPath(p string) bool {
	if !strings.HasPrefix(p, "/") {
		return false
	}
	for _, c := range p {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.ContainsRune("/-._~", c):
		default:
			return false
		}
	}
	clean := path.Clean(p)
	return clean == p || clean+"/" == p
}

// liveBlocks returns the blocks of the handler fn that a request on rt
// can reach, its request being parameter r: the branches that compare
// r.URL.Path or r.Method with a constant take the side the route's value
// decides. Nil when nothing is decided (every block may run) or when the
// handler may change those fields before a branch that reads them.
func liveBlocks(fn *ssa.Function, r *ssa.Parameter, rt *route) map[*ssa.BasicBlock]bool {
	if rt == nil || len(fn.Blocks) == 0 {
		return nil
	}
	live := map[*ssa.BasicBlock]bool{}
	var deciding []*ssa.BasicBlock
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if live[b] {
			continue
		}
		live[b] = true
		succs := b.Succs
		if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
			if taken, known := routeDecides(iff.Cond, r, rt); known {
				deciding = append(deciding, b)
				if taken {
					succs = succs[:1]
				} else {
					succs = succs[1:]
				}
			}
		}
		work = append(work, succs...)
	}
	if len(deciding) == 0 {
		return nil
	}
	for _, b := range changesRequest(r) {
		for _, d := range deciding {
			if ssanav.Reaches(b, d) {
				return nil
			}
		}
	}
	return live
}

// routeDecides evaluates cond, a comparison of r.URL.Path or r.Method
// with a constant string, for the route.
func routeDecides(cond ssa.Value, r *ssa.Parameter, rt *route) (taken, known bool) {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return false, false
	}
	x, y := cmp.X, cmp.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	c, ok := y.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false, false
	}
	var val string
	switch requestRead(x, r) {
	case "Path":
		val = rt.path
	case "Method":
		if rt.method == "" {
			return false, false
		}
		val = rt.method
	default:
		return false, false
	}
	eq := val == constant.StringVal(c.Value)
	return eq == (cmp.Op == token.EQL), true
}

// requestRead names what v reads of the request r: "Method" for
// r.Method, "Path" for r.URL.Path, "" otherwise.
func requestRead(v ssa.Value, r *ssa.Parameter) string {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return ""
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return ""
	}
	switch requestField(fa) {
	case "Method":
		if fa.X == r {
			return "Method"
		}
	case "Path":
		u, ok := fa.X.(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			return ""
		}
		ufa, ok := u.X.(*ssa.FieldAddr)
		if ok && ufa.X == r && requestField(ufa) == "URL" {
			return "Path"
		}
	}
	return ""
}

// changesRequest returns the blocks where the handler may change the
// request's method or URL: it stores into a field of r or of r.URL, or
// hands r or r.URL to a function.
func changesRequest(r *ssa.Parameter) []*ssa.BasicBlock {
	var at []*ssa.BasicBlock
	for _, ref := range *r.Referrers() {
		switch u := ref.(type) {
		case *ssa.FieldAddr:
			for _, fr := range *u.Referrers() {
				switch x := fr.(type) {
				case *ssa.Store:
					at = append(at, x.Block())
				case *ssa.UnOp:
					if requestField(u) == "URL" && storesThrough(x) {
						at = append(at, x.Block())
					}
				}
			}
		case *ssa.DebugRef:
		default:
			at = append(at, ref.Block())
		}
	}
	return at
}

// storesThrough reports whether the pointer p is stored through (a field
// of what it points to assigned).
func storesThrough(p ssa.Value) bool {
	for _, ref := range *p.Referrers() {
		switch u := ref.(type) {
		case *ssa.FieldAddr:
			for _, fr := range *u.Referrers() {
				if _, ok := fr.(*ssa.Store); ok {
					return true
				}
			}
		case *ssa.Store:
			if u.Val == p {
				return true
			}
		case *ssa.Call, *ssa.Defer, *ssa.Go, *ssa.MakeClosure:
			return true
		}
	}
	return false
}

// muxRoute returns the handler that the ServeMux v, made in sight by the
// table's constructor and used only to register constant patterns with
// handlers (in its function, before the request when that is sent there
// too) and to be served, gives the request on rt: net/http's own
// ServeMux is asked with the same patterns. ok is false when the route
// is unknown or the mux would answer itself (not found, a redirect, a
// method not allowed).
func muxRoute(v ssa.Value, rt *route) (h ssa.Value, ok bool) {
	made, isCall := ssanav.Unconverted(v).(*ssa.Call)
	if rt == nil || !isCall || made.Common().IsInvoke() || !resource.MakesMux(ssanav.CalleeFunc(made.Common())) {
		return nil, false
	}
	type registration struct {
		pattern string
		handler ssa.Value
	}
	var regs []registration
	for _, ref := range *made.Referrers() {
		switch u := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.MakeInterface, *ssa.ChangeType:
			// Handed to a test server maker: checked below.
		case ssa.CallInstruction:
			c := u.Common()
			if c.IsInvoke() || len(c.Args) != 3 || c.Args[0] != ssa.Value(made) || !resource.RegistersRoute(ssanav.CalleeFunc(c)) {
				return nil, false
			}
			if u.Parent() != made.Parent() || rt.send.Parent() == made.Parent() && !before(u, rt.send) {
				return nil, false // a pattern the mux may not hold yet when the request comes
			}
			p, isConst := c.Args[1].(*ssa.Const)
			if !isConst || p.Value == nil || p.Value.Kind() != constant.String {
				return nil, false
			}
			regs = append(regs, registration{constant.StringVal(p.Value), c.Args[2]})
		default:
			return nil, false
		}
	}
	for _, ref := range *made.Referrers() {
		var conv ssa.Value
		switch u := ref.(type) {
		case *ssa.MakeInterface:
			conv = u
		case *ssa.ChangeType:
			conv = u
		default:
			continue
		}
		for _, r := range *conv.Referrers() {
			c, isCall := r.(*ssa.Call)
			if !isCall || c.Common().IsInvoke() || !resource.MakesTestServer(ssanav.CalleeFunc(c.Common())) {
				return nil, false
			}
		}
	}
	patterns := make([]string, len(regs))
	for k, r := range regs {
		patterns[k] = r.pattern
	}
	i, ok := pickRoute(patterns, rt)
	if !ok {
		return nil, false
	}
	return regs[i].handler, true
}

// A routeMarker stands for the i-th registration in the mux pickRoute
// asks.
type routeMarker int

func (routeMarker) ServeHTTP(http.ResponseWriter, *http.Request) {}

// pickRoute asks a ServeMux with the patterns which one serves a
// request on rt. A pattern that the mux refuses, a request whose method
// is unknown while a pattern names a method or a host, or an answer of
// the mux's own (not found, a redirect, a method not allowed) gives
// false.
func pickRoute(patterns []string, rt *route) (i int, ok bool) {
	defer func() {
		if recover() != nil {
			i, ok = 0, false
		}
	}()
	method := rt.method
	if method == "" {
		for _, p := range patterns {
			if !strings.HasPrefix(p, "/") {
				return 0, false
			}
		}
		method = http.MethodGet // any method picks the same pattern
	}
	mux := http.NewServeMux()
	for i, p := range patterns {
		mux.Handle(p, routeMarker(i))
	}
	req := &http.Request{Method: method, URL: &url.URL{Path: rt.path}, Host: "127.0.0.1", Header: http.Header{}}
	h, _ := mux.Handler(req)
	m, isMarker := h.(routeMarker)
	return int(m), isMarker
}

// requestParam returns the request parameter of a handler function fn
// whose writer is parameter w.
func requestParam(fn *ssa.Function, w int) *ssa.Parameter {
	if w+1 >= len(fn.Params) || types.TypeString(fn.Params[w+1].Type(), nil) != resource.RequestType {
		return nil
	}
	return fn.Params[w+1]
}
