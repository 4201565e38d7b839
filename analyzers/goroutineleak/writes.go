package goroutineleak

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// stateWriters are functions of other packages that set the state of the
// memory passed as one of their arguments (the receiver counts as 0), so
// that a test of it after the call sees what the call did. Functions of
// this package are judged from their bodies instead.
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
	if obj, ok := fn.Object().(*types.Func); ok {
		if w, ok := stateWriters[obj.Origin().FullName()]; ok {
			return w.Param == i
		}
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
