package lifetime

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// A method that refuses to work once its receiver is closed.
//
// `func (s *Server) Serve(ln net.Listener) error { if s.closed { return
// errClosed }; s.listeners[ln] = ...` keeps the listener it is given in
// the server, whose Close closes it, except where the server was closed
// first: a call after Close, which the type's contract forbids. The
// path on which a boolean field of the receiver that the type's own
// release method sets to true is true is that misuse; the walk that
// summarises what the method does with its other parameters leaves it
// out, as it leaves out a path on which the caller's test has failed.

// afterOwnerClosed reports whether, on the edge of cond that is taken
// (or not), a flag of the receiver that the receiver's release method
// sets is true. It holds only in the walk of a parameter other than the
// receiver.
func (t *tracker) afterOwnerClosed(cond ssa.Value, taken bool) bool {
	if !t.param || t.fn.Signature.Recv() == nil || len(t.fn.Params) == 0 {
		return false
	}
	recv := t.fn.Params[0]
	if _, tracked := t.values[recv]; tracked {
		return false // the receiver's own walk: alreadyDone decides
	}
	for {
		u, ok := cond.(*ssa.UnOp)
		if !ok || u.Op != token.NOT {
			break
		}
		cond, taken = u.X, !taken
	}
	if !taken {
		return false
	}
	ld, ok := cond.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || canon(fa.X) != recv {
		return false
	}
	return t.e.setOnRelease(recv, fa.Field)
}

// setOnRelease reports whether a release method of recv's type, declared
// in this package, stores true in field of its receiver.
func (e *engine) setOnRelease(recv *ssa.Parameter, field int) bool {
	for _, name := range e.table.ReleaseNames() {
		m := e.packageMethod(recv.Type(), name)
		if m == nil || len(m.Params) == 0 {
			continue
		}
		for _, b := range m.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok || canon(fa.X) != m.Params[0] || fa.Field != field {
					continue
				}
				if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool && constant.BoolVal(c.Value) {
					return true
				}
			}
		}
	}
	return false
}
