package lifetime

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// A round tripper of the package that adds to the request (headers,
// credentials) and hands it to the round tripper kept in one of its
// fields answers with what that one answers: a response built in memory
// when every value stored into the field is a transport that answers in
// memory (fakeTransport). delegating decides it for a value v of such a
// type whose method m answers: every response m returns is nil, one it
// builds, or what the round trip method called on a field of its receiver
// returns; and v is allocated in sight, stored into nowhere, used only by
// stores into its fields and calls of m (directly, or from function
// literals that capture it).

// roundTripOf returns the transport method and the response type when fn
// is a method, of a type of the package, that implements one of the
// table's round trip interfaces.
func (e *engine) roundTripOf(fn *ssa.Function) (method, resp string) {
	if fn == nil || fn.Pkg != e.pkg || fn.Signature.Recv() == nil {
		return "", ""
	}
	res := fn.Signature.Results()
	if res.Len() == 0 {
		return "", ""
	}
	for _, rt := range resource.RoundTripMethods() {
		if rt.Method != fn.Name() || types.TypeString(res.At(0).Type(), nil) != rt.Response {
			continue
		}
		iface := lookupType(res.At(0).Type(), rt.Iface)
		if iface == nil {
			continue
		}
		it, ok := iface.Underlying().(*types.Interface)
		if ok && types.Implements(fn.Signature.Recv().Type(), it) {
			return rt.Method, rt.Response
		}
	}
	return "", ""
}

// lookupType finds the type named name ("pkg/path.Name") in the package of
// the named type near (or what near points to).
func lookupType(near types.Type, name string) types.Type {
	if p, ok := near.(*types.Pointer); ok {
		near = p.Elem()
	}
	n, ok := types.Unalias(near).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	i := strings.LastIndex(name, ".")
	if i < 0 || n.Obj().Pkg().Path() != name[:i] {
		return nil
	}
	tn, ok := n.Obj().Pkg().Scope().Lookup(name[i+1:]).(*types.TypeName)
	if !ok {
		return nil
	}
	return tn.Type()
}

// delegateFields returns the fields of m's receiver whose round tripper
// answers what m returns on the paths where it does not build the
// response itself: every return gives nil, a response built in memory
// (builtResponse), or the response of the method called on such a field,
// used only to be compared or returned. m stores into none of its
// receiver's fields.
func (e *engine) delegateFields(m *ssa.Function, method, resp string) ([]int, bool) {
	if len(m.Params) == 0 || len(m.Blocks) == 0 {
		return nil, false
	}
	recv := m.Params[0]
	res := m.Signature.Results()
	if res.Len() == 0 || types.TypeString(res.At(0).Type(), nil) != resp {
		return nil, false
	}
	for _, ref := range *recv.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok {
			for _, r := range *fa.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
					return nil, false
				}
			}
		}
	}
	var fields []int
	n := 0
	for ret := range ssanav.Returns(m) {
		n++
		if f, ok := delegatedTo(ret.Results[0], recv, method); ok {
			if !e.keepsMemoryBody(ret.Results[0]) {
				return nil, false
			}
			if !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
			continue
		}
		if !e.builtResponse(ret.Results[0], resp, 0, nil, map[ssa.Value]bool{}) {
			return nil, false
		}
	}
	return fields, n > 0 && len(fields) > 0
}

// delegatedTo returns the field of recv whose round tripper returned v:
// v is the response of method called through the interface held in that
// field (`return t.base.RoundTrip(req)`).
func delegatedTo(v ssa.Value, recv *ssa.Parameter, method string) (int, bool) {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return 0, false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || !call.Call.IsInvoke() || call.Call.Method.Name() != method {
		return 0, false
	}
	switch x := call.Call.Value.(type) {
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if x.Op == token.MUL && ok && fa.X == recv {
			return fa.Field, true
		}
	case *ssa.Field:
		if x.X == recv {
			return x.Field, true
		}
	}
	return 0, false
}

// delegating reports whether v, whose type's round trip method m hands
// the request to the round trippers in fields, answers in memory: v is
// allocated in sight (inSight: in its function, or held by a variable
// that literals capture and that is stored once), used only by stores
// into its fields, calls of m and a store into a client's transport
// field, and every value stored into those fields answers in memory.
func (e *engine) delegating(v ssa.Value, m *ssa.Function, fields []int, method, resp string, call *ssa.Call, depth int) bool {
	if depth > maxBuildDepth {
		return false
	}
	alloc, uses, ok := inSight(v)
	if !ok {
		return false
	}
	if _, isAlloc := alloc.(*ssa.Alloc); !isAlloc {
		return false
	}
	var stored []ssa.Value
	for _, u := range uses {
		switch x := u.instr.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if x.X != u.val {
				return false
			}
			if !slices.Contains(fields, x.Field) {
				continue
			}
			for _, r := range *x.Referrers() {
				switch y := r.(type) {
				case *ssa.Store:
					if y.Addr != x {
						return false
					}
					stored = append(stored, y.Val)
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					return false
				}
			}
		case ssa.CallInstruction:
			c := x.Common()
			if c.IsInvoke() || c.StaticCallee() != m || !ownMethodCall(c, u.val) {
				return false
			}
		case *ssa.MakeInterface:
			if !storedAsTransport(x) {
				return false
			}
		default:
			return false
		}
	}
	if len(stored) == 0 {
		return false
	}
	for _, s := range stored {
		if !e.fakeTransportDepth(s, method, resp, call, -1, nil, depth+1) {
			return false
		}
	}
	return true
}

// storedAsTransport reports whether mi is used only to be stored into
// the transport field of a client (whose other uses the caller checks).
func storedAsTransport(mi *ssa.MakeInterface) bool {
	refs := *mi.Referrers()
	for _, r := range refs {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != ssa.Value(mi) {
			return false
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		owner, field, ok := ssanav.Field(fa)
		if !ok || resource.TransportField(types.TypeString(owner, nil)) != field.Name() {
			return false
		}
	}
	return len(refs) > 0
}
