package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// assertsOwnType reports whether cond is the ok of `x.(T)` where x holds
// the tracked resource and T is the resource's own type, or the concrete
// type the knowledge table gives the acquiring call's result
// (resource.DynamicType: net.Listen("tcp", ...) returns a
// *net.TCPListener): while the
// resource is owed on the path, x holds it and the assertion cannot fail
// (sql-migrate keeps its transaction in an executor interface and commits
// it through `executor.(*gorp.Transaction)`).
func (t *tracker) assertsOwnType(cond ssa.Value) bool {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 || t.root == nil {
		return false
	}
	ta, ok := ex.Tuple.(*ssa.TypeAssert)
	if !ok || !ta.CommaOk {
		return false
	}
	tr, ok := t.values[ta.X]
	if !ok || tr.role != roleWhole {
		return false
	}
	return types.Identical(ta.AssertedType, t.root.Type()) ||
		t.dynType != "" && types.TypeString(ta.AssertedType, nil) == t.dynType
}

// dynamicType gives the concrete type of the interface value that the
// acquiring call returns, when the knowledge table decides it from the
// call's constant arguments (the listener of net.Listen("tcp", addr) is a
// *net.TCPListener).
func dynamicType(call *ssa.CallCommon) string {
	callee := call.StaticCallee()
	if callee == nil {
		return ""
	}
	fn, _ := callee.Object().(*types.Func)
	return resource.DynamicType(fn, func(i int) (string, bool) {
		if i >= len(call.Args) {
			return "", false
		}
		c, ok := call.Args[i].(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(c.Value), true
	})
}

// closedByHolder reports whether cond is the ok of a receive from a
// channel that a call given the resource returned, and that the library
// closes only once it has taken on the resource's release
// (resource.ClosedAfterRelease): where the receive finds it closed, the
// resource is the library's to close.
func (t *tracker) closedByHolder(cond ssa.Value) bool {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return false
	}
	recv, ok := ex.Tuple.(*ssa.UnOp)
	if !ok || recv.Op != token.ARROW || !recv.CommaOk {
		return false
	}
	ch := recv.X
	for {
		ct, ok := ch.(*ssa.ChangeType)
		if !ok {
			break
		}
		ch = ct.X
	}
	res, ok := ch.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := res.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	fn, _ := callee.Object().(*types.Func)
	if !resource.ClosedAfterRelease(fn, res.Index) {
		return false
	}
	for _, a := range call.Call.Args {
		if _, tracked := t.values[a]; tracked {
			return true
		}
	}
	return false
}

// failsOnlyOffType reports whether v is the error of a call of a function
// of the package given the tracked resource (whose concrete type the
// knowledge table decides, as in assertsOwnType) whose every return of a
// possibly non-nil error lies on the failing side of a comma-ok
// assertion of that parameter to the resource's type, or of its Addr()
// to the address type the table gives that type's Addr method
// (`tcpAddr, ok := ln.Addr().(*net.TCPAddr); if !ok { return 0, err }`
// in a helper given the listener of net.Listen("tcp", ...)): the error
// is nil.
func (t *tracker) failsOnlyOffType(v ssa.Value) bool {
	if t.dynType == "" {
		return false
	}
	ex, ok := v.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || call.Call.IsInvoke() || ex.Index != call.Call.Signature().Results().Len()-1 || !isError(ex.Type()) {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg != t.e.pkg || len(callee.Blocks) == 0 || len(callee.Params) != len(call.Call.Args) {
		return false
	}
	param := -1
	for i, a := range call.Call.Args {
		if tr, held := t.values[a]; held && tr.role == roleWhole {
			param = i
		}
	}
	if param < 0 {
		return false
	}
	p := callee.Params[param]
	addrType := errpath.AddrType("(" + t.dynType + ").Addr")
	for ret := range ssanav.Returns(callee) {
		if len(ret.Results) == 0 {
			return false
		}
		res := ret.Results[len(ret.Results)-1]
		if errpath.At(ret.Block(), res) == errpath.Nil {
			continue
		}
		if !afterFailedAssertion(ret.Block(), p, t.dynType, addrType) {
			return false
		}
	}
	return true
}

// afterFailedAssertion reports whether b is reached only through the
// failing side of `p.(T)` with T spelled typ, or of `p.Addr().(A)` with A
// spelled addrType.
func afterFailedAssertion(b *ssa.BasicBlock, p *ssa.Parameter, typ, addrType string) bool {
	for d := b.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 {
			continue
		}
		s := d.Succs[1]
		if !s.Dominates(b) || len(s.Preds) != 1 {
			continue
		}
		ex, ok := iff.Cond.(*ssa.Extract)
		if !ok || ex.Index != 1 {
			continue
		}
		ta, ok := ex.Tuple.(*ssa.TypeAssert)
		if !ok || !ta.CommaOk {
			continue
		}
		asserted := types.TypeString(ta.AssertedType, nil)
		if ta.X == p && asserted == typ {
			return true
		}
		if c, ok := ta.X.(*ssa.Call); ok && addrType != "" && asserted == addrType &&
			c.Call.IsInvoke() && c.Call.Value == p && c.Call.Method.Name() == "Addr" && len(c.Call.Args) == 0 {
			return true
		}
	}
	return false
}
