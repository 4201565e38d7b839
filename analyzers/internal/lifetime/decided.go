package lifetime

import (
	"go/constant"
	"go/token"
	"go/types"

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
	retested := t.e.retestedIn(t.fn)
	if len(retested) == 0 {
		return d
	}
	for i, x := range d {
		if in, ok := x.v.(ssa.Instruction); ok && in.Block() == b {
			d[i] = decision{}
		}
	}
	edge := -1
	for i, p := range b.Preds {
		if p == pred {
			edge = i
			break
		}
	}
	if edge < 0 {
		return d
	}
	for _, in := range b.Instrs {
		phi, ok := in.(*ssa.Phi)
		if !ok {
			break
		}
		if !retested[phi] {
			continue
		}
		if c, ok := phi.Edges[edge].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
			d = d.with(phi, constant.BoolVal(c.Value))
		} else if val, ok := d.lookup(phi.Edges[edge]); ok {
			d = d.with(phi, val)
		}
	}
	return d
}

// decidedEdge reports whether the path has decided cond, and so whether
// the edge (taken or not) exists on it.
func (d *decisions) decidedEdge(cond ssa.Value, taken bool) (alive, known bool) {
	if val, ok := d.lookup(cond); ok {
		return val == taken, true
	}
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		if val, ok := d.lookup(u.X); ok {
			return val != taken, true
		}
	}
	return true, false
}

// branched records what taking the edge of iff says about its condition,
// when that condition is tested elsewhere too.
func (t *tracker) branched(d decisions, cond ssa.Value, taken bool) decisions {
	retested := t.e.retestedIn(t.fn)
	switch {
	case retested[cond]:
		return d.with(cond, taken)
	case isNotOfRetested(cond, retested):
		return d.with(cond.(*ssa.UnOp).X, !taken)
	}
	return d
}

func isNotOfRetested(cond ssa.Value, retested map[ssa.Value]bool) bool {
	u, ok := cond.(*ssa.UnOp)
	return ok && u.Op == token.NOT && retested[u.X]
}

// dominatingDecisions holds the conditions that every path to block b
// has decided: an If whose one successor dominates b. (The condition's
// own block dominates the If, so the value cannot change between the
// If and b without the If running again.)
func (t *tracker) dominatingDecisions(b *ssa.BasicBlock) decisions {
	var d decisions
	retested := t.e.retestedIn(t.fn)
	if len(retested) == 0 {
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

// retestedIn gives the boolean values that decide more than one branch
// of fn (directly or negated), and the boolean φs that decide one: only
// for those is a decided path worth remembering.
func (e *engine) retestedIn(fn *ssa.Function) map[ssa.Value]bool {
	if r, ok := e.retested[fn]; ok {
		return r
	}
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
		count[v]++
	}
	var r map[ssa.Value]bool
	for v, n := range count {
		_, isPhi := v.(*ssa.Phi)
		if n < 2 && !isPhi {
			continue
		}
		if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsBoolean == 0 {
			continue
		}
		if r == nil {
			r = map[ssa.Value]bool{}
		}
		r[v] = true
	}
	e.retested[fn] = r
	return r
}
