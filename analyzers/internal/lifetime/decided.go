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

// decision says that the boolean v has the value val on the path.
type decision struct {
	v   ssa.Value
	val bool
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
			d[i] = decision{v, val}
			return d
		}
	}
	return d
}

// entering forgets what was decided about the values that block b
// defines (they take new values when b runs again) and records the
// constants its boolean φs receive on the edge from pred.
func (t *tracker) entering(d decisions, pred, b *ssa.BasicBlock) decisions {
	ci := t.e.retestedIn(t.fn)
	if len(ci.retested) == 0 {
		return d
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
	edge := ssanav.PredIndex(b, pred)
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
	if len(ci.retested) == 0 && *d == (decisions{}) {
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
