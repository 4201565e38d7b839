package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A setter in another package that keeps what it is given in the
// package's own variables (logrus.SetOutput(f) storing the writer in the
// standard logger, a registry's Register(name, conn) filling a
// package-level map) takes the value for the rest of the process: the
// caller has handed it over. Inside a package seenToKeep sees such a store
// from the callee's body; across packages the body is not there, so the
// callee's summary says which of its interface-typed parameters it keeps
// in package-level memory (Summary.Globals).
//
// Only stores whose address is rooted in a package-level variable count:
// a field of a global struct, of what a global pointer points to, an
// element of a global map, or the receiver of a method called on one.
// A store into a parameter's own memory (bufio's reset keeping the reader
// in the Reader it is building) or into a value the function returns does
// not: the caller still holds the resource through that value, and the
// wrapper rules decide.

// globalKeepKey memoises keepsInGlobal and storesIntoParams.
type globalKeepKey struct {
	fn *ssa.Function
	i  int
}

// keptGlobally reports whether a call of fn keeps its parameter i (index
// 0 is the receiver of a method) in package-level memory: from fn's body
// for a function of this package, from its summary otherwise.
func (e *engine) keptGlobally(fn *ssa.Function, i int) bool {
	if fn == nil {
		return false
	}
	if fn.Pkg == e.pkg && fn.Blocks != nil {
		return e.keepsInGlobal(fn, i)
	}
	s, _ := e.summaryOf(fn)
	return s.keepsGlobally(i)
}

// keepsInGlobal reports whether fn, a function with a body, stores its
// parameter i, or an interface or type conversion of it, in memory rooted
// at a package-level variable on some path.
func (e *engine) keepsInGlobal(fn *ssa.Function, i int) bool {
	if len(fn.Blocks) == 0 || i >= len(fn.Params) {
		return false
	}
	k := globalKeepKey{fn, i}
	if v, ok := e.globalKeeps[k]; ok {
		return v
	}
	e.globalKeeps[k] = false // recursion through itself keeps nothing
	kept := false
	e.followStores(fn.Params[i], map[ssa.Value]bool{}, func(st ssa.Instruction, addr ssa.Value) bool {
		if addr != nil {
			return globalRoot(addr)
		}
		call := st.(ssa.CallInstruction).Common()
		callee := call.StaticCallee()
		if callee == nil {
			return false
		}
		callee = originOf(callee)
		for j, a := range call.Args {
			if !e.flowsFrom(a, fn.Params[i]) {
				continue
			}
			if e.keptGlobally(callee, j) {
				return true
			}
			for _, r := range e.storesIntoParams(callee, j) {
				if r < len(call.Args) && globalRoot(call.Args[r]) {
					return true
				}
			}
		}
		return false
	}, &kept)
	e.globalKeeps[k] = kept
	return kept
}

// storesIntoParams returns the parameters of fn (a function of this
// package with a body) into whose memory fn stores its parameter i: the
// receiver of a setter (`l.out = w`).
func (e *engine) storesIntoParams(fn *ssa.Function, i int) []int {
	if fn.Pkg != e.pkg || len(fn.Blocks) == 0 || i >= len(fn.Params) {
		return nil
	}
	k := globalKeepKey{fn, i}
	if v, ok := e.paramStores[k]; ok {
		return v
	}
	e.paramStores[k] = nil
	var into []int
	found := false
	e.followStores(fn.Params[i], map[ssa.Value]bool{}, func(_ ssa.Instruction, addr ssa.Value) bool {
		if addr == nil {
			return false
		}
		if p, ok := addrRoot(addr).(*ssa.Parameter); ok {
			for j, q := range fn.Params {
				if q == p && j != i {
					into = append(into, j)
				}
			}
		}
		return false
	}, &found)
	e.paramStores[k] = into
	return into
}

// followStores follows v through conversions and copies and calls visit
// for each store of it (addr the stored-to address, or the map for a map
// update) and each static call taking it (addr nil); visit returns true to
// stop with *found set.
func (e *engine) followStores(v ssa.Value, seen map[ssa.Value]bool, visit func(ssa.Instruction, ssa.Value) bool, found *bool) {
	if *found || seen[v] {
		return
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.ChangeType, *ssa.Phi:
			e.followStores(r.(ssa.Value), seen, visit, found)
		case *ssa.Store:
			if r.Val == v && visit(r, r.Addr) {
				*found = true
			}
		case *ssa.MapUpdate:
			if (r.Value == v || r.Key == v) && visit(r, r.Map) {
				*found = true
			}
		case ssa.CallInstruction:
			if _, isGo := r.(*ssa.Go); !isGo && r.Common().Value != v && visit(r, nil) {
				*found = true
			}
		}
		if *found {
			return
		}
	}
}

// flowsFrom reports whether a is p or a conversion of it.
func (e *engine) flowsFrom(a, p ssa.Value) bool {
	for range 8 {
		if a == p {
			return true
		}
		switch x := a.(type) {
		case *ssa.MakeInterface:
			a = x.X
		case *ssa.ChangeInterface:
			a = x.X
		case *ssa.ChangeType:
			a = x.X
		default:
			return false
		}
	}
	return false
}

// addrRoot walks an address through field and element selections, and
// loads of pointers, to the value it is rooted in.
func addrRoot(addr ssa.Value) ssa.Value {
	for range 16 {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return a
			}
			addr = a.X
		default:
			return a
		}
	}
	return addr
}

// globalRoot reports whether addr (an address, a map or a pointer) is
// rooted in a package-level variable.
func globalRoot(addr ssa.Value) bool {
	_, ok := addrRoot(addr).(*ssa.Global)
	return ok
}

// mayKeepGlobally decides from type information whether the package can
// keep an argument in package-level memory: it declares a function with a
// parameter of an interface type other than the empty one, and a
// package-level variable whose type can hold such an interface (not an
// error). Only then is the package built to compute Summary.Globals.
func (e *engine) mayKeepGlobally() bool {
	holder := false
	scope := e.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && holdsInterface(v.Type(), 3) {
			holder = true
			break
		}
	}
	if !holder {
		return false
	}
	for _, obj := range e.pass.TypesInfo.Defs {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			continue
		}
		for i := 0; i < sig.Params().Len(); i++ {
			t := sig.Params().At(i).Type()
			if isInterface(t) && !isEmptyInterface(t) && !isError(t) {
				return true
			}
		}
	}
	return false
}

// holdsInterface reports whether a value of type t can hold a value of a
// non-empty interface type other than error, within depth levels of
// pointers, fields and elements.
func holdsInterface(t types.Type, depth int) bool {
	if depth < 0 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return !u.Empty() && !isError(t)
	case *types.Pointer:
		return holdsInterface(u.Elem(), depth-1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if holdsInterface(u.Field(i).Type(), depth-1) {
				return true
			}
		}
	case *types.Map:
		return holdsInterface(u.Elem(), depth-1)
	case *types.Slice:
		return holdsInterface(u.Elem(), depth-1)
	case *types.Array:
		return holdsInterface(u.Elem(), depth-1)
	}
	return false
}
