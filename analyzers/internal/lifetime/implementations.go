package lifetime

import (
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// implKey names a method of an interface type: the interface method object
// alone is not enough, since one method of an embedded interface is a
// method of every interface that embeds it.
type implKey struct {
	iface  *types.Named
	method string
}

// implementations returns the functions that a call of method m of the
// interface iface can run, when iface is an unexported interface the
// package declares: the methods of the package's own types that implement
// it, each declared on that type (a method promoted from an embedded field
// delegates to another value, and is left out). ok is false when the answer
// is not known that way: an exported interface (other packages implement
// it), a generic one, or a generic implementation.
func (e *engine) implementations(iface *types.Named, m string) (impls []*ssa.Function, ok bool) {
	key := implKey{iface, m}
	if r, done := e.impls[key]; done {
		return r, r != nil
	}
	defer func() { e.impls[key] = impls }()
	obj := iface.Obj()
	if obj.Pkg() != e.pass.Pkg || obj.Exported() || iface.TypeParams().Len() > 0 || obj.Parent() != e.pass.Pkg.Scope() {
		return nil, false
	}
	it, isIface := iface.Underlying().(*types.Interface)
	if !isIface {
		return nil, false
	}
	scope := e.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, isType := scope.Lookup(name).(*types.TypeName)
		if !isType || tn.IsAlias() || tn == obj {
			continue
		}
		named, isNamed := tn.Type().(*types.Named)
		if !isNamed || types.IsInterface(named) {
			continue
		}
		var impl types.Type
		switch {
		case types.Implements(named, it):
			impl = named
		case types.Implements(types.NewPointer(named), it):
			impl = types.NewPointer(named)
		default:
			continue
		}
		if named.TypeParams().Len() > 0 {
			return nil, false // which instance runs is not known here
		}
		sel, _, _ := types.LookupFieldOrMethod(impl, true, e.pass.Pkg, m)
		fn, isFunc := sel.(*types.Func)
		if !isFunc {
			return nil, false
		}
		if recvNamed(fn) != named {
			continue // promoted: the embedded value's method runs
		}
		f := e.pkg.Prog.FuncValue(fn)
		if f == nil || f.Pkg != e.pkg || f.Blocks == nil {
			return nil, false
		}
		impls = append(impls, f)
	}
	if len(impls) == 0 {
		return nil, false
	}
	return impls, true
}

// recvNamed returns the named type fn is declared on.
func recvNamed(fn *types.Func) *types.Named {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return nil
	}
	t := recv.Type()
	if p, isPtr := t.(*types.Pointer); isPtr {
		t = p.Elem()
	}
	n, _ := t.(*types.Named)
	return n
}

// implementedAcquisitions returns what a call of a method of the package's
// own unexported interface acquires: a result that every implementation
// the package declares returns owned, of the same kind (an interface over
// an HTTP client whose every implementation returns the response of
// (*http.Client).Do). An implementation being summarised further up the
// stack (a wrapper that calls the interface it implements, to delegate to
// another value) is left out; at least one other must say so. Where one
// implementation does not return the result owned, nothing is acquired.
func (e *engine) implementedAcquisitions(call *ssa.Call) []acquisition {
	c := call.Common()
	iface, isNamed := types.Unalias(c.Value.Type()).(*types.Named)
	if !isNamed {
		return nil
	}
	impls, ok := e.implementations(iface, c.Method.Name())
	if !ok {
		return nil
	}
	type resultKey struct {
		index int
		kind  string
	}
	var common map[resultKey]OwnedResult
	counted := 0
	for _, fn := range impls {
		if e.inProgress[fn] {
			continue // delegates; the others say what it returns
		}
		s, _ := e.summaryOf(fn)
		if s == nil {
			return nil
		}
		obj, _ := fn.Object().(*types.Func)
		mine := map[resultKey]OwnedResult{}
		for _, r := range s.Results {
			if len(r.OnlyIfNil) > 0 || resource.HoldsNothing(obj, r.Index) {
				continue
			}
			mine[resultKey{r.Index, r.Kind}] = r
		}
		if counted == 0 {
			common = mine
		} else {
			for k, r := range common {
				m, both := mine[k]
				if !both {
					delete(common, k)
					continue
				}
				r.WithError = r.WithError || m.WithError
				r.Drained = r.Drained && m.Drained
				common[k] = r
			}
		}
		counted++
		if len(common) == 0 {
			return nil
		}
	}
	if counted == 0 {
		return nil
	}
	var acqs []acquisition
	for _, r := range common {
		if k := e.kindByID(r.Kind); k != nil && r.Index < c.Signature().Results().Len() {
			acqs = append(acqs, acquisition{call: call, result: r.Index, kind: k, evidence: r.At, withError: r.WithError, drained: r.Drained})
		}
	}
	// The same order on every run.
	slices.SortFunc(acqs, func(a, b acquisition) int {
		if a.result != b.result {
			return a.result - b.result
		}
		return strings.Compare(a.kind.ID, b.kind.ID)
	})
	return acqs
}
