package lifetime

import (
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
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

// impl is one method that a call of an interface method can run: a method
// of the package's own type, with its SSA function, or a method of another
// package's type that the package converts to the interface (fn nil).
type impl struct {
	obj *types.Func
	fn  *ssa.Function
}

// implementations returns the methods that a call of method m of the
// interface iface can run, when iface is an unexported interface the
// package declares: the methods of the package's own types that implement
// it, each declared on that type (a method promoted from an embedded field
// delegates to another value, and is left out), and the methods of the
// other packages' types whose values the package converts to it (an
// *http.Client returned as the package's own client interface). ok is
// false when the answer is not known that way: an exported interface
// (other packages implement it), a generic one, a generic implementation,
// or a value of the interface that the package takes from another
// interface (whose dynamic type it cannot see).
func (e *engine) implementations(iface *types.Named, m string) (impls []impl, ok bool) {
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
		var recv types.Type
		switch {
		case types.Implements(named, it):
			recv = named
		case types.Implements(types.NewPointer(named), it):
			recv = types.NewPointer(named)
		default:
			continue
		}
		if named.TypeParams().Len() > 0 {
			return nil, false // which instance runs is not known here
		}
		sel, _, _ := types.LookupFieldOrMethod(recv, true, e.pass.Pkg, m)
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
		impls = append(impls, impl{fn, f})
	}
	foreign, known := e.convertedTo(iface)
	if !known {
		return nil, false
	}
	for _, t := range foreign {
		sel, _, _ := types.LookupFieldOrMethod(t, true, e.pass.Pkg, m)
		fn, isFunc := sel.(*types.Func)
		if !isFunc || fn.Pkg() == e.pass.Pkg {
			return nil, false
		}
		if sig := fn.Type().(*types.Signature); sig.Recv() == nil || types.IsInterface(sig.Recv().Type()) {
			return nil, false // promoted from an embedded interface: any value runs
		}
		impls = append(impls, impl{obj: fn})
	}
	if len(impls) == 0 {
		return nil, false
	}
	return impls, true
}

// convertedTo returns the types of other packages whose values the
// package converts to its interface iface. known is false when a value of
// iface comes from another interface value (a type assertion or a
// conversion between interfaces), or from a type that is neither named nor
// a pointer to one, or generic: its dynamic type is not known here.
func (e *engine) convertedTo(iface *types.Named) (foreign []types.Type, known bool) {
	if e.conversions == nil {
		e.conversions = e.collectConversions()
	}
	if e.conversions.opaque[iface] {
		return nil, false
	}
	return e.conversions.foreign[iface], true
}

// conversions records, for the package's unexported interfaces, what
// their values are made from.
type conversions struct {
	foreign map[*types.Named][]types.Type
	opaque  map[*types.Named]bool
	// own lists the conversions of the package's own named types (declared
	// at package level) to any interface type with methods.
	own []ownConversion
}

// ownConversion is a conversion of a value of the package's type src to
// the interface type iface; inTest, made in a _test.go file (or where the
// position is not known).
type ownConversion struct {
	iface, src types.Type
	inTest     bool
}

func (e *engine) collectConversions() *conversions {
	c := &conversions{foreign: map[*types.Named][]types.Type{}, opaque: map[*types.Named]bool{}}
	own := func(t types.Type) (*types.Named, bool) {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() != e.pass.Pkg || n.Obj().Exported() || !types.IsInterface(n) {
			return nil, false
		}
		return n, true
	}
	_, funcs := e.pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	if init := e.pkg.Func("init"); init != nil {
		// Package-level variables are initialised there.
		funcs = append(funcs[:len(funcs):len(funcs)], init)
	}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.MakeInterface:
					c.recordOwn(e, x)
					n, ok := own(x.Type())
					if !ok {
						continue
					}
					t := x.X.Type()
					base := t
					if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
						base = p.Elem()
					}
					named, isNamed := types.Unalias(base).(*types.Named)
					switch {
					case !isNamed || named.TypeArgs().Len() > 0 || named.TypeParams().Len() > 0:
						c.opaque[n] = true
					case named.Obj().Pkg() == e.pass.Pkg && named.Obj().Parent() == e.pass.Pkg.Scope():
						// The package's own type: implementations finds it.
					case named.Obj().Pkg() == e.pass.Pkg:
						c.opaque[n] = true // a type declared in a function
					case !slices.ContainsFunc(c.foreign[n], func(u types.Type) bool { return types.Identical(u, t) }):
						c.foreign[n] = append(c.foreign[n], t)
					}
				case *ssa.ChangeInterface:
					if n, ok := own(x.Type()); ok {
						c.opaque[n] = true
					}
				case *ssa.TypeAssert:
					if n, ok := own(x.AssertedType); ok {
						c.opaque[n] = true
					}
				}
			}
		}
	}
	return c
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
// implementationsKnown reports whether c, a call of an interface method,
// calls an interface whose implementations the package lists: they say
// what the call returns, more precisely than the contract of a method of
// the same name (a recorder of the package handing out responses it keeps).
func (e *engine) implementationsKnown(c *ssa.CallCommon) bool {
	iface, isNamed := types.Unalias(c.Value.Type()).(*types.Named)
	if !isNamed {
		return false
	}
	_, ok := e.implementations(iface, c.Method.Name())
	return ok
}

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
	for _, im := range impls {
		mine := map[resultKey]OwnedResult{}
		if im.fn == nil {
			// Another package's method: the table's entry, or its summary.
			if a, listed := e.table.Acquirer(im.obj); listed {
				if k := e.table.Kind(a.Kind); k != nil && e.leaksIn(k, call.Pos()) && !headThrough(call, im.obj) {
					mine[resultKey{a.Result, a.Kind}] = OwnedResult{Index: a.Result, Kind: a.Kind}
				}
			} else if !e.table.IsExempt(im.obj) {
				var s Summary
				if !e.pass.ImportObjectFact(im.obj.Origin(), &s) {
					return nil
				}
				for _, r := range s.Results {
					if len(r.OnlyIfNil) > 0 || len(r.OnlyIfType) > 0 || len(r.UnlessTest) > 0 || resource.HoldsNothing(im.obj, r.Index) {
						continue
					}
					mine[resultKey{r.Index, r.Kind}] = r
				}
			}
		} else {
			if e.inProgress[im.fn] {
				continue // delegates; the others say what it returns
			}
			s, _ := e.summaryOf(im.fn)
			if s == nil {
				return nil
			}
			for _, r := range s.Results {
				if len(r.OnlyIfNil) > 0 || len(r.UnlessTest) > 0 || resource.HoldsNothing(im.obj, r.Index) {
					continue
				}
				mine[resultKey{r.Index, r.Kind}] = r
			}
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

// headThrough reports whether call, a call of an interface method that
// runs the sender obj (an *http.Client converted to the package's own
// interface), sends a HEAD request: its response has no body to hold.
func headThrough(call *ssa.Call, obj *types.Func) bool {
	s, ok := resource.SenderOf(obj)
	if !ok || s.Request < 1 {
		return false
	}
	// The sender's indices count its receiver; an invoke's arguments do not.
	i := s.Request - 1
	args := call.Common().Args
	if i >= len(args) {
		return false
	}
	r, ok := traceRequest(args[i], call)
	return ok && r.isHead(call)
}

// recordOwn records x when it converts a value of a type the package
// declares at package level to an interface type with methods.
func (c *conversions) recordOwn(e *engine, x *ssa.MakeInterface) {
	pkg := e.pass.Pkg
	it, isIface := x.Type().Underlying().(*types.Interface)
	if !isIface || it.NumMethods() == 0 {
		return
	}
	base := x.X.Type()
	if p, isPtr := types.Unalias(base).(*types.Pointer); isPtr {
		base = p.Elem()
	}
	named, isNamed := types.Unalias(base).(*types.Named)
	if !isNamed || named.Obj().Pkg() != pkg || named.Obj().Parent() != pkg.Scope() || named.TypeParams().Len() > 0 {
		return
	}
	pos := x.Pos()
	if !pos.IsValid() {
		outer := x.Parent()
		for outer.Parent() != nil {
			outer = outer.Parent()
		}
		pos = outer.Pos()
	}
	inTest := !pos.IsValid() || e.inTestFile(pos)
	for _, o := range c.own {
		if types.Identical(o.iface, x.Type()) && types.Identical(o.src, x.X.Type()) && o.inTest == inTest {
			return
		}
	}
	c.own = append(c.own, ownConversion{x.Type(), x.X.Type(), inTest})
}

// standInFor reports whether c, a call of an interface method that a
// contract answers (a, an acquirer through interfaces), may run a method
// of the package's own type that does not keep the contract: the package
// converts a value of its type to the called interface, and that type's
// method does not return the acquired kind owned (an in-memory client
// answering with a response that no connection stands behind). The
// package then makes such values itself, and which value a call runs is
// not known: nothing is taken as acquired. A method of the package that
// delegates to the interface it implements (being summarised further up
// the stack) says nothing either way. The stand-ins that the package's
// _test.go files make are values of the test build alone: they answer for
// calls in those files, not for the package's own code, whose program
// has no such values (a test's fake dialer says nothing of the driver's
// dial).
func (e *engine) standInFor(call *ssa.Call, a resource.Acquirer) bool {
	if e.conversions == nil {
		e.conversions = e.collectConversions()
	}
	c := call.Common()
	t := c.Value.Type()
	pos := call.Pos()
	if !pos.IsValid() {
		pos = call.Parent().Pos()
	}
	callInTest := pos.IsValid() && e.inTestFile(pos)
	for _, o := range e.conversions.own {
		if !types.Identical(o.iface, t) || (o.inTest && !callInTest) {
			continue
		}
		sel, _, _ := types.LookupFieldOrMethod(o.src, true, e.pass.Pkg, c.Method.Name())
		fn, isFunc := sel.(*types.Func)
		if !isFunc {
			continue
		}
		f := e.pkg.Prog.FuncValue(fn)
		if f == nil || f.Pkg != e.pkg || f.Blocks == nil || recvNamed(fn) == nil || recvNamed(fn).Obj().Pkg() != e.pass.Pkg {
			continue // promoted from another package's type: it delegates
		}
		if e.inProgress[f] {
			continue
		}
		s, _ := e.summaryOf(f)
		if s == nil || !slices.ContainsFunc(s.Results, func(r OwnedResult) bool {
			return r.Index == a.Result && r.Kind == a.Kind
		}) {
			return true
		}
	}
	return false
}
