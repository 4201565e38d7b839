package lifetime

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// Readers that hold only memory.
//
// A table acquirer on an interface method (a layer's Uncompressed) says
// what the interface's contract is; the value behind the interface may
// still be one whose method hands out a reader of memory alone
// (io.NopCloser over a byte slice), and closing that reader releases
// nothing. When the receiver's dynamic type is decidable (the result of a
// constructor that always returns the same kind of value, a value of a
// concrete type boxed in sight) and that type's method returns only such
// readers, the call acquires nothing. A constructor's answer travels to
// other packages as a memResults fact.

// memMethod names a method called through an interface and the result
// of it that the table says is acquired.
type memMethod struct {
	Name   string
	Result int
}

// memResult: result Index of a function, an interface value, has on
// every return a dynamic type whose listed methods return only memory.
type memResult struct {
	Index   int
	Methods []memMethod
}

// memResults is the fact exported on a function whose interface results
// hand out readers of memory alone (static.NewLayer's layer).
type memResults struct {
	Results []memResult
}

// AFact marks memResults as an analysis fact.
func (*memResults) AFact() {}

func (f *memResults) String() string {
	var parts []string
	for _, r := range f.Results {
		var ms []string
		for _, m := range r.Methods {
			ms = append(ms, fmt.Sprintf("%s#%d", m.Name, m.Result))
		}
		parts = append(parts, fmt.Sprintf("result %d: %s", r.Index, strings.Join(ms, ", ")))
	}
	return "memory(" + strings.Join(parts, "; ") + ")"
}

type memKey struct {
	fn     *ssa.Function
	result int
}

// acquiredInMemory reports whether the invoked table acquirer (method
// name, result i) of call returns only memory, for every dynamic type its
// receiver can have.
func (e *engine) acquiredInMemory(call *ssa.Call, name string, i int) bool {
	c := call.Common()
	if !c.IsInvoke() || i < 0 {
		return false
	}
	want := memMethod{name, i}
	return slices.Contains(e.memMethodsOf(c.Value, []memMethod{want}, map[ssa.Value]bool{}), want)
}

// acquirerMethods returns the methods of the interface type t that the
// table lists as acquirers, with the result each acquires.
func (e *engine) acquirerMethods(t types.Type) []memMethod {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return nil // its constraint says nothing of the dynamic type
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []memMethod
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		a, ok := e.table.Acquirer(m)
		if !ok {
			a, ok = e.table.InterfaceAcquirer(m)
		}
		if ok && a.Result >= 0 {
			out = append(out, memMethod{m.Name(), a.Result})
		}
	}
	return out
}

// memFact computes the fact for fn: for each result of an interface type
// with acquiring methods, which of them return only memory whatever fn
// returned.
func (e *engine) memFact(fn *ssa.Function) *memResults {
	res := fn.Signature.Results()
	var f memResults
	for i := 0; i < res.Len(); i++ {
		cands := e.acquirerMethods(res.At(i).Type())
		if len(cands) == 0 {
			continue
		}
		if ms := e.resultMethods(fn, i, cands); len(ms) > 0 {
			f.Results = append(f.Results, memResult{i, ms})
		}
	}
	if len(f.Results) == 0 {
		return nil
	}
	return &f
}

// memMethodsOf returns those of cands that, called on the interface
// value v, return only memory in the given result on every path that
// gives v a dynamic type (a nil interface has none: calling it panics).
func (e *engine) memMethodsOf(v ssa.Value, cands []memMethod, seen map[ssa.Value]bool) []memMethod {
	if len(cands) == 0 {
		return nil
	}
	if seen[v] {
		return cands // a cycle adds no dynamic type
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		if x.IsNil() {
			return cands
		}
	case *ssa.ChangeInterface:
		return e.memMethodsOf(x.X, cands, seen)
	case *ssa.MakeInterface:
		return e.typeMethods(x.X.Type(), cands)
	case *ssa.Phi:
		out := cands
		for _, ed := range x.Edges {
			out = e.memMethodsOf(ed, out, seen)
		}
		return out
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return e.calleeMethods(call, x.Index, cands)
		}
	case *ssa.Call:
		if x.Call.Signature().Results().Len() == 1 {
			return e.calleeMethods(x, 0, cands)
		}
	case *ssa.UnOp:
		// An element of a slice or array literal, or a field of a struct
		// literal, of the function: what was stored there.
		stored, ok := storedInLocal(x)
		if !ok {
			return nil
		}
		out := cands
		for _, st := range stored {
			out = e.memMethodsOf(st, out, seen)
		}
		return out
	}
	return nil
}

// storedInLocal returns every value stored where the load ld reads: an
// element of an array the function allocates (a slice or array literal,
// indexed directly or through slices of it), or a field of a struct it
// allocates (an options literal), when that memory is used for nothing
// but those stores, loads and slicing: handed anywhere else, something
// else may be stored there.
func storedInLocal(ld *ssa.UnOp) ([]ssa.Value, bool) {
	if ld.Op != token.MUL {
		return nil, false
	}
	var base ssa.Value
	field := -1
	switch a := ld.X.(type) {
	case *ssa.IndexAddr:
		base = a.X
		if sl, ok := base.(*ssa.Slice); ok {
			base = sl.X
		}
	case *ssa.FieldAddr:
		base, field = a.X, a.Field
	default:
		return nil, false
	}
	alloc, ok := base.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	var stored []ssa.Value
	var addrs func(v ssa.Value) bool
	addrs = func(v ssa.Value) bool {
		for _, ref := range *v.Referrers() {
			var addr ssa.Value
			switch u := ref.(type) {
			case *ssa.DebugRef:
				continue
			case *ssa.Slice:
				if field >= 0 || u.X != v || !addrs(u) {
					return false
				}
				continue
			case *ssa.IndexAddr:
				if field >= 0 || u.X != v {
					return false
				}
				addr = u
			case *ssa.FieldAddr:
				if field < 0 || u.X != v {
					return false
				}
				if u.Field != field {
					continue
				}
				addr = u
			case *ssa.Call:
				// len and cap of a slice of it read nothing stored.
				b, isBuiltin := u.Call.Value.(*ssa.Builtin)
				if !isBuiltin || b.Name() != "len" && b.Name() != "cap" {
					return false
				}
				continue
			default:
				return false
			}
			for _, r := range *addr.Referrers() {
				switch y := r.(type) {
				case *ssa.Store:
					if y.Addr != addr {
						return false
					}
					stored = append(stored, y.Val)
				case *ssa.UnOp:
					if y.Op != token.MUL {
						return false
					}
				case *ssa.DebugRef:
				default:
					return false
				}
			}
		}
		return true
	}
	if !addrs(alloc) || len(stored) == 0 {
		return nil, false
	}
	return stored, true
}

// calleeMethods: memMethodsOf for result i of a static call.
func (e *engine) calleeMethods(call *ssa.Call, i int, cands []memMethod) []memMethod {
	if call.Call.IsInvoke() {
		return nil
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	callee = originOf(callee)
	if callee.Pkg == e.pkg && callee.Blocks != nil {
		return e.resultMethods(callee, i, cands)
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		return nil
	}
	var f memResults
	if !e.pass.ImportObjectFact(obj.Origin(), &f) {
		return nil
	}
	for _, r := range f.Results {
		if r.Index == i {
			return slices.DeleteFunc(slices.Clone(cands), func(m memMethod) bool { return !slices.Contains(r.Methods, m) })
		}
	}
	return nil
}

// resultMethods: memMethodsOf for result i of fn, a function of the
// package, over all its returns.
func (e *engine) resultMethods(fn *ssa.Function, i int, cands []memMethod) []memMethod {
	key := memKey{fn, i}
	if e.memBusy[key] {
		return nil // recursion proves nothing
	}
	e.memBusy[key] = true
	defer delete(e.memBusy, key)
	out := cands
	n := 0
	for _, b := range fn.Blocks {
		ret, ok := lastInstr(b).(*ssa.Return)
		if !ok || i >= len(ret.Results) {
			continue
		}
		n++
		out = e.memMethodsOf(ret.Results[i], out, map[ssa.Value]bool{})
		if len(out) == 0 {
			return nil
		}
	}
	if n == 0 {
		return nil
	}
	return out
}

func lastInstr(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

// typeMethods returns those of cands that the concrete type t, a type of
// the package, implements with a method that returns only memory there,
// or that acquires nothing in that result (ownsNothing).
func (e *engine) typeMethods(t types.Type, cands []memMethod) []memMethod {
	if types.IsInterface(t) {
		return nil
	}
	var out []memMethod
	for _, m := range cands {
		if fn := e.packageMethod(t, m.Name); fn != nil && (e.memoryOnlyResult(fn, m.Result) || e.ownsNothing(t, m)) {
			out = append(out, m)
		}
	}
	return out
}

// ownsNothing reports whether the method m.Name of the concrete type t, a
// type of the package, hands its caller nothing to release in result
// m.Result: a test double's Query that answers with rows it keeps in
// memory. Called on a value whose dynamic type is t, the interface method
// runs that method, and the call is what a static call of it would be,
// whatever the contract of the interface's method says of a connection.
// The method must be declared in the package (on t, or on a type of the
// package that t embeds) and not listed in the table; its summary returns
// nothing owned there and forwards no function's result; and neither it
// nor a function of the package it calls acquires anything (a file
// behind io.NopCloser), starts a goroutine or changes package-level
// state (a count of open readers), and the type's values reach nothing
// with a release method (nothingToRelease), so what it returns is built
// in memory.
func (e *engine) ownsNothing(t types.Type, m memMethod) bool {
	sel, _, _ := types.LookupFieldOrMethod(t, true, e.pass.Pkg, m.Name)
	obj, ok := sel.(*types.Func)
	if !ok || recvNamed(obj) == nil || recvNamed(obj).Obj().Pkg() != e.pass.Pkg {
		return false // promoted from another package's type: it delegates
	}
	if _, listed := e.table.Acquirer(obj); listed {
		return false
	}
	fn := e.pkg.Prog.FuncValue(obj)
	if fn == nil || fn.Pkg != e.pkg || fn.Blocks == nil || e.inProgress[fn] {
		return false
	}
	key := memKey{fn, m.Result}
	if v, done := e.nothing[key]; done {
		return v
	}
	e.nothing[key] = false // recursion proves nothing
	s, _ := e.summaryOf(fn)
	if s != nil {
		for _, r := range s.Results {
			if r.Index == m.Result {
				return false
			}
		}
		for _, f := range s.Forwards {
			if f.Result == m.Result {
				return false
			}
		}
	}
	v := e.acquiresNothing(fn, 0, map[*ssa.Function]bool{}) && e.nothingToRelease(t, map[types.Type]bool{})
	e.nothing[key] = v
	return v
}

// nothingToRelease reports whether values of t, a type of the package,
// reach nothing that has a release method: the fields of the package's
// types are followed through pointers, slices, arrays and maps; a type of
// another package, or an interface, must be no kind of the table and have
// no method of a release name (Close, Stop, ...). A double made over a
// connection it dialled (its rows built over that connection, acquiring
// nothing when they are made) is not taken for memory; a channel or a
// function value, whose other end is out of sight, is not either.
func (e *engine) nothingToRelease(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return true
	}
	seen[t] = true
	if parts, ok := componentTypes(t); ok {
		return !slices.ContainsFunc(parts, func(p types.Type) bool { return !e.nothingToRelease(p, seen) })
	}
	switch u := t.(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Interface:
		return e.noReleaseMethod(u)
	case *types.Named:
		if u.Obj().Pkg() == e.pass.Pkg && !types.IsInterface(u) {
			return e.nothingToRelease(u.Underlying(), seen)
		}
		if e.table.KindOfType(u) != nil || e.table.KindOfType(types.NewPointer(u)) != nil {
			return false
		}
		if types.IsInterface(u) {
			return e.noReleaseMethod(u)
		}
		return e.noReleaseMethod(types.NewPointer(u))
	}
	return false
}

// noReleaseMethod reports whether no method of t has a release name.
func (e *engine) noReleaseMethod(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if e.table.IsReleaseName(ms.At(i).Obj().Name()) {
			return false
		}
	}
	return true
}

// maxNothingDepth bounds how deep acquiresNothing follows the package's
// functions.
const maxNothingDepth = 4

// acquiresNothing reports whether fn, a function of the package, and the
// functions of the package and literals it calls acquire nothing, start
// no goroutine and store into no package-level variable.
func (e *engine) acquiresNothing(fn *ssa.Function, depth int, seen map[*ssa.Function]bool) bool {
	if seen[fn] {
		return true
	}
	if depth > maxNothingDepth || fn.Blocks == nil {
		return false
	}
	seen[fn] = true
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Go:
				return false
			case *ssa.Store:
				if _, global := x.Addr.(*ssa.Global); global {
					return false
				}
			case *ssa.Call:
				if len(e.acquisitions(x)) > 0 {
					return false
				}
			}
			call, ok := instr.(ssa.CallInstruction)
			if !ok || call.Common().IsInvoke() {
				continue
			}
			var callee *ssa.Function
			switch v := call.Common().Value.(type) {
			case *ssa.Function:
				callee = v
			case *ssa.MakeClosure:
				callee, _ = v.Fn.(*ssa.Function)
			}
			if callee == nil {
				continue
			}
			callee = originOf(callee)
			if (callee.Pkg == e.pkg || callee.Parent() != nil && callee.Parent().Pkg == e.pkg) && !e.acquiresNothing(callee, depth+1, seen) {
				return false
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if !e.acquiresNothing(anon, depth+1, seen) {
			return false
		}
	}
	return true
}

// memoryOnlyResult reports whether every return of fn, a function of the
// package, hands over in result i a value that holds only memory.
func (e *engine) memoryOnlyResult(fn *ssa.Function, i int) bool {
	key := memKey{fn, i}
	if v, ok := e.memOnly[key]; ok {
		return v
	}
	e.memOnly[key] = false // recursion proves nothing
	n := 0
	for _, b := range fn.Blocks {
		ret, ok := lastInstr(b).(*ssa.Return)
		if !ok || i >= len(ret.Results) {
			continue
		}
		n++
		if !e.memoryOnlyValue(ret.Results[i], map[ssa.Value]bool{}) {
			return false
		}
	}
	e.memOnly[key] = n > 0
	return n > 0
}

// memoryOnlyValue reports whether v holds nothing but process memory,
// so that closing it releases nothing: nil, an empty body, io.NopCloser
// over such a value, a value of a memory type (a bytes or strings
// reader, a type of the package whose release methods do nothing and
// whose fields hold memory alone), or what a function of the package
// returns that always is one.
func (e *engine) memoryOnlyValue(v ssa.Value, seen map[ssa.Value]bool) bool {
	v = ssanav.Unconverted(v)
	if seen[v] {
		return true
	}
	seen[v] = true
	if memoryBody(v) {
		return true
	}
	switch x := v.(type) {
	case *ssa.Const:
		return x.IsNil()
	case *ssa.Phi:
		for _, ed := range x.Edges {
			if !e.memoryOnlyValue(ed, seen) {
				return false
			}
		}
		return true
	case *ssa.Call:
		if x.Call.IsInvoke() {
			return false
		}
		if callee := x.Call.StaticCallee(); callee != nil {
			obj, _ := callee.Object().(*types.Func)
			if resource.IsInMemoryBody(obj) && len(x.Call.Args) == 1 {
				return e.memoryOnlyValue(x.Call.Args[0], seen)
			}
			if callee.Pkg == e.pkg && callee.Blocks != nil && x.Call.Signature().Results().Len() == 1 {
				return e.memoryOnlyResult(callee, 0)
			}
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && !call.Call.IsInvoke() {
			if callee := call.Call.StaticCallee(); callee != nil && callee.Pkg == e.pkg && callee.Blocks != nil {
				return e.memoryOnlyResult(callee, x.Index)
			}
		}
		return false
	}
	if types.IsInterface(v.Type()) {
		return false
	}
	return resource.IsMemoryReader(v.Type()) || e.noopCloser(v.Type())
}

// noopCloser reports whether t, a type of the package, has release
// methods that all do nothing and fields that hold memory alone.
func (e *engine) noopCloser(t types.Type) bool {
	found := false
	for _, name := range e.table.ReleaseNames() {
		fn := e.packageMethod(t, name)
		if fn == nil {
			continue
		}
		if !doesNothing(fn) {
			return false
		}
		found = true
	}
	return found && e.memoryFields(t, map[types.Type]bool{})
}

// doesNothing reports whether fn calls nothing, starts nothing and
// changes no package-level state: a Close that returns nil, or sets a
// field of its receiver.
func doesNothing(fn *ssa.Function) bool {
	if len(fn.AnonFuncs) > 0 {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case ssa.CallInstruction, *ssa.Send:
				return false
			case *ssa.Store:
				if _, ok := x.Addr.(*ssa.Global); ok {
					return false
				}
			}
		}
	}
	return true
}

// componentTypes returns the types that a value of t, a pointer, slice,
// array, map or struct type, is made of (what it points to, its elements,
// its keys and values, its fields), and whether t is such a type.
func componentTypes(t types.Type) ([]types.Type, bool) {
	switch u := t.(type) {
	case *types.Pointer:
		return []types.Type{u.Elem()}, true
	case *types.Slice:
		return []types.Type{u.Elem()}, true
	case *types.Array:
		return []types.Type{u.Elem()}, true
	case *types.Map:
		return []types.Type{u.Key(), u.Elem()}, true
	case *types.Struct:
		parts := make([]types.Type, u.NumFields())
		for i := range parts {
			parts[i] = u.Field(i).Type()
		}
		return parts, true
	}
	return nil, false
}

// memoryFields reports whether values of t hold memory alone: basic
// values, the table's memory types, and pointers, slices, arrays, maps
// and structs of the package made of them. A type of another package is
// accepted only when it is one of the table's or a string, boolean or
// floating-point type: an integer of another package may be a
// descriptor.
func (e *engine) memoryFields(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return true
	}
	seen[t] = true
	if resource.IsMemoryType(t) {
		return true
	}
	if parts, ok := componentTypes(t); ok {
		return !slices.ContainsFunc(parts, func(p types.Type) bool { return !e.memoryFields(p, seen) })
	}
	switch u := t.(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Named:
		if u.Obj().Pkg() == e.pass.Pkg {
			return e.memoryFields(u.Underlying(), seen)
		}
		b, ok := u.Underlying().(*types.Basic)
		return ok && b.Info()&(types.IsString|types.IsBoolean|types.IsFloat) != 0
	}
	return false
}
