package locks

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// A handle is a value a function returns that holds what its caller gave
// it: `begin(c)` locks `c.mu` and returns `&enc{owner: c}`, and
// `enc.end()` unlocks `enc.owner.mu`, the same mutex reached through the
// handle. Keys rooted at a call's result ("v…") name nothing the caller
// can compare, so the result's fields are mapped back to the caller's
// arguments with the callee's aliases, and a release through a handle
// that may hold the lock's owner but whose fields cannot be mapped ends
// the walk without a finding.

// Alias says that a function's result Result, followed along Path (field
// steps and loads, as in a key: ".owner.*"), is the value Key names (a
// key on the function's parameters or a package-level variable).
type Alias struct {
	Result int
	Path   string
	Key    string
}

func (al Alias) String() string {
	return "r" + strconv.Itoa(al.Result) + al.Path + " = " + al.Key
}

// resultFacts is what a function's results hold: aliases of their fields
// and which results are made fresh (a heap object allocated in the
// function, or nil, on every return).
type resultFacts struct {
	aliases []Alias
	fresh   []int
}

func (r resultFacts) isFresh(i int) bool {
	for _, f := range r.fresh {
		if f == i {
			return true
		}
	}
	return false
}

// results returns fn's result facts, computed for the package's
// functions and imported for others'. A function being computed
// (recursion) has none.
func (a *checker) results(fn *ssa.Function) resultFacts {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if r, ok := a.resultsOf[fn]; ok {
		return r
	}
	if fn.Blocks == nil || a.resultsBusy[fn] || fn.Pkg != nil && fn.Pkg.Pkg != a.pass.Pkg {
		return a.importedResults(fn)
	}
	a.resultsBusy[fn] = true
	r := a.computeResults(fn)
	delete(a.resultsBusy, fn)
	a.resultsOf[fn] = r
	return r
}

func (a *checker) importedResults(fn *ssa.Function) resultFacts {
	obj := fn.Object()
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == a.pass.Pkg {
		return resultFacts{}
	}
	var f lockFact
	if a.pass.ImportObjectFact(obj, &f) {
		return resultFacts{aliases: f.Aliases, fresh: f.Fresh}
	}
	return resultFacts{}
}

// computeResults finds, for each result, the aliases every return that
// does not return nil agrees on, and whether each such return returns a
// fresh heap object.
func (a *checker) computeResults(fn *ssa.Function) resultFacts {
	n := fn.Signature.Results().Len()
	if n == 0 {
		return resultFacts{}
	}
	var out resultFacts
	for i := 0; i < n; i++ {
		var common []Alias
		first, fresh := true, true
		for _, b := range fn.Blocks {
			r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || i >= len(r.Results) {
				continue
			}
			v := ssanav.StoredResult(r.Results[i])
			if c, ok := v.(*ssa.Const); ok && c.IsNil() {
				continue // a nil handle reaches no lock
			}
			if _, ok := v.(*ssa.Alloc); !ok {
				fresh = false
			}
			as := a.valueAliases(fn, v, 0)
			if first {
				common, first = as, false
				continue
			}
			common = intersect(common, as)
		}
		if first {
			continue // no return gives a value
		}
		for _, al := range common {
			out.aliases = append(out.aliases, Alias{Result: i, Path: al.Path, Key: al.Key})
		}
		if fresh {
			out.fresh = append(out.fresh, i)
		}
	}
	return out
}

func intersect(xs, ys []Alias) []Alias {
	var out []Alias
	for _, x := range xs {
		for _, y := range ys {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// valueAliases returns the aliases (Result unset) of the value v of fn
// along paths from it: for a heap object made in fn, each pointer field
// stored exactly once, with a value fn's callers can name (or a handle
// of its own); for a call's result, the callee's aliases rebased onto the
// call's arguments.
func (a *checker) valueAliases(fn *ssa.Function, v ssa.Value, depth int) []Alias {
	if depth > 3 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Alloc:
		return a.allocAliases(fn, v, depth)
	case *ssa.Call, *ssa.Extract:
		r, ok := resultRoot(v)
		if !ok {
			return nil
		}
		var out []Alias
		for _, al := range a.rootAliases(fn, r) {
			if visible(al.Key) {
				out = append(out, al)
			}
		}
		return out
	}
	return nil
}

// allocAliases is valueAliases for a heap object made in fn.
func (a *checker) allocAliases(fn *ssa.Function, obj *ssa.Alloc, depth int) []Alias {
	fields := map[int]*fieldStores{}
	field := func(i int) *fieldStores {
		if fields[i] == nil {
			fields[i] = &fieldStores{name: fieldName(obj.Type(), i, true)}
		}
		return fields[i]
	}
	visit := func(fa *ssa.FieldAddr) {
		f := field(fa.Field)
		for _, r := range *fa.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == ssa.Value(fa) {
					f.stores = append(f.stores, r)
				} else {
					f.opaque = true // the field's address is stored
				}
			case *ssa.UnOp:
				if r.Op != token.MUL {
					f.opaque = true
				}
			case *ssa.DebugRef:
			default:
				f.opaque = true // its address goes elsewhere
			}
		}
	}
	// The object is used directly, or through a variable a closure
	// captures (a cell stored with it once); a closure that writes one
	// of its fields makes that field unknown.
	var views []ssa.Value
	views = append(views, obj)
	for _, r := range *obj.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != ssa.Value(obj) {
			continue
		}
		cell, ok := st.Addr.(*ssa.Alloc)
		if !ok || storedOnce(cell) != ssa.Value(obj) {
			continue
		}
		for _, cr := range *cell.Referrers() {
			switch cr := cr.(type) {
			case *ssa.UnOp:
				if cr.Op == token.MUL {
					views = append(views, cr)
				}
			case *ssa.MakeClosure:
				for j, bv := range cr.Bindings {
					if bv == ssa.Value(cell) {
						markClosureStores(cr, j, func(i int) { field(i).opaque = true })
					}
				}
			}
		}
	}
	for _, x := range views {
		for _, r := range *x.Referrers() {
			if fa, ok := r.(*ssa.FieldAddr); ok && fa.X == x {
				visit(fa)
			}
		}
	}
	var idx []int
	for i := range fields {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	var out []Alias
	for _, i := range idx {
		f := fields[i]
		if f.opaque || len(f.stores) != 1 {
			continue
		}
		val := f.stores[0].Val
		path := "." + f.name + ".*"
		if k := keyOf(fn, val); visible(k) {
			out = append(out, Alias{Path: path, Key: k})
			continue
		}
		for _, al := range a.valueAliases(fn, val, depth+1) {
			out = append(out, Alias{Path: path + al.Path, Key: al.Key})
		}
	}
	return out
}

// fieldStores is what a function does to one field of an object it
// makes: the stores into it, and whether its address goes anywhere
// else.
type fieldStores struct {
	name   string
	stores []*ssa.Store
	opaque bool
}

// markClosureStores marks (with mark) the fields a closure writes
// through its free variable j, a cell holding the object.
func markClosureStores(mc *ssa.MakeClosure, j int, mark func(int)) {
	callee, ok := mc.Fn.(*ssa.Function)
	if !ok || j >= len(callee.FreeVars) {
		return
	}
	for _, r := range *callee.FreeVars[j].Referrers() {
		ld, ok := r.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			continue
		}
		for _, lr := range *ld.Referrers() {
			fa, ok := lr.(*ssa.FieldAddr)
			if !ok || fa.X != ssa.Value(ld) {
				continue
			}
			for _, fr := range *fa.Referrers() {
				if _, load := fr.(*ssa.UnOp); !load {
					mark(fa.Field)
				}
			}
		}
	}
}

// A callRoot is a call's result as the root of keys: the call and which
// of its results.
type callRoot struct {
	call  *ssa.CallCommon
	value ssa.Value // the *ssa.Call, or the *ssa.Extract of result index
	index int
	cell  *ssa.Alloc // the variable holding it, when a closure captures it
}

// steps returns the steps after the result in a key whose root is r and
// whose steps after the root are rest: a captured variable's key loads
// the result first (".*").
func (r callRoot) steps(rest string) (string, bool) {
	if r.cell == nil {
		return rest, true
	}
	if !strings.HasPrefix(rest, ".*") {
		return "", false
	}
	return rest[2:], true
}

// resultRoot returns the call root of v, a call or an extraction of one
// of a call's results.
func resultRoot(v ssa.Value) (callRoot, bool) {
	switch v := v.(type) {
	case *ssa.Call:
		if _, ok := v.Type().(*types.Tuple); ok {
			return callRoot{}, false
		}
		return callRoot{call: v.Common(), value: v}, true
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return callRoot{call: c.Common(), value: v, index: v.Index}, true
		}
	}
	return callRoot{}, false
}

// callRoots maps the root names of fn's call results ("v…", as keyOf
// makes them) to the calls.
func (a *checker) callRoots(fn *ssa.Function) map[string]callRoot {
	if m, ok := a.rootsOf[fn]; ok {
		return m
	}
	m := map[string]callRoot{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			v, ok := in.(ssa.Value)
			if !ok {
				continue
			}
			if r, ok := resultRoot(v); ok {
				m[fmt.Sprintf("v%p", v)] = r
			}
			// A variable a closure captures, set once to a call's
			// result and written by no closure: its load is the result.
			cell, ok := v.(*ssa.Alloc)
			if !ok {
				continue
			}
			if r, ok := resultRoot(storedOnce(cell)); ok && !closureStores(cell) {
				r.cell = cell
				m[fmt.Sprintf("a%p", cell)] = r
			}
		}
	}
	a.rootsOf[fn] = m
	return m
}

// closureStores reports whether a closure binding the cell stores into
// it.
func closureStores(cell *ssa.Alloc) bool {
	for _, r := range *cell.Referrers() {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		callee, ok := mc.Fn.(*ssa.Function)
		if !ok {
			return true
		}
		for j, b := range mc.Bindings {
			if b != ssa.Value(cell) || j >= len(callee.FreeVars) {
				continue
			}
			for _, fr := range *callee.FreeVars[j].Referrers() {
				if st, ok := fr.(*ssa.Store); ok && st.Addr == ssa.Value(callee.FreeVars[j]) {
					return true
				}
			}
		}
	}
	return false
}

// calleeOf returns the function a call runs and the keys of its
// arguments and bindings in fn, or nil when it is not known.
func calleeOf(fn *ssa.Function, c *ssa.CallCommon) (*ssa.Function, []key, []key) {
	if c.IsInvoke() {
		return nil, nil, nil
	}
	if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		callee, _ := mc.Fn.(*ssa.Function)
		return callee, keysOf(fn, c.Args), keysOf(fn, mc.Bindings)
	}
	callee := c.StaticCallee()
	if callee == nil {
		return nil, nil, nil
	}
	return callee, keysOf(fn, c.Args), nil
}

// rootAliases returns the aliases of the call root r's result in fn's
// keys (Result unset; a key "" when the argument has none).
func (a *checker) rootAliases(fn *ssa.Function, r callRoot) []Alias {
	callee, args, bindings := calleeOf(fn, r.call)
	if callee == nil {
		return nil
	}
	var out []Alias
	for _, al := range a.results(callee).aliases {
		if al.Result != r.index {
			continue
		}
		if k := rebase(al.Key, args, bindings); k != "" {
			out = append(out, Alias{Path: al.Path, Key: k})
		}
	}
	return out
}

// splitRoot splits a key into its root and the steps after it.
func splitRoot(k key) (key, string) {
	if i := strings.IndexByte(k, '.'); i >= 0 {
		return k[:i], k[i:]
	}
	return k, ""
}

// canon maps a key rooted at a call's result through a field the
// callee's aliases name back to the caller's key of that field's value
// (`begin(c).owner.*.mu` is `c.mu`), unless the caller stores into that
// field of the result itself.
func (a *checker) canon(fn *ssa.Function, k key) key {
	for range 4 {
		if !strings.HasPrefix(k, "v") && !strings.HasPrefix(k, "a") {
			return k
		}
		root, rest := splitRoot(k)
		r, ok := a.callRoots(fn)[root]
		if !ok {
			return k
		}
		if rest, ok = r.steps(rest); !ok || rest == "" {
			return k
		}
		var best Alias
		for _, al := range a.rootAliases(fn, r) {
			if stepPrefix(rest, al.Path) && len(al.Path) > len(best.Path) {
				best = al
			}
		}
		if best.Path == "" || r.storedInto(best.Path) {
			return k
		}
		k = strings.ReplaceAll(best.Key+rest[len(best.Path):], ".&.*", "")
	}
	return k
}

// stepPrefix reports whether the steps p begin the steps s.
func stepPrefix(s, p string) bool {
	return strings.HasPrefix(s, p) && (len(s) == len(p) || s[len(p)] == '.' || s[len(p)] == '[')
}

// storedInto reports whether the caller stores into the first field of
// path on the result (`h := begin(c); h.owner = d`).
func (r callRoot) storedInto(path string) bool {
	if r.cell == nil {
		return storedInto(r.value, path)
	}
	for _, cr := range *r.cell.Referrers() {
		if ld, ok := cr.(*ssa.UnOp); ok && ld.Op == token.MUL && storedInto(ld, path) {
			return true
		}
	}
	return false
}

func storedInto(v ssa.Value, path string) bool {
	name, _, _ := strings.Cut(strings.TrimPrefix(path, "."), ".")
	for _, r := range *v.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fieldName(fa.X.Type(), fa.Field, true) != name {
			continue
		}
		for _, fr := range *fa.Referrers() {
			switch fr.(type) {
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				return true // a store into the field, or its address taken
			}
		}
	}
	return false
}

// handleMayHold reports whether the lock k and the released lock rk may
// be one mutex reached through a handle the engine cannot map: one of
// the two is rooted at the result of a call that was given the other's
// owner (or something it is reached from), the callee's aliases do not
// decide the path, and the two mutexes are not told apart by the fields
// that hold them.
func (a *checker) handleMayHold(fn *ssa.Function, k, rk key) bool {
	return a.throughHandle(fn, rk, k) || a.throughHandle(fn, k, rk)
}

func (a *checker) throughHandle(fn *ssa.Function, h, o key) bool {
	if !strings.HasPrefix(h, "v") && !strings.HasPrefix(h, "a") || o == "" {
		return false
	}
	root, rest := splitRoot(h)
	r, ok := a.callRoots(fn)[root]
	if !ok {
		return false
	}
	if rest, ok = r.steps(rest); !ok || rest == "" {
		return false
	}
	if !givenOwner(fn, r.call, o) {
		return false
	}
	if !strings.Contains(rest, ".*") {
		// The mutex lies inside the result itself: when the callee
		// made the result fresh, it is a new mutex, no lock of the
		// caller's.
		if callee, _, _ := calleeOf(fn, r.call); callee != nil && a.results(callee).isFresh(r.index) {
			return false
		}
	}
	return mayBeSameField(h, o)
}

// givenOwner reports whether the call received a value the lock o is
// reached from (its receiver, an argument or a binding).
func givenOwner(fn *ssa.Function, c *ssa.CallCommon, o key) bool {
	var vals []ssa.Value
	vals = append(vals, c.Args...)
	if c.IsInvoke() {
		vals = append(vals, c.Value)
	} else if mc, ok := c.Value.(*ssa.MakeClosure); ok {
		vals = append(vals, mc.Bindings...)
	}
	for _, x := range vals {
		if ak := keyOf(fn, x); ak != "" && !strings.HasPrefix(ak, "c:") && strings.HasPrefix(o, ak+".") {
			return true
		}
	}
	return false
}

// mayBeSameField reports whether the mutexes two keys name may be one:
// unless both are fields (the last step a field's name) of different
// names, which are different memory.
func mayBeSameField(k1, k2 key) bool {
	l1, l2 := lastStep(k1), lastStep(k2)
	if isFieldStep(l1) && isFieldStep(l2) {
		return l1 == l2
	}
	return true
}

func lastStep(k key) string {
	if i := strings.LastIndexAny(k, ".["); i >= 0 {
		return k[i:]
	}
	return ""
}

func isFieldStep(s string) bool {
	return strings.HasPrefix(s, ".") && s != ".*" && s != ".&" && len(s) > 1
}
