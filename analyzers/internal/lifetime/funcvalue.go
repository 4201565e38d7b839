package lifetime

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
)

// A call through a function value acquires what every function the value
// can be acquires. Code that picks a dialer once and calls it later
//
//	dial := d.DialContext // (*net.Dialer).DialContext or (*tls.Dialer).DialContext
//	...
//	conn, err := dial(ctx, "tcp", addr)
//
// holds the connection as a direct call of either method would. The value
// must be in sight: a function, or a method value, stored only into
// variables of this function or of the functions enclosing it, each one
// a table acquirer of the same kind and result. A parameter, a field, a
// global or a call's result may be anything and keeps the call silent.

// maxFuncValues bounds the values funcValueAcquirer follows.
const maxFuncValues = 8

// funcValueAcquirer returns the table entry that a call of the function
// value c.Value stands for, and one of the functions it can be.
func (e *engine) funcValueAcquirer(c *ssa.CallCommon) (resource.Acquirer, *types.Func, bool) {
	if c.IsInvoke() || c.StaticCallee() != nil {
		return resource.Acquirer{}, nil, false
	}
	objs, ok := funcValueObjects(c.Value, map[ssa.Value]bool{}, 0)
	if !ok || len(objs) == 0 {
		return resource.Acquirer{}, nil, false
	}
	var first resource.Acquirer
	for i, obj := range objs {
		a, ok := e.table.Acquirer(obj)
		if !ok {
			return resource.Acquirer{}, nil, false
		}
		if i == 0 {
			first = a
		} else if a.Kind != first.Kind || a.Result != first.Result {
			return resource.Acquirer{}, nil, false
		}
	}
	return first, objs[0], true
}

// funcValueObjects returns the declared functions and methods the
// function value v can be; ok is false when some value is out of sight.
func funcValueObjects(v ssa.Value, seen map[ssa.Value]bool, n int) (objs []*types.Func, ok bool) {
	if seen[v] {
		return nil, true
	}
	seen[v] = true
	if len(seen) > maxFuncValues*4 {
		return nil, false
	}
	switch x := v.(type) {
	case *ssa.Function:
		obj, _ := x.Object().(*types.Func)
		if obj == nil || len(x.FreeVars) > 0 {
			return nil, false
		}
		return []*types.Func{obj}, true
	case *ssa.MakeClosure:
		// A method value: the receiver bound to a wrapper of the method.
		fn, _ := x.Fn.(*ssa.Function)
		if fn == nil || !strings.HasSuffix(fn.Name(), "$bound") {
			return nil, false
		}
		obj, _ := fn.Object().(*types.Func)
		if obj == nil {
			return nil, false
		}
		return []*types.Func{obj}, true
	case *ssa.Const:
		if x.IsNil() {
			return nil, true // a call of nil panics: no path returns from it
		}
		return nil, false
	case *ssa.Phi:
		for _, edge := range x.Edges {
			more, ok := funcValueObjects(edge, seen, n)
			if !ok {
				return nil, false
			}
			objs = append(objs, more...)
		}
		return objs, true
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil, false
		}
		cell, ok := cellOf(x.X) // a local variable, or a literal's captured one
		if !ok {
			return nil, false
		}
		stored, ok := storesTo(cell)
		if !ok {
			return nil, false
		}
		for _, s := range stored {
			more, ok := funcValueObjects(s, seen, n)
			if !ok {
				return nil, false
			}
			objs = append(objs, more...)
		}
		return objs, len(objs) <= maxFuncValues
	}
	return nil, false
}

// storesTo returns the values stored into the local variable cell, when
// every other use of it only loads it or captures it in a literal that
// only loads it.
func storesTo(cell *ssa.Alloc) ([]ssa.Value, bool) {
	var vals []ssa.Value
	for _, ref := range *cell.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr != cell {
				return nil, false
			}
			vals = append(vals, r.Val)
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
		case *ssa.MakeClosure:
			if !capturedToLoad(r, cell) {
				return nil, false
			}
		case *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return vals, true
}
