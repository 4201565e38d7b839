package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// Branch conditions that a path has already decided.
//
// `fd, didOpen := b.fd, false; if fd == nil { fd, err = os.Open(n); ...;
// didOpen = true }; ...; if didOpen { fd.Close() }`: on every path from
// the acquisition the flag's φ took the constant true, so the edge where
// it is false does not exist there. The same holds for a condition that
// guards the acquisition and is tested again later (`if own { open }
// ... if own { close }`), and for a condition the path itself branched
// on earlier. A path carries at most maxDecided such facts; one it cannot
// hold is forgotten, which only keeps more edges alive.

const maxDecided = 3

// decision says that the boolean v has the value val on the path, or
// that the integer v (a counting loop's φ) has the value n.
type decision struct {
	v   ssa.Value
	val bool
	n   int64
}

type decisions [maxDecided]decision

// lookup gives the value the path decided for v.
func (d *decisions) lookup(v ssa.Value) (val, ok bool) {
	for _, x := range d {
		if x.v == v {
			return x.val, true
		}
	}
	return false, false
}

// lookupInt gives the value the path decided for the integer v.
func (d *decisions) lookupInt(v ssa.Value) (int64, bool) {
	for _, x := range d {
		if x.v == v {
			return x.n, true
		}
	}
	return 0, false
}

// withInt records the integer v = n, as with does a boolean.
func (d decisions) withInt(v ssa.Value, n int64) decisions {
	for i, x := range d {
		if x.v == v {
			d[i].n = n
			return d
		}
	}
	for i, x := range d {
		if x.v == nil {
			d[i] = decision{v: v, n: n}
			return d
		}
	}
	return d
}

// with records v = val, replacing an earlier fact about v; when all slots
// are taken the new fact is dropped.
func (d decisions) with(v ssa.Value, val bool) decisions {
	for i, x := range d {
		if x.v == v {
			d[i].val = val
			return d
		}
	}
	for i, x := range d {
		if x.v == nil {
			d[i] = decision{v: v, val: val}
			return d
		}
	}
	return d
}

// entering forgets what was decided about the values that block b
// defines (they take new values when b runs again) and records the
// constants its boolean φs receive on the edge from pred, and the values
// its counters receive there (the constant a counting loop starts from,
// or the counter of the iteration that ends plus a constant).
func (t *tracker) entering(d decisions, pred, b *ssa.BasicBlock) decisions {
	ci := t.e.retestedIn(t.fn)
	if len(ci.retested) == 0 && len(ci.counters) == 0 {
		return d
	}
	edge := ssanav.PredIndex(b, pred)
	var counted [maxDecided]decision
	nc := 0
	if edge >= 0 && len(ci.counters) > 0 {
		for _, in := range b.Instrs {
			phi, ok := in.(*ssa.Phi)
			if !ok {
				break
			}
			if !ci.counters[phi] || nc == len(counted) {
				continue
			}
			if n, ok := t.intValue(&d, phi.Edges[edge]); ok && n >= -maxCount && n <= maxCount {
				counted[nc] = decision{v: phi, n: n}
				nc++
			}
		}
	}
	for i, x := range d {
		if in, ok := x.v.(ssa.Instruction); ok && in.Block() == b {
			d[i] = decision{}
		}
		if in, ok := readBase(x.v).(ssa.Instruction); ok && in.Block() == b {
			// A read of a field of a value b makes anew (a range
			// loop's per-iteration variable).
			d[i] = decision{}
		}
	}
	for _, c := range counted[:nc] {
		d = d.withInt(c.v, c.n)
	}
	if edge < 0 {
		return d
	}
	for _, in := range b.Instrs {
		phi, ok := in.(*ssa.Phi)
		if !ok {
			break
		}
		if !ci.retested[phi] {
			continue
		}
		if c, ok := phi.Edges[edge].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
			d = d.with(phi, constant.BoolVal(c.Value))
		} else if val, ok := d.lookup(ci.key(phi.Edges[edge])); ok {
			d = d.with(phi, val)
		}
	}
	return d
}

// decidedEdge reports whether the path has decided cond, and so whether
// the edge (taken or not) exists on it.
func (t *tracker) decidedEdge(d *decisions, cond ssa.Value, taken bool) (alive, known bool) {
	ci := t.e.retestedIn(t.fn)
	if len(ci.counters) > 0 {
		if val, ok := t.compared(d, cond); ok {
			return val == taken, true
		}
	}
	if len(ci.retested) == 0 {
		return true, false
	}
	if val, ok := d.lookup(ci.key(cond)); ok {
		return val == taken, true
	}
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		if val, ok := d.lookup(ci.key(u.X)); ok {
			return val != taken, true
		}
	}
	return true, false
}

// branched records what taking the edge of iff says about its condition,
// when that condition is tested elsewhere too.
func (t *tracker) branched(d decisions, cond ssa.Value, taken bool) decisions {
	ci := t.e.retestedIn(t.fn)
	if ci.retested[ci.key(cond)] {
		return d.with(ci.key(cond), taken)
	}
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT && ci.retested[ci.key(u.X)] {
		return d.with(ci.key(u.X), !taken)
	}
	return d
}

// dominatingDecisions holds the conditions that every path to block b
// has decided: an If whose one successor dominates b. (The condition's
// own block dominates the If, so the value cannot change between the
// If and b without the If running again.)
func (t *tracker) dominatingDecisions(b *ssa.BasicBlock) decisions {
	var d decisions
	if len(t.e.retestedIn(t.fn).retested) == 0 {
		return d
	}
	for dom := b.Idom(); dom != nil; dom = dom.Idom() {
		iff, ok := dom.Instrs[len(dom.Instrs)-1].(*ssa.If)
		if !ok || len(dom.Succs) != 2 {
			continue
		}
		thenDom, elseDom := dom.Succs[0].Dominates(b), dom.Succs[1].Dominates(b)
		if thenDom == elseDom {
			continue
		}
		d = t.branched(d, iff.Cond, thenDom)
	}
	return d
}

// condInfo is what fn's branches test, for decisions.
type condInfo struct {
	// retested holds the boolean values (by their canonical value) that
	// decide more than one branch of fn, directly or negated, and the
	// boolean φs that decide one: only for those is a decided path worth
	// remembering.
	retested map[ssa.Value]bool
	// canon maps a read to the first read of the same thing, where both
	// must give the same value: `tc.wantErr` read twice from a struct
	// parameter, or from a captured variable whose field nothing in fn
	// writes or lets escape (`tt.stopBroker` in a subtest's literal).
	canon map[ssa.Value]ssa.Value
	// counters holds the integer φs that a branch compares, directly or
	// plus a constant, and that take a constant on some edge: the
	// counters of loops (`for i := 0; i < 2; i++`, a range over a slice).
	counters map[*ssa.Phi]bool
	// lens holds the operands of those comparisons whose value is fixed:
	// the length of a local array's slice or of a fixed table.
	lens map[ssa.Value]int64
}

// maxCount bounds the counter values a path remembers: the walk follows
// a counting loop exactly for its first iterations, after which its test
// is undecided again (and the walk ends, the states repeating).
const maxCount = 8

// intValue gives the value of the integer v on the path, when it is a
// constant, a fixed length, a counter the path decided, or a sum or
// difference of those.
func (t *tracker) intValue(d *decisions, v ssa.Value) (int64, bool) {
	ci := t.e.retestedIn(t.fn)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.Int {
			return 0, false
		}
		return constant.Int64Val(v.Value)
	case *ssa.Phi:
		if !ci.counters[v] {
			return 0, false
		}
		return d.lookupInt(v)
	case *ssa.BinOp:
		if v.Op != token.ADD && v.Op != token.SUB {
			break
		}
		x, ok := t.intValue(d, v.X)
		if !ok {
			return 0, false
		}
		y, ok := t.intValue(d, v.Y)
		if !ok || x < -maxCount || x > maxCount || y < -maxCount || y > maxCount {
			return 0, false
		}
		n := x + y
		if v.Op == token.SUB {
			n = x - y
		}
		if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsUnsigned != 0 && n < 0 {
			return 0, false
		}
		return n, true
	}
	n, ok := ci.lens[v]
	return n, ok
}

// compared gives the value of cond when it compares integers whose
// values the path knows: the test of a counting loop on an iteration the
// path counted (`0 < 2` on the way in).
func (t *tracker) compared(d *decisions, cond ssa.Value) (val, ok bool) {
	cmp, isCmp := cond.(*ssa.BinOp)
	if !isCmp {
		return false, false
	}
	switch cmp.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return false, false
	}
	x, ok := t.intValue(d, cmp.X)
	if !ok {
		return false, false
	}
	y, ok := t.intValue(d, cmp.Y)
	if !ok {
		return false, false
	}
	switch cmp.Op {
	case token.LSS:
		return x < y, true
	case token.LEQ:
		return x <= y, true
	case token.GTR:
		return x > y, true
	case token.GEQ:
		return x >= y, true
	case token.EQL:
		return x == y, true
	}
	return x != y, true
}

// counterOf gives the counter that x is, or adds a constant to.
func counterOf(x ssa.Value) *ssa.Phi {
	if b, ok := x.(*ssa.BinOp); ok && (b.Op == token.ADD || b.Op == token.SUB) {
		if _, ok := b.Y.(*ssa.Const); ok {
			x = b.X
		}
	}
	phi, ok := x.(*ssa.Phi)
	if !ok {
		return nil
	}
	if b, ok := phi.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil
	}
	for _, e := range phi.Edges {
		if _, ok := e.(*ssa.Const); ok {
			return phi
		}
	}
	return nil
}

// noteCounters records in ci the counters that cmp compares and the
// fixed lengths it compares them with.
func (e *engine) noteCounters(ci *condInfo, cmp *ssa.BinOp) {
	switch cmp.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return
	}
	found := false
	for _, x := range []ssa.Value{cmp.X, cmp.Y} {
		if phi := counterOf(x); phi != nil {
			if ci.counters == nil {
				ci.counters = map[*ssa.Phi]bool{}
			}
			ci.counters[phi] = true
			found = true
		}
	}
	if !found {
		return
	}
	for _, x := range []ssa.Value{cmp.X, cmp.Y} {
		n, ok := constLen(x)
		if _, isConst := x.(*ssa.Const); isConst {
			continue
		}
		if !ok {
			n, ok = e.tableLen(x)
		}
		if ok {
			if ci.lens == nil {
				ci.lens = map[ssa.Value]int64{}
			}
			ci.lens[x] = n
		}
	}
}

func (c *condInfo) key(v ssa.Value) ssa.Value {
	if k, ok := c.canon[v]; ok {
		return k
	}
	return v
}

// retestedIn gives fn's condInfo.
func (e *engine) retestedIn(fn *ssa.Function) *condInfo {
	if r, ok := e.retested[fn]; ok {
		return r
	}
	ci := &condInfo{canon: sameReads(fn)}
	count := map[ssa.Value]int{}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		v := iff.Cond
		if cmp, ok := v.(*ssa.BinOp); ok {
			e.noteCounters(ci, cmp)
		}
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.NOT {
			v = u.X
		}
		count[ci.key(v)]++
	}
	for v, n := range count {
		_, isPhi := v.(*ssa.Phi)
		if n < 2 && !isPhi {
			continue
		}
		if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsBoolean == 0 {
			continue
		}
		if ci.retested == nil {
			ci.retested = map[ssa.Value]bool{}
		}
		ci.retested[v] = true
	}
	e.retested[fn] = ci
	return ci
}

// sameReads maps each read of a struct field that must give the same
// value as an earlier read to that earlier one (in block order):
// extractions of one field from one struct value, and loads of one field
// through a parameter, a free variable, a parameter's spill or a local
// written whole once in its own block (a range loop's variable), whose
// field addresses fn and the closures it makes only load from.
func sameReads(fn *ssa.Function) map[ssa.Value]ssa.Value {
	type readKey struct {
		base ssa.Value
		f    int
		load bool
	}
	var canon map[ssa.Value]ssa.Value
	first := map[readKey]ssa.Value{}
	rep := func(v ssa.Value) ssa.Value {
		if k, ok := canon[v]; ok {
			return k
		}
		return v
	}
	note := func(k readKey, v ssa.Value) {
		if f, ok := first[k]; ok {
			if canon == nil {
				canon = map[ssa.Value]ssa.Value{}
			}
			canon[v] = f
			return
		}
		first[k] = v
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Field:
				note(readKey{rep(in.X), in.Field, false}, in)
			case *ssa.UnOp:
				if in.Op != token.MUL {
					continue
				}
				fa, ok := in.X.(*ssa.FieldAddr)
				if !ok || !onlyRead(fa) {
					continue
				}
				switch x := fa.X.(type) {
				case *ssa.Parameter, *ssa.FreeVar:
				case *ssa.Alloc:
					// A parameter spilled to a local: written whole once,
					// in the entry block, before any read.
					if x.Block() != fn.Blocks[0] && !assignedOnce(x) {
						continue
					}
				default:
					continue
				}
				note(readKey{fa.X, fa.Field, true}, in)
			}
		}
	}
	return canon
}

// readBase gives the struct value or address whose field v reads.
func readBase(v ssa.Value) ssa.Value {
	switch v := v.(type) {
	case *ssa.Field:
		return v.X
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return fa.X
		}
	}
	return nil
}

// assignedOnce reports whether the local variable a is written whole once,
// in its own block, before any field of it is addressed there: a range
// loop's per-iteration variable (`for _, test := range tests`), made anew
// and assigned at the top of each iteration.
func assignedOnce(a *ssa.Alloc) bool {
	stores := 0
	stored := false
	for _, instr := range a.Block().Instrs {
		switch in := instr.(type) {
		case *ssa.Store:
			if in.Addr == a {
				stored = true
			}
		case *ssa.FieldAddr:
			if in.X == a && !stored {
				return false
			}
		}
	}
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if st.Block() != a.Block() {
				return false
			}
			stores++
		}
	}
	return stores == 1 && stored
}

// readOnlyCapture reports whether the closure mc makes only reads what it
// captures as x: its free variable is only loaded, whole or by field.
func readOnlyCapture(mc *ssa.MakeClosure, x ssa.Value) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != x {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.FieldAddr:
				for _, u := range *r.Referrers() {
					if l, ok := u.(*ssa.UnOp); !ok || l.Op != token.MUL {
						return false
					}
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// onlyRead reports whether no FieldAddr of fa's base and field in fa's
// function is used for anything but a load.
func onlyRead(fa *ssa.FieldAddr) bool {
	refs := fa.X.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		other, ok := r.(*ssa.FieldAddr)
		if !ok {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa.X && st.Block() == st.Parent().Blocks[0] {
				continue // the spill of a parameter
			}
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa.X {
				if a, ok := fa.X.(*ssa.Alloc); ok && st.Block() == a.Block() && assignedOnce(a) {
					continue // the assignment of a range loop's variable
				}
			}
			if mc, ok := r.(*ssa.MakeClosure); ok && readOnlyCapture(mc, fa.X) {
				continue // captured by a closure that only reads it
			}
			// The base itself is passed, stored or compared: a callee
			// may write the field through it.
			return false
		}
		if other.Field != fa.Field {
			continue
		}
		for _, u := range *other.Referrers() {
			if l, ok := u.(*ssa.UnOp); !ok || l.Op != token.MUL {
				return false
			}
		}
	}
	return true
}
