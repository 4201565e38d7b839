package lifetime

import (
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// fromMemoryDatabase reports whether the database/sql acquisition call
// (a Query, Prepare, Begin or Conn) is made on a value that comes, in
// this function, from a database whose driver answers from memory
// (resource.InMemoryDatabase: go-sqlmock's New), directly or through a
// transaction or connection taken from it, and passes no context that
// can be cancelled: what it hands out holds nothing outside the process.
func (e *engine) fromMemoryDatabase(call *ssa.CallCommon) bool {
	callee := call.StaticCallee()
	if callee == nil || call.IsInvoke() || len(call.Args) == 0 || callee.Signature.Recv() == nil {
		return false
	}
	if !isSQLHandle(call.Args[0].Type()) || !plainContext(call) {
		return false
	}
	return e.memoryHandle(call.Args[0], 0)
}

// memoryHandle reports whether v, a *sql.DB, *sql.Tx or *sql.Conn, is a
// database of an in-memory driver or was taken from one.
func (e *engine) memoryHandle(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	ex, ok := v.(*ssa.Extract)
	if !ok {
		return false
	}
	c, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := c.Call.StaticCallee()
	if callee == nil {
		return false
	}
	fn, _ := callee.Object().(*types.Func)
	if resource.InMemoryDatabase(fn, ex.Index) {
		return true
	}
	// A transaction or connection taken from such a database.
	return ex.Index == 0 && isSQLHandle(ex.Type()) && e.fromMemoryDatabase(&c.Call) && e.memoryHandle(c.Call.Args[0], depth+1)
}

// isSQLHandle reports whether t is *sql.DB, *sql.Tx or *sql.Conn.
func isSQLHandle(t types.Type) bool {
	switch types.TypeString(t, nil) {
	case "*database/sql.DB", "*database/sql.Tx", "*database/sql.Conn":
		return true
	}
	return false
}

// plainContext reports whether every context.Context argument of the call
// is context.Background() or context.TODO(), which are never done: a
// cancellable one makes database/sql start a goroutine that waits for it.
func plainContext(call *ssa.CallCommon) bool {
	for _, a := range call.Args {
		if types.TypeString(a.Type(), nil) != "context.Context" {
			continue
		}
		c, ok := a.(*ssa.Call)
		if !ok {
			return false
		}
		callee := c.Call.StaticCallee()
		if callee == nil {
			return false
		}
		fn, _ := callee.Object().(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || fn.Name() != "Background" && fn.Name() != "TODO" {
			return false
		}
	}
	return true
}
