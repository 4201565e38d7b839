package locks

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// Constants every caller passes.
//
// `func (s *store) read(k readType) { s.mu.RLock(); switch k { case
// fromMemory: ...; s.mu.RUnlock(); return; case fromDisk: ...; default:
// return } }`: when read's name is unexported, every call of it is in
// the package, and when each passes a constant for k (or a parameter of
// another such function that does), k takes no other value. A branch
// that needs k to be none of them (the default of the switch, the true
// edge of `k == other`) is no path, and what it leaves held is no leak.
// A call through an interface of a method with that name counts as a
// call; the function used as a value (a method value, a function
// stored or passed) gives it callers nobody sees, and nothing is known.

// callIndex lists the calls of the package's named functions.
type callIndex struct {
	static  map[*ssa.Function][]*ssa.CallCommon
	invoke  map[*types.Func][]*ssa.CallCommon // by the interface method's name and package, see invokeKey
	escaped map[types.Object]bool
	names   map[nameKey]*types.Func
}

type nameKey struct {
	pkg  *types.Package
	name string
}

// paramConsts is the memo of checker.paramConsts.
type paramConsts struct {
	vals []constant.Value
	ok   bool
}

type paramRef struct {
	fn *ssa.Function
	i  int
}

func (a *checker) calls() *callIndex {
	if a.callIdx != nil {
		return a.callIdx
	}
	ix := &callIndex{
		static:  map[*ssa.Function][]*ssa.CallCommon{},
		invoke:  map[*types.Func][]*ssa.CallCommon{},
		escaped: map[types.Object]bool{},
		names:   map[nameKey]*types.Func{},
	}
	// The package initializer holds the initial values of package
	// variables (`var hook = read`).
	funcs := a.funcs
	if len(funcs) > 0 && funcs[0].Pkg != nil {
		if init := funcs[0].Pkg.Func("init"); init != nil {
			funcs = append(funcs[:len(funcs):len(funcs)], init)
		}
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				var callee ssa.Value
				if c, ok := in.(ssa.CallInstruction); ok {
					cc := c.Common()
					switch {
					case cc.IsInvoke():
						k := ix.invokeKey(cc.Method)
						ix.invoke[k] = append(ix.invoke[k], cc)
					default:
						if f, ok := cc.Value.(*ssa.Function); ok {
							ix.static[f] = append(ix.static[f], cc)
							callee = f
						}
					}
				}
				ops = in.Operands(ops[:0])
				for _, op := range ops {
					f, ok := (*op).(*ssa.Function)
					if !ok || callee != nil && *op == callee && op == &in.(ssa.CallInstruction).Common().Value {
						continue
					}
					// A function or method used as a value (a wrapper
					// for a method value or expression names its method).
					if obj := f.Object(); obj != nil {
						ix.escaped[obj] = true
					}
				}
			}
		}
	}
	a.callIdx = ix
	return ix
}

// invokeKey is one *types.Func per method name and package, so that calls
// through different interfaces of a method with the same unexported name
// count together.
func (ix *callIndex) invokeKey(m *types.Func) *types.Func {
	k := nameKey{m.Pkg(), m.Name()}
	if f, ok := ix.names[k]; ok {
		return f
	}
	ix.names[k] = m
	return m
}

// paramConsts gives the constants parameter i of fn takes on every call,
// with ok false when some call passes something else or fn has callers
// nobody sees. A function of another package, an exported one, a generic
// one or a function literal has unknown callers. An empty list with ok
// true means no call passes anything.
func (a *checker) paramConsts(fn *ssa.Function, i int) ([]constant.Value, bool) {
	r := paramRef{fn, i}
	if m, ok := a.consts[r]; ok {
		return m.vals, m.ok
	}
	if a.constsBusy[r] {
		return nil, false // recursion: nothing known
	}
	a.constsBusy[r] = true
	vals, ok := a.computeParamConsts(fn, i)
	delete(a.constsBusy, r)
	a.consts[r] = paramConsts{vals, ok}
	return vals, ok
}

func (a *checker) computeParamConsts(fn *ssa.Function, i int) ([]constant.Value, bool) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Pkg == nil || fn.Pkg.Pkg != a.pass.Pkg || fn.Synthetic != "" || fn.Parent() != nil ||
		token.IsExported(obj.Name()) || obj.Name() == "init" || obj.Name() == "main" && fn.Signature.Recv() == nil ||
		fn.TypeParams().Len() > 0 || fn.Origin() != nil || i >= len(fn.Params) {
		return nil, false
	}
	ix := a.calls()
	if ix.escaped[obj] {
		return nil, false
	}
	recv := fn.Signature.Recv() != nil
	if recv {
		if i == 0 {
			return nil, false
		}
		// A method of a generic type is called through its instances.
		if n, ok := recvNamed(fn.Signature.Recv().Type()); !ok || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 {
			return nil, false
		}
	}
	var vals []constant.Value
	addConst := func(c constant.Value) {
		for _, v := range vals {
			if constant.Compare(v, token.EQL, c) {
				return
			}
		}
		vals = append(vals, c)
	}
	add := func(arg ssa.Value) bool {
		switch arg := arg.(type) {
		case *ssa.Const:
			if arg.Value == nil {
				return false
			}
			addConst(arg.Value)
			return true
		case *ssa.Parameter:
			g := arg.Parent()
			for j, p := range g.Params {
				if p == arg {
					more, ok := a.paramConsts(g, j)
					if !ok {
						return false
					}
					for _, m := range more {
						addConst(m)
					}
					return true
				}
			}
		}
		return false
	}
	for _, c := range ix.static[fn] {
		if len(c.Args) != len(fn.Params) || !add(c.Args[i]) {
			return nil, false
		}
	}
	if recv {
		k := nameKey{obj.Pkg(), obj.Name()}
		if m, ok := ix.names[k]; ok {
			for _, c := range ix.invoke[m] {
				if len(c.Args) != len(fn.Params)-1 || !add(c.Args[i-1]) {
					return nil, false
				}
			}
		}
	}
	return vals, true
}

// recvNamed reports whether t is a named type or a pointer to one.
func recvNamed(t types.Type) (*types.Named, bool) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return n, ok
}

// paramTest splits a branch condition `p == C` or `p != C` (either
// order) on a parameter of fn: the parameter's index, the constant and
// whether the true edge is the one where p equals C.
func paramTest(fn *ssa.Function, cond ssa.Value) (i int, c constant.Value, eq, ok bool) {
	bin, isBin := cond.(*ssa.BinOp)
	if !isBin || bin.Op != token.EQL && bin.Op != token.NEQ {
		return 0, nil, false, false
	}
	x, y := bin.X, bin.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, y = y, x
	}
	p, isParam := x.(*ssa.Parameter)
	k, isConst := y.(*ssa.Const)
	if !isParam || !isConst || k.Value == nil || p.Parent() != fn {
		return 0, nil, false, false
	}
	for j, q := range fn.Params {
		if q == p {
			return j, k.Value, bin.Op == token.EQL, true
		}
	}
	return 0, nil, false, false
}

// excluded is the assumption key that records, on a path, that
// parameter i is not the constant c.
func excluded(i int, c constant.Value) key {
	return "p" + strconv.Itoa(i) + "≠" + c.ExactString()
}

// callerEdges returns the edges of the If ending b that a parameter's
// callers' constants allow, given what the path has excluded: both true
// when nothing is known. The assumptions to follow each edge with are
// returned too.
func (a *checker) callerEdges(fn *ssa.Function, b *ssa.BasicBlock, as assumptions) (t, f bool, tAs, fAs assumptions) {
	cond := b.Instrs[len(b.Instrs)-1].(*ssa.If).Cond
	i, c, eq, ok := paramTest(fn, cond)
	if !ok {
		return true, true, as, as
	}
	vals, ok := a.paramConsts(fn, i)
	if !ok || len(vals) == 0 {
		return true, true, as, as
	}
	// The edge where p == c, and the one where p != c.
	in := false
	for _, v := range vals {
		if constant.Compare(v, token.EQL, c) {
			in = true
		}
	}
	eqOK := in
	neAs := as.with(excluded(i, c), true)
	neOK := false
	for _, v := range vals {
		if !neAs[excluded(i, v)] {
			neOK = true
		}
	}
	if eq {
		return eqOK, neOK, as, neAs
	}
	return neOK, eqOK, neAs, as
}
