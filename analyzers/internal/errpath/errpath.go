// Package errpath answers one question for every check: does this error
// value, on this path, certainly hold a non-nil error?
//
// A value is a nil error by construction when it is the error of a
// function whose documentation says it is always nil (bytes.Buffer's
// writes), listed by full name.
//
// A value is a non-nil error by construction when it is a call of a
// function that always returns one (errors.New, fmt.Errorf), a non-nil
// constant, a value boxed into the error interface (even a nil pointer
// boxed is a non-nil interface), a load of a package-level error
// variable (a sentinel such as io.EOF), a φ whose every edge is one, or
// the result of a function of the same package whose every return gives
// one. A call of any other function is unknown: errors.Join and
// errors.Unwrap, for instance, return nil for nil inputs. On a path, a
// comparison with nil whose outcome decides that the path runs settles
// the question too. Predicates that are true only for a non-nil error
// (os.IsNotExist(err)) are listed in a table by full name.
//
// The same dominator walk answers the converse question for a block: is
// it reached only because some call failed (AfterFailure)?
package errpath

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// Nilness is what is known of an error value.
type Nilness int8

const (
	Unknown Nilness = iota
	Nil
	NonNil
)

// alwaysFails lists functions whose error result is never nil, by full
// name.
var alwaysFails = map[string]string{
	"errors.New": "returns a new *errorString",
	"fmt.Errorf": "returns a new error value whatever its operands (with no %w, a *fmt.wrapError or an errorString)",
	// The servers return only when they stop, and then with the reason
	// (http.ErrServerClosed after Shutdown or Close).
	"net/http.Serve":                       "documented: Serve always returns a non-nil error",
	"net/http.ServeTLS":                    "documented: ServeTLS always returns a non-nil error",
	"net/http.ListenAndServe":              "documented: ListenAndServe always returns a non-nil error",
	"net/http.ListenAndServeTLS":           "runs (*Server).ListenAndServeTLS, which always returns a non-nil error",
	"(*net/http.Server).Serve":             "documented: Serve always returns a non-nil error",
	"(*net/http.Server).ServeTLS":          "documented: ServeTLS always returns a non-nil error",
	"(*net/http.Server).ListenAndServe":    "documented: ListenAndServe always returns a non-nil error",
	"(*net/http.Server).ListenAndServeTLS": "documented: ListenAndServeTLS always returns a non-nil error",
}

// neverFails lists, by full name, functions and methods whose error
// result is documented to be always nil; an interface's method is named
// by the interface ("(hash.Hash).Write"), whose contract binds every
// implementation.
var neverFails = map[string]string{
	"(*bytes.Buffer).Write":            "documented: err is always nil (a buffer grown too large panics)",
	"(*bytes.Buffer).WriteString":      "documented: err is always nil (a buffer grown too large panics)",
	"(*bytes.Buffer).WriteByte":        "documented: the returned error is always nil",
	"(*bytes.Buffer).WriteRune":        "documented: the error is always nil",
	"(*strings.Builder).Write":         "documented: always returns len(p), nil",
	"(*strings.Builder).WriteString":   "documented: returns the length of s and a nil error",
	"(*strings.Builder).WriteByte":     "documented: the returned error is always nil",
	"(*strings.Builder).WriteRune":     "documented: returns the length of r and a nil error",
	"(*hash/maphash.Hash).Write":       "documented: always writes all of b and never fails",
	"(*hash/maphash.Hash).WriteString": "documented: always writes all of s and never fails",
	"(*hash/maphash.Hash).WriteByte":   "documented: never fails",
	"(hash.Hash).Write":                "the interface's contract: Write never returns an error",
	"(hash.Hash32).Write":              "embeds hash.Hash, whose Write never returns an error",
	"(hash.Hash64).Write":              "embeds hash.Hash, whose Write never returns an error",
	"crypto/rand.Read":                 "documented: never returns an error (it crashes the program when the reader fails)",
}

// handshaken lists, by full name, the functions whose connection result
// has completed its TLS handshake.
var handshaken = map[string]string{
	"crypto/tls.Dial":                  "dials through DialWithDialer",
	"crypto/tls.DialWithDialer":        "runs HandshakeContext and returns the connection only when it succeeded",
	"(*crypto/tls.Dialer).Dial":        "dials through DialContext",
	"(*crypto/tls.Dialer).DialContext": "dials through the handshaking dial of DialWithDialer",
}

// opened lists, by full name, the functions whose *os.File result, when
// their error is nil, holds a descriptor they have just opened.
var opened = map[string]string{
	"os.Open":       "opens the named file and returns it only when open(2) succeeded",
	"os.OpenFile":   "opens the named file and returns it only when open(2) succeeded",
	"os.Create":     "opens the named file through OpenFile",
	"os.CreateTemp": "opens a new file through OpenFile and returns it only when that succeeded",
}

// succeedsOn lists, by full name, methods whose error result is nil when
// the receiver is the result of one of the functions in the list that goes
// with it.
var succeedsOn = map[string]struct {
	sources map[string]string
	reason  string
}{
	"(*crypto/tls.Conn).Handshake":        {handshaken, "returns nil at once when a handshake has completed"},
	"(*crypto/tls.Conn).HandshakeContext": {handshaken, "returns nil at once when a handshake has completed"},
	"(*os.File).Stat":                     {opened, "fstat(2) of a descriptor the process holds open fails only on a filesystem I/O error"},
}

// parsesFrom lists, by full name, functions whose error result is nil when
// their first argument is read from one of the fields listed with it
// ("pkg.Type.Field"), which its producer always fills with a value the
// function accepts.
var parsesFrom = map[string]struct {
	fields map[string]string
	reason string
}{
	"net/url.Parse": {map[string]string{
		"net/http/httptest.Server.URL": "Start and StartTLS set it to \"http://\" or \"https://\" and the address of the server's own listener",
	}, "fails only on a string that does not parse as a URL"},
}

// addrTypes lists, by full name, methods whose net.Addr result holds the
// concrete type given with it.
var addrTypes = map[string]struct{ typ, reason string }{
	"(*net.TCPListener).Addr": {"*net.TCPAddr", "returns the listener's fd.laddr, which listenTCP sets to a *TCPAddr"},
}

// AddrType returns the concrete type, as types.TypeString spells it, of
// the net.Addr that method (by full name) returns, or "" when the table
// does not say.
func AddrType(method string) string { return addrTypes[method].typ }

// hostPortStrings lists, by full name, String methods of address types
// that always give "host:port" with a decimal port.
var hostPortStrings = map[string]string{
	"(*net.TCPAddr).String": "JoinHostPort of the address's IP (and zone) and itoa of its port",
}

// splitsHostPort lists, by full name, functions that split "host:port";
// they fail only on a string of another shape.
var splitsHostPort = map[string]string{
	"net.SplitHostPort": "fails only on a string that is not host:port",
}

// parsesPort lists, by full name, functions whose error is nil for a
// decimal port number (0 to 65535) when the arguments at the listed
// indices are the constants given (-1: any value at least that large).
var parsesPort = map[string]struct {
	args   map[int]int64
	reason string
}{
	"strconv.Atoi":      {nil, "fails only on a string that is not a decimal int"},
	"strconv.ParseInt":  {map[int]int64{1: 10, 2: -17}, "base 10, a bit size that holds 65535 (or 0, an int)"},
	"strconv.ParseUint": {map[int]int64{1: 10, 2: -16}, "base 10, a bit size that holds 65535 (or 0, a uint)"},
}

// predicate is a function that returns true only for a non-nil error.
type predicate struct {
	// target, if not negative, is the index of an argument that must
	// itself be a non-nil error for the predicate to imply one.
	target int
	reason string
}

// predicates lists, by full name, the functions that return true only
// when their first argument is a non-nil error.
var predicates = map[string]predicate{
	"os.IsNotExist":   {-1, "underlyingErrorIs(nil, ...) is false"},
	"os.IsExist":      {-1, "underlyingErrorIs(nil, ...) is false"},
	"os.IsPermission": {-1, "underlyingErrorIs(nil, ...) is false"},
	"os.IsTimeout":    {-1, "a nil error has no Timeout method"},
	"errors.Is":       {1, "Is(nil, target) is target == nil: true for a nil error only when the target is nil"},
	"errors.As":       {-1, "As(nil, target) is false"},
}

// Predicate returns the error argument of call that is non-nil whenever
// call returns true (os.IsNotExist(err), errors.Is(err, fs.ErrNotExist)).
func Predicate(call *ssa.CallCommon) (ssa.Value, bool) {
	callee := call.StaticCallee()
	if callee == nil || len(call.Args) == 0 {
		return nil, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return nil, false
	}
	p, ok := predicates[obj.FullName()]
	if !ok {
		return nil, false
	}
	if p.target >= 0 && (p.target >= len(call.Args) || !IsNonNil(call.Args[p.target])) {
		return nil, false
	}
	return call.Args[0], true
}

// matchers lists, by full name, the functions that return true only when
// their first argument is their second or wraps it.
var matchers = map[string]string{
	"errors.Is": "Is(err, target) reports whether err or an error it wraps is target",
}

// Match returns the error and the target of a call that returns true only
// when the error is the target or wraps it (errors.Is(err, io.EOF)).
func Match(call *ssa.CallCommon) (err, target ssa.Value, ok bool) {
	callee := call.StaticCallee()
	if callee == nil || len(call.Args) != 2 {
		return nil, nil, false
	}
	obj, isFunc := callee.Object().(*types.Func)
	if !isFunc {
		return nil, nil, false
	}
	if _, listed := matchers[obj.FullName()]; !listed {
		return nil, nil, false
	}
	return call.Args[0], call.Args[1], true
}

// At says what is known of the error value v where block b runs: by
// construction (IsNonNil, or IsNil) or by a comparison with
// nil, up b's dominator tree, whose outcome decides that b runs.
func At(b *ssa.BasicBlock, v ssa.Value) Nilness {
	if c, ok := v.(*ssa.Const); ok && c.Value == nil || IsNil(v) {
		return Nil
	}
	if IsNonNil(v) {
		return NonNil
	}
	return checked(b, v)
}

// IsNil reports whether v is a nil error by construction: the nil
// constant, or the error of a method listed in succeedsOn called on a
// receiver produced by one of the listed functions
// (`tc, err := tls.Dial(...); ...; err = tc.Handshake()`).
func IsNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value == nil && isError(v.Type())
	case *ssa.Extract:
		if parsesValid(v) {
			return true
		}
		call, ok := v.Tuple.(*ssa.Call)
		return ok && v.Index == call.Call.Signature().Results().Len()-1 && (succeeds(call) || splitsAddress(call) || parsesAddressPort(call) || fakeSucceeds(call) || documentedNil(call.Common()))
	case *ssa.Call:
		return succeeds(v) || fakeSucceeds(v) || documentedNil(v.Common())
	}
	return false
}

// documentedNil reports whether c calls a function listed in neverFails,
// or invokes a listed method of an interface.
func documentedNil(c *ssa.CallCommon) bool {
	name := fullName(c)
	if c.IsInvoke() {
		name = "(" + types.TypeString(c.Value.Type(), nil) + ")." + c.Method.Name()
	}
	_, ok := neverFails[name]
	return ok
}

// fakeSucceeds reports whether call, in a test file, is of a method of a
// type the package's test files declare (a fake, a stub) whose every
// return gives a nil error: `if err := fake.Fetch(); err != nil` is no
// path of the test. The method is reached statically, or through an
// interface holding a value of that type boxed in sight. A method that
// defers a call (which may set its named error result) is not trusted.
func fakeSucceeds(call *ssa.Call) bool {
	caller := call.Parent()
	if caller == nil || caller.Prog == nil || !inTestFile(caller.Prog.Fset, caller.Pos()) {
		return false
	}
	callee := concreteCallee(call.Common())
	if callee == nil || callee.Pkg == nil || callee.Pkg != caller.Pkg || len(callee.Blocks) == 0 || callee.Recover != nil {
		return false
	}
	recv := callee.Signature.Recv()
	if recv == nil {
		return false
	}
	rt := recv.Type()
	if p, ok := rt.(*types.Pointer); ok {
		rt = p.Elem()
	}
	named, ok := types.Unalias(rt).(*types.Named)
	if !ok || !inTestFile(callee.Prog.Fset, named.Obj().Pos()) {
		return false
	}
	res := callee.Signature.Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		return false
	}
	returns := 0
	for _, b := range callee.Blocks {
		for _, instr := range b.Instrs {
			if _, ok := instr.(*ssa.Defer); ok {
				return false
			}
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(b.Preds) == 0 && b.Index != 0 {
			continue
		}
		if !nilConst(ret.Results[res.Len()-1]) {
			return false
		}
		returns++
	}
	return returns > 0
}

// concreteCallee is the function a call reaches: its static callee, or
// for an invoke of an interface that holds a value boxed in sight
// (`var d Dep = &fakeDep{}`), that value's method.
func concreteCallee(c *ssa.CallCommon) *ssa.Function {
	if !c.IsInvoke() {
		return c.StaticCallee()
	}
	mi, ok := c.Value.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	prog := mi.Parent().Prog
	sel := prog.MethodSets.MethodSet(mi.X.Type()).Lookup(c.Method.Pkg(), c.Method.Name())
	if sel == nil {
		return nil
	}
	return prog.MethodValue(sel)
}

// nilConst reports whether v is the nil constant, or a φ of nils.
func nilConst(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value == nil
	case *ssa.Phi:
		for _, e := range v.Edges {
			if c, ok := e.(*ssa.Const); !ok || c.Value != nil {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

func inTestFile(fset *token.FileSet, pos token.Pos) bool {
	return pos.IsValid() && strings.HasSuffix(fset.Position(pos).Filename, "_test.go")
}

// succeeds reports whether call is of a method listed in succeedsOn on a
// receiver that one of the listed functions returned: its error is nil.
func succeeds(v *ssa.Call) bool {
	callee := v.Call.StaticCallee()
	if callee == nil || len(v.Call.Args) == 0 || v.Call.IsInvoke() {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return false
	}
	s, ok := succeedsOn[obj.FullName()]
	if !ok {
		return false
	}
	recv := v.Call.Args[0]
	if ta, ok := recv.(*ssa.TypeAssert); ok && !ta.CommaOk {
		recv = ta.X
	}
	ex, ok := recv.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	src, ok := ex.Tuple.(*ssa.Call)
	if !ok || src.Call.IsInvoke() {
		return false
	}
	fn := src.Call.StaticCallee()
	if fn == nil {
		return false
	}
	fobj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	_, ok = s.sources[fobj.FullName()]
	return ok
}

// parsesValid reports whether ex is the error result of a function listed
// in parsesFrom called on a load of one of the fields listed with it
// (`u, err := url.Parse(srv.URL)` on an httptest server).
func parsesValid(ex *ssa.Extract) bool {
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 || ex.Index != call.Call.Signature().Results().Len()-1 {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return false
	}
	p, ok := parsesFrom[obj.FullName()]
	if !ok {
		return false
	}
	ld, ok := call.Call.Args[0].(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	owner, field, ok := ssanav.Field(fa)
	if !ok {
		return false
	}
	_, ok = p.fields[types.TypeString(owner, nil)+"."+field.Name()]
	return ok
}

// IsNonNil reports whether v is a non-nil error by construction.
func IsNonNil(v ssa.Value) bool {
	var w walker
	return w.nonNil(v)
}

// walker guards the walk against φ cycles and recursion.
type walker struct {
	seen map[any]bool
}

func (w *walker) enter(x any) bool {
	if w.seen == nil {
		w.seen = make(map[any]bool)
	}
	if w.seen[x] {
		return false
	}
	w.seen[x] = true
	return true
}

func (w *walker) nonNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value != nil
	case *ssa.MakeInterface:
		return true
	case *ssa.Alloc:
		return true // an address (&Error{...}) is never nil
	case *ssa.ChangeInterface:
		return w.nonNil(v.X)
	case *ssa.UnOp:
		if _, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && isError(v.Type()) {
			return true // a sentinel: package-level error variables are set once, to an error
		}
		if fv, ok := v.X.(*ssa.FreeVar); ok && v.Op == token.MUL {
			return w.cellNonNil(fv)
		}
	case *ssa.Phi:
		if !w.enter(v) {
			return false
		}
		for _, e := range v.Edges {
			if !w.nonNil(e) {
				return false
			}
		}
		return len(v.Edges) > 0
	case *ssa.Call:
		return w.resultNonNil(v, 0, v.Parent())
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return w.resultNonNil(call, v.Index, v.Parent())
		}
	}
	return false
}

// cellNonNil reports whether the captured variable whose cell fv is holds
// a non-nil error wherever it is read: every store to it, in the function
// that declares it and in the literals that capture it, stores one
// (`errBad := errors.New("bad")` returned by a literal). A variable passed
// on to a further literal is not followed.
func (w *walker) cellNonNil(fv *ssa.FreeVar) bool {
	if !w.enter(fv) {
		return false
	}
	fn := fv.Parent()
	idx := slices.Index(fn.FreeVars, fv)
	parent := fn.Parent()
	if idx < 0 || parent == nil {
		return false
	}
	var cell *ssa.Alloc
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				a, ok := mc.Bindings[idx].(*ssa.Alloc)
				if !ok || cell != nil && a != cell {
					return false
				}
				cell = a
			}
		}
	}
	if cell == nil {
		return false
	}
	stores := 0
	check := func(addr ssa.Value) bool {
		for _, r := range *addr.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != addr || !w.nonNil(r.Val) {
					return false
				}
				stores++
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			case *ssa.MakeClosure:
				mcFn, ok := r.Fn.(*ssa.Function)
				if !ok {
					return false
				}
				for i, b := range r.Bindings {
					if b != addr {
						continue
					}
					for _, rr := range *mcFn.FreeVars[i].Referrers() {
						switch rr := rr.(type) {
						case *ssa.UnOp:
							if rr.Op != token.MUL {
								return false
							}
						case *ssa.DebugRef:
						default:
							return false
						}
					}
				}
			default:
				return false
			}
		}
		return true
	}
	return check(cell) && stores > 0
}

// resultNonNil reports whether result i of call is always a non-nil
// error: the callee is listed, or it is a function of the same package
// whose every return gives one.
func (w *walker) resultNonNil(call *ssa.Call, i int, caller *ssa.Function) bool {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	if obj, ok := callee.Object().(*types.Func); ok && i == 0 {
		if _, ok := alwaysFails[obj.FullName()]; ok {
			return true
		}
	}
	if caller == nil || callee.Pkg == nil || callee.Pkg != caller.Pkg || len(callee.Blocks) == 0 {
		return false
	}
	type key struct {
		fn *ssa.Function
		i  int
	}
	if !w.enter(key{callee, i}) {
		return false // recursion: assume nothing
	}
	returns := 0
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(b.Preds) == 0 && b.Index != 0 && b != callee.Recover {
			continue
		}
		if i >= len(ret.Results) || !w.nonNil(ssanav.StoredResult(ret.Results[i])) {
			return false
		}
		returns++
	}
	return returns > 0
}

// checked looks up the dominator tree of b for a comparison of v with
// nil whose outcome decides that b runs.
func checked(b *ssa.BasicBlock, v ssa.Value) Nilness {
	for d := b.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			continue
		}
		if !(cmp.X == v && isNil(cmp.Y) || cmp.Y == v && isNil(cmp.X)) {
			continue
		}
		for i, s := range d.Succs {
			if s.Dominates(b) && len(s.Preds) == 1 {
				taken := i == 0
				if (cmp.Op == token.EQL) == taken {
					return Nil
				}
				return NonNil
			}
		}
	}
	return Unknown
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value == nil
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// AfterFailure returns the call whose failure decides that block b runs:
// up b's dominator tree, a branch on the call's error compared with nil
// whose non-nil side, or on its bool outcome whose false side, is the
// only way into b (`if err := tc.Handshake(); err != nil { ... }`,
// `if !pool.AppendCertsFromPEM(pem) { ... }`). It returns nil when no
// such branch leads to b.
func AfterFailure(b *ssa.BasicBlock) *ssa.Call {
	for d := b.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 {
			continue
		}
		call, failing := failingSide(iff.Cond)
		if call == nil {
			continue
		}
		if s := d.Succs[failing]; s.Dominates(b) && len(s.Preds) == 1 {
			return call
		}
	}
	return nil
}

// failingSide returns the call whose outcome cond tests and the index of
// the successor (0 for true, 1 for false) taken when the call failed.
func failingSide(cond ssa.Value) (*ssa.Call, int) {
	switch c := cond.(type) {
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return nil, 0
		}
		v := c.X
		if !isNil(c.Y) {
			v = c.Y
			if !isNil(c.X) {
				return nil, 0
			}
		}
		call := outcomeOf(v, isError)
		if call == nil {
			return nil, 0
		}
		if c.Op == token.NEQ {
			return call, 0
		}
		return call, 1
	case *ssa.UnOp:
		if c.Op != token.NOT {
			return nil, 0
		}
		if call := outcomeOf(c.X, isBool); call != nil {
			return call, 0
		}
	default:
		if call := outcomeOf(c, isBool); call != nil {
			return call, 1
		}
	}
	return nil, 0
}

// outcomeOf returns the call whose last result v is, when that result's
// type passes is.
func outcomeOf(v ssa.Value, is func(types.Type) bool) *ssa.Call {
	if !is(v.Type()) {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Call:
		if x.Call.Signature().Results().Len() == 1 {
			return x
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == call.Call.Signature().Results().Len()-1 {
			return call
		}
	}
	return nil
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// fullName is the full name of the function a static call reaches, or "".
func fullName(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return ""
	}
	callee := c.StaticCallee()
	if callee == nil {
		return ""
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok {
		return ""
	}
	return obj.FullName()
}

// hostPort reports whether v is the String of an address whose type
// always prints as host:port (`l.Addr().String()` of a TCP listener).
func hostPort(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	c := call.Common()
	if !c.IsInvoke() {
		_, ok := hostPortStrings[fullName(c)]
		return ok
	}
	if c.Method.Name() != "String" {
		return false
	}
	x := c.Value
	if mi, ok := x.(*ssa.MakeInterface); ok {
		x = mi.X
	}
	src, ok := x.(*ssa.Call)
	if !ok {
		return false
	}
	a, ok := addrTypes[fullName(src.Common())]
	if !ok {
		return false
	}
	for name := range hostPortStrings {
		if name == "("+a.typ+").String" {
			return true
		}
	}
	return false
}

// splitsAddress reports whether call splits the host:port String of an
// address (`net.SplitHostPort(l.Addr().String())`): it does not fail.
func splitsAddress(call *ssa.Call) bool {
	c := call.Common()
	if _, ok := splitsHostPort[fullName(c)]; !ok || len(c.Args) == 0 {
		return false
	}
	return hostPort(c.Args[0])
}

// parsesAddressPort reports whether call parses, as the table allows, the
// port that splitsAddress split from an address: it does not fail.
func parsesAddressPort(call *ssa.Call) bool {
	c := call.Common()
	p, ok := parsesPort[fullName(c)]
	if !ok || len(c.Args) == 0 {
		return false
	}
	for i, want := range p.args {
		if i >= len(c.Args) {
			return false
		}
		k, ok := c.Args[i].(*ssa.Const)
		if !ok || k.Value == nil {
			return false
		}
		n, exact := constant.Int64Val(constant.ToInt(k.Value))
		if !exact || want >= 0 && n != want || want < 0 && n != 0 && n < -want {
			return false
		}
	}
	port, ok := c.Args[0].(*ssa.Extract)
	if !ok || port.Index != 1 {
		return false
	}
	split, ok := port.Tuple.(*ssa.Call)
	return ok && splitsAddress(split)
}
