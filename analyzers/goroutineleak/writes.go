package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// stateWriters are functions of other packages that set the state of the
// memory passed as one of their arguments (the receiver counts as 0), so
// that a test of it after the call sees what the call did, where no
// setsFact says it. Functions of this package are judged from their SSA
// bodies, those of other packages by their setsFacts.
var stateWriters = map[string]struct {
	Param int
	Why   string
}{
	"(*sync/atomic.Bool).Store":             {0, "sets the flag"},
	"(*sync/atomic.Bool).Swap":              {0, "sets the flag, returning the old value"},
	"(*sync/atomic.Bool).CompareAndSwap":    {0, "sets the flag if it held old: a test-and-set"},
	"(*sync/atomic.Int32).Store":            {0, "sets the value"},
	"(*sync/atomic.Int32).Swap":             {0, "sets the value"},
	"(*sync/atomic.Int32).CompareAndSwap":   {0, "test-and-set"},
	"(*sync/atomic.Int32).Add":              {0, "adds to the value"},
	"(*sync/atomic.Int32).And":              {0, "clears bits"},
	"(*sync/atomic.Int32).Or":               {0, "sets bits"},
	"(*sync/atomic.Int64).Store":            {0, "sets the value"},
	"(*sync/atomic.Int64).Swap":             {0, "sets the value"},
	"(*sync/atomic.Int64).CompareAndSwap":   {0, "test-and-set"},
	"(*sync/atomic.Int64).Add":              {0, "adds to the value"},
	"(*sync/atomic.Int64).And":              {0, "clears bits"},
	"(*sync/atomic.Int64).Or":               {0, "sets bits"},
	"(*sync/atomic.Uint32).Store":           {0, "sets the value"},
	"(*sync/atomic.Uint32).Swap":            {0, "sets the value"},
	"(*sync/atomic.Uint32).CompareAndSwap":  {0, "test-and-set"},
	"(*sync/atomic.Uint32).Add":             {0, "adds to the value"},
	"(*sync/atomic.Uint32).And":             {0, "clears bits"},
	"(*sync/atomic.Uint32).Or":              {0, "sets bits"},
	"(*sync/atomic.Uint64).Store":           {0, "sets the value"},
	"(*sync/atomic.Uint64).Swap":            {0, "sets the value"},
	"(*sync/atomic.Uint64).CompareAndSwap":  {0, "test-and-set"},
	"(*sync/atomic.Uint64).Add":             {0, "adds to the value"},
	"(*sync/atomic.Uint64).And":             {0, "clears bits"},
	"(*sync/atomic.Uint64).Or":              {0, "sets bits"},
	"(*sync/atomic.Uintptr).Store":          {0, "sets the value"},
	"(*sync/atomic.Uintptr).Swap":           {0, "sets the value"},
	"(*sync/atomic.Uintptr).CompareAndSwap": {0, "test-and-set"},
	"(*sync/atomic.Uintptr).Add":            {0, "adds to the value"},
	"(*sync/atomic.Pointer).Store":          {0, "sets the pointer"},
	"(*sync/atomic.Pointer).Swap":           {0, "sets the pointer"},
	"(*sync/atomic.Pointer).CompareAndSwap": {0, "test-and-set"},
	"(*sync/atomic.Value).Store":            {0, "sets the value"},
	"(*sync/atomic.Value).Swap":             {0, "sets the value"},
	"(*sync/atomic.Value).CompareAndSwap":   {0, "test-and-set"},
	"sync/atomic.StoreInt32":                {0, "sets *addr"},
	"sync/atomic.StoreInt64":                {0, "sets *addr"},
	"sync/atomic.StoreUint32":               {0, "sets *addr"},
	"sync/atomic.StoreUint64":               {0, "sets *addr"},
	"sync/atomic.StoreUintptr":              {0, "sets *addr"},
	"sync/atomic.StorePointer":              {0, "sets *addr"},
	"sync/atomic.SwapInt32":                 {0, "sets *addr"},
	"sync/atomic.SwapInt64":                 {0, "sets *addr"},
	"sync/atomic.SwapUint32":                {0, "sets *addr"},
	"sync/atomic.SwapUint64":                {0, "sets *addr"},
	"sync/atomic.CompareAndSwapInt32":       {0, "test-and-set on *addr"},
	"sync/atomic.CompareAndSwapInt64":       {0, "test-and-set on *addr"},
	"sync/atomic.CompareAndSwapUint32":      {0, "test-and-set on *addr"},
	"sync/atomic.CompareAndSwapUint64":      {0, "test-and-set on *addr"},
	"sync/atomic.CompareAndSwapPointer":     {0, "test-and-set on *addr"},
	"sync/atomic.AddInt32":                  {0, "adds to *addr"},
	"sync/atomic.AddInt64":                  {0, "adds to *addr"},
	"sync/atomic.AddUint32":                 {0, "adds to *addr"},
	"sync/atomic.AddUint64":                 {0, "adds to *addr"},
	"(*sync.Map).Store":                     {0, "adds or replaces an entry"},
	"(*sync.Map).LoadOrStore":               {0, "adds an entry when absent: a test-and-set per key"},
	"(*sync.Map).Swap":                      {0, "replaces an entry"},
	"(*sync.Map).CompareAndSwap":            {0, "test-and-set per key"},
	"(*sync.Once).Do":                       {0, "marks the Once done"},
}

// writesArg reports whether a call sets the state of the memory its
// argument i addresses: a knowledge-table entry for another package's
// function, or, for a function of this package, a body that stores
// through that parameter (or calls something that does).
func (m *model) writesArg(c *ssa.CallCommon, i int) bool {
	callee := c.StaticCallee()
	if callee == nil || c.IsInvoke() {
		return false
	}
	return m.writesParam(callee, i, 0)
}

func (m *model) writesParam(fn *ssa.Function, i int, depth int) bool {
	if depth > 4 {
		return false
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if obj, ok := fn.Object().(*types.Func); ok && (fn.Pkg != m.pkg || len(fn.Blocks) == 0) {
		return writesForeign(m.pass, obj, i)
	}
	if fn.Pkg != m.pkg || i >= len(fn.Params) || len(fn.Blocks) == 0 {
		return false
	}
	key := paramKey{fn, i}
	if v, ok := m.writeMemo[key]; ok {
		return v
	}
	m.writeMemo[key] = false // recursion: assume nothing is written
	p := fn.Params[i]
	result := false
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				if rootedAt(in.Addr, p) {
					result = true
				}
			case ssa.CallInstruction:
				cc := in.Common()
				if cc.IsInvoke() || cc.StaticCallee() == nil {
					continue
				}
				for j, a := range cc.Args {
					if rootedAt(a, p) && m.writesParam(cc.StaticCallee(), j, depth+1) {
						result = true
					}
				}
			}
			if result {
				break
			}
		}
	}
	m.writeMemo[key] = result
	return result
}

type paramKey struct {
	fn *ssa.Function
	i  int
}

// rootedAt reports whether address v is p or memory reached from it
// through fields, elements and loaded pointers.
func rootedAt(v ssa.Value, p *ssa.Parameter) bool {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Parameter:
			return x == p
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// setsFact marks an exported function or method that reports a bool and
// sets the state one of its pointer parameters addresses (Params counts
// the receiver as 0): a test of that state after calling it, as in if
// g.Claim() { go loop() }, sees what the call did. Only such functions
// carry one: they are the test-and-set shape the singleton rule asks about.
type setsFact struct {
	Params []int
}

// AFact marks setsFact as an analysis fact.
func (*setsFact) AFact() {}

func (f *setsFact) String() string { return fmt.Sprintf("sets%v", f.Params) }

// exportSetsFacts computes setsFacts from the syntax of the package's
// exported functions that return a bool: no SSA is built for them.
func exportSetsFacts(pass *analysis.Pass) {
	if pass.Pkg.Name() == "main" {
		return
	}
	info := pass.TypesInfo
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig := fn.Type().(*types.Signature)
			if recv := sig.Recv(); recv != nil && !exportedType(recv.Type()) || !returnsBool(sig) {
				continue
			}
			params := map[*types.Var]int{}
			var vars []*types.Var
			if sig.Recv() != nil {
				vars = append(vars, sig.Recv())
			}
			for p := range sig.Params().Variables() {
				vars = append(vars, p)
			}
			for i, v := range vars {
				if _, isPtr := v.Type().Underlying().(*types.Pointer); isPtr {
					params[v] = i
				}
			}
			if len(params) == 0 {
				continue
			}
			set := map[int]bool{}
			mark := func(e ast.Expr) {
				if v := addressedParam(info, e); v != nil {
					if i, ok := params[v]; ok {
						set[i] = true
					}
				}
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.AssignStmt:
					for _, lhs := range n.Lhs {
						mark(lhs)
					}
				case *ast.IncDecStmt:
					mark(n.X)
				case *ast.CallExpr:
					callee, ok := typeutil.Callee(info, n).(*types.Func)
					if !ok {
						return true
					}
					var args []ast.Expr
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && callee.Type().(*types.Signature).Recv() != nil {
						args = append(args, sel.X)
					}
					args = append(args, n.Args...)
					for j, a := range args {
						if writesForeign(pass, callee, j) {
							mark(a)
						}
					}
				}
				return true
			})
			if len(set) == 0 {
				continue
			}
			var idx []int
			for i := range set {
				idx = append(idx, i)
			}
			sort.Ints(idx)
			pass.ExportObjectFact(fn, &setsFact{Params: idx})
		}
	}
}

func returnsBool(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			return true
		}
	}
	return false
}

// addressedParam returns the pointer parameter whose pointee e denotes
// (p.f, p.f[i], *p, &p.f), not a rebinding of the parameter itself.
func addressedParam(info *types.Info, e ast.Expr) *types.Var {
	through := false
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if !through {
				return nil
			}
			return v
		case *ast.SelectorExpr:
			if s := info.Selections[x]; s == nil || s.Kind() != types.FieldVal {
				return nil
			}
			e, through = x.X, true
		case *ast.IndexExpr:
			e, through = x.X, true
		case *ast.StarExpr:
			e, through = x.X, true
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// writesForeign reports whether a function of another package sets the
// state its argument i addresses: the knowledge table, or its setsFact.
func writesForeign(pass *analysis.Pass, fn *types.Func, i int) bool {
	fn = fn.Origin()
	if w, ok := stateWriters[fn.FullName()]; ok {
		return w.Param == i
	}
	if fn.Pkg() == pass.Pkg {
		return false
	}
	var fact setsFact
	return pass.ImportObjectFact(fn, &fact) && slices.Contains(fact.Params, i)
}
