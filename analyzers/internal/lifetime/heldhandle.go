package lifetime

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Database handles a wrapper holds.
//
// A query builder or repository keeps the database it is given in a field
// (`goqu.New("mock", db)` stores db in Database.Db) and takes its
// transactions and rows from that field in its methods. Two summaries let
// a caller see through it: the constructor's says which parameter a field
// of its result holds (Summary.Holds), and the method's says that its
// owned result is taken from the database handle a field of its receiver
// holds (OwnedResult.Handle). A caller whose receiver was made in sight
// from a database whose driver answers from memory (go-sqlmock, see
// fromMemoryDatabase), passing no context that can be cancelled, acquires
// nothing by the call.

// HandleSource says that an owned result is taken from the database
// handle in field Field of parameter Param (index 0 is the receiver of a
// method), and that the only contexts the taking call is given are never
// done or are the parameters listed in Contexts.
type HandleSource struct {
	Param    int
	Field    int
	Contexts []int
}

func (h *HandleSource) equal(o *HandleSource) bool {
	return h != nil && o != nil && h.Param == o.Param && h.Field == o.Field && slices.Equal(h.Contexts, o.Contexts)
}

// FieldHold says that on every return with a non-nil result Result (a
// pointer to a struct), field Field of that struct holds parameter Param.
// Only fields that can hold a database handle are listed.
type FieldHold struct {
	Result int
	Field  int
	Param  int
}

// handleSource returns where the database/sql call that acquires in fn
// takes its handle from, when that is a field of one of fn's parameters.
func handleSource(fn *ssa.Function, call *ssa.Call) *HandleSource {
	c := call.Common()
	var recv ssa.Value
	switch {
	case c.IsInvoke():
		recv = c.Value
	case c.StaticCallee() != nil && c.StaticCallee().Signature.Recv() != nil && len(c.Args) > 0:
		recv = c.Args[0]
	default:
		return nil
	}
	if !holdsHandle(recv.Type()) {
		return nil
	}
	ld, ok := recv.(*ssa.UnOp)
	if !ok {
		return nil
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	p, ok := fa.X.(*ssa.Parameter)
	if !ok {
		return nil
	}
	i := slices.Index(fn.Params, p)
	if i < 0 {
		return nil
	}
	h := &HandleSource{Param: i, Field: fa.Field}
	args := c.Args
	if !c.IsInvoke() {
		args = args[1:]
	}
	for _, a := range args {
		if types.TypeString(a.Type(), nil) != "context.Context" {
			continue
		}
		if plainContext(&ssa.CallCommon{Args: []ssa.Value{a}}) {
			continue
		}
		cp, ok := a.(*ssa.Parameter)
		if !ok {
			return nil
		}
		h.Contexts = append(h.Contexts, slices.Index(fn.Params, cp))
	}
	return h
}

// holdsHandle reports whether a value of type t can be a database handle
// of database/sql: *sql.DB, *sql.Tx or *sql.Conn, or an interface with a
// method that returns rows, a statement, a transaction or a connection.
func holdsHandle(t types.Type) bool {
	if isSQLHandle(t) {
		return true
	}
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for m := range it.Methods() {
		res := m.Type().(*types.Signature).Results()
		for v := range res.Variables() {
			switch types.TypeString(v.Type(), nil) {
			case "*database/sql.Rows", "*database/sql.Stmt", "*database/sql.Tx", "*database/sql.Conn":
				return true
			}
		}
	}
	return false
}

// fieldHolds returns what fn's results hold of its parameters in fields
// that can hold a database handle: a struct it allocates and fills, or
// the result of a call of a function whose summary says so.
func (e *engine) fieldHolds(fn *ssa.Function) []FieldHold {
	n := fn.Signature.Results().Len()
	var out []FieldHold
	for j := 0; j < n; j++ {
		var common []FieldHold
		first := true
		for ret := range returnsOf(fn) {
			if j >= len(ret.Results) {
				return nil
			}
			v := ret.Results[j]
			if c, ok := v.(*ssa.Const); ok && c.IsNil() {
				continue // nothing to call a method on
			}
			hs := e.holdsOf(fn, v, j)
			if first {
				common, first = hs, false
				continue
			}
			common = slices.DeleteFunc(common, func(h FieldHold) bool { return !slices.Contains(hs, h) })
		}
		out = append(out, common...)
	}
	return out
}

// holdsOf returns what v, result j of fn, holds of fn's parameters.
func (e *engine) holdsOf(fn *ssa.Function, v ssa.Value, j int) []FieldHold {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
		j = ex.Index
	}
	var out []FieldHold
	switch v := v.(type) {
	case *ssa.Alloc:
		st, ok := v.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		for _, ref := range *v.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v || !holdsHandle(st.Field(fa.Field).Type()) {
				continue
			}
			for _, use := range *fa.Referrers() {
				store, ok := use.(*ssa.Store)
				if !ok || store.Addr != fa {
					continue
				}
				val := store.Val
				if mi, ok := val.(*ssa.MakeInterface); ok {
					val = mi.X
				}
				if p, ok := val.(*ssa.Parameter); ok {
					if i := slices.Index(fn.Params, p); i >= 0 {
						out = append(out, FieldHold{Result: j, Field: fa.Field, Param: i})
					}
				}
			}
		}
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil || v.Call.IsInvoke() {
			return nil
		}
		s, _ := e.summaryOf(originOf(callee))
		if s == nil {
			return nil
		}
		for _, h := range s.Holds {
			if h.Result != j || h.Param >= len(v.Call.Args) {
				continue
			}
			if p, ok := v.Call.Args[h.Param].(*ssa.Parameter); ok {
				if i := slices.Index(fn.Params, p); i >= 0 {
					out = append(out, FieldHold{Result: j, Field: h.Field, Param: i})
				}
			}
		}
	}
	return out
}

// returnsOf yields fn's return instructions.
func returnsOf(fn *ssa.Function) func(func(*ssa.Return) bool) {
	return func(yield func(*ssa.Return) bool) {
		for _, b := range fn.Blocks {
			if ret, ok := lastInstr(b).(*ssa.Return); ok && !yield(ret) {
				return
			}
		}
	}
}

// fromMemoryHandle reports whether the call, of a function whose owned
// result is taken from a handle its parameter holds (h), is given there a
// value that a call in sight made from a database whose driver answers
// from memory, and only contexts that are never done where h lists them.
func (e *engine) fromMemoryHandle(call *ssa.Call, h *HandleSource) bool {
	args := call.Common().Args
	if h == nil || h.Param >= len(args) {
		return false
	}
	for _, i := range h.Contexts {
		if i < 0 || i >= len(args) || !plainContext(&ssa.CallCommon{Args: []ssa.Value{args[i]}}) {
			return false
		}
	}
	v := args[h.Param]
	j := 0
	if ex, ok := v.(*ssa.Extract); ok {
		v, j = ex.Tuple, ex.Index
	}
	made, ok := v.(*ssa.Call)
	if !ok || made.Call.IsInvoke() || made.Call.StaticCallee() == nil {
		return false
	}
	s, _ := e.summaryOf(originOf(made.Call.StaticCallee()))
	if s == nil {
		return false
	}
	for _, fh := range s.Holds {
		if fh.Result != j || fh.Field != h.Field || fh.Param >= len(made.Call.Args) {
			continue
		}
		db := made.Call.Args[fh.Param]
		if mi, ok := db.(*ssa.MakeInterface); ok {
			db = mi.X
		}
		if e.memoryHandle(db, 0) {
			return true
		}
	}
	return false
}
