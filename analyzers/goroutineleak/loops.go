package goroutineleak

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// loop is a natural loop: a header and every block that reaches one of
// the header's back edges without passing through it.
type loop struct {
	header *ssa.BasicBlock
	body   map[*ssa.BasicBlock]bool
}

// loopsOf returns fn's natural loops, outermost first where nested.
func loopsOf(fn *ssa.Function) []*loop {
	byHeader := make(map[*ssa.BasicBlock]*loop)
	var out []*loop
	for _, b := range fn.Blocks {
		for _, s := range b.Succs {
			if !s.Dominates(b) {
				continue
			}
			l := byHeader[s]
			if l == nil {
				l = &loop{header: s, body: map[*ssa.BasicBlock]bool{s: true}}
				byHeader[s] = l
				out = append(out, l)
			}
			work := []*ssa.BasicBlock{b}
			for len(work) > 0 {
				x := work[len(work)-1]
				work = work[:len(work)-1]
				if l.body[x] {
					continue
				}
				l.body[x] = true
				work = append(work, x.Preds...)
			}
		}
	}
	return out
}

// unbounded stands for a count with no known bound.
const unbounded = 1 << 30

func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a >= unbounded || b >= unbounded || a*b >= unbounded {
		return unbounded
	}
	return a * b
}

func satAdd(a, b int64) int64 {
	if a+b >= unbounded {
		return unbounded
	}
	return a + b
}

// exitsOnlyFrom reports whether the only edges leaving the loop's body
// start at block exit (the header's test, or the latch's).
func exitsOnlyFrom(l *loop, exit *ssa.BasicBlock) bool {
	for b := range l.body {
		for _, s := range b.Succs {
			if !l.body[s] && b != exit {
				return false
			}
		}
	}
	return true
}

// trips returns how many times l's body runs when it is a counted loop
// (for i := a; i < b; i++, or a range over an array, a slice literal or
// a fixed table, with a start and a limit fixed at compile time, as fixed
// tells, and no exit but the test), or unbounded.
func trips(l *loop, fixed func(ssa.Value) (int64, bool)) int64 {
	return countTrips(l, fixed, true)
}

// tripsAtMost bounds how many times l's body runs from above: as trips,
// but other exits (a break, a return on an error) may leave the counted
// loop earlier.
func tripsAtMost(l *loop, fixed func(ssa.Value) (int64, bool)) int64 {
	return countTrips(l, fixed, false)
}

func countTrips(l *loop, fixed func(ssa.Value) (int64, bool), only bool) int64 {
	h := l.header
	cond, ok := h.Instrs[len(h.Instrs)-1].(*ssa.If)
	if !ok || !l.body[h.Succs[0]] || l.body[h.Succs[1]] {
		return rotatedTrips(l, fixed, only)
	}
	if only && !exitsOnlyFrom(l, h) {
		return unbounded
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok {
		return unbounded
	}
	limit, okLimit := fixed(bin.Y)
	if !okLimit {
		return unbounded
	}
	start, ok := counter(l, bin.X)
	if !ok {
		return rotatedTrips(l, fixed, only)
	}
	var n int64
	switch bin.Op {
	case token.LSS, token.NEQ:
		n = limit - start
	case token.LEQ:
		n = limit - start + 1
	default:
		return unbounded
	}
	if n < 0 {
		return 0
	}
	return n
}

// rotatedTrips counts a loop whose test is at its end, the way "for range
// N" is built: the header is the body's first block, its counter a phi of
// the start constant and the incremented value the one latch tests
// ("i+1 < N") before going back. The body runs at least once.
func rotatedTrips(l *loop, fixed func(ssa.Value) (int64, bool), only bool) int64 {
	h := l.header
	var latch *ssa.BasicBlock
	for _, p := range h.Preds {
		if l.body[p] {
			if latch != nil {
				return unbounded
			}
			latch = p
		}
	}
	if latch == nil {
		return unbounded
	}
	cond, ok := latch.Instrs[len(latch.Instrs)-1].(*ssa.If)
	if !ok || latch.Succs[0] != h || l.body[latch.Succs[1]] {
		return unbounded
	}
	if only && !exitsOnlyFrom(l, latch) {
		return unbounded
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok {
		return unbounded
	}
	limit, ok := fixed(bin.Y)
	if !ok {
		return unbounded
	}
	next, ok := bin.X.(*ssa.BinOp)
	if !ok || next.Op != token.ADD {
		return unbounded
	}
	if step, ok := intConst(next.Y); !ok || step != 1 {
		return unbounded
	}
	// The one edge into h from the body is latch's.
	_, entry, back, ok := counterEdges(l, next.X)
	if !ok || back != ssa.Value(next) {
		return unbounded
	}
	start, ok := intConst(entry)
	if !ok {
		return unbounded
	}
	var n int64
	switch bin.Op {
	case token.LSS, token.NEQ:
		n = limit - start
	case token.LEQ:
		n = limit - start + 1
	default:
		return unbounded
	}
	return max(n, 1)
}

// counter recognises the induction variable of a counted loop, tested in
// the header, and returns its start. It is either a phi of the start
// constant and itself plus one, or (when closures capture a per-iteration
// loop variable) a load through a phi of variables holding those values.
func counter(l *loop, x ssa.Value) (int64, bool) {
	h := l.header
	if ld, ok := x.(*ssa.UnOp); ok && ld.Op == token.MUL {
		_, entry, back, ok := counterEdges(l, ld.X)
		if !ok {
			return 0, false
		}
		init, ok := lastStore(entry)
		if !ok {
			return 0, false
		}
		v, ok := lastStore(back)
		if !ok {
			return 0, false
		}
		add, ok := v.(*ssa.BinOp)
		if !ok || add.Op != token.ADD {
			return 0, false
		}
		if prev, ok := add.X.(*ssa.UnOp); !ok || prev.Op != token.MUL || prev.X != back {
			return 0, false
		}
		if step, ok := intConst(add.Y); !ok || step != 1 {
			return 0, false
		}
		return intConst(init)
	}
	if next, ok := x.(*ssa.BinOp); ok && next.Op == token.ADD {
		// A range over an array or a slice: the header increments a
		// phi that starts one below the first index and tests it
		// ("i+1 < len") before the body, which is not in the header.
		if step, ok := intConst(next.Y); !ok || step != 1 {
			return 0, false
		}
		for _, in := range h.Instrs {
			switch in.(type) {
			case *ssa.Phi, *ssa.BinOp, *ssa.If:
			default:
				return 0, false
			}
		}
		if h.Succs[0] == h {
			return 0, false
		}
		_, entry, back, ok := counterEdges(l, next.X)
		if !ok || back != ssa.Value(next) {
			return 0, false
		}
		start, ok := intConst(entry)
		return start + 1, ok
	}
	phi, entry, back, ok := counterEdges(l, x)
	if !ok {
		return 0, false
	}
	add, ok := back.(*ssa.BinOp)
	if !ok || add.Op != token.ADD || add.X != ssa.Value(phi) {
		return 0, false
	}
	if step, ok := intConst(add.Y); !ok || step != 1 {
		return 0, false
	}
	return intConst(entry)
}

// counterEdges reads x as a loop counter's phi, one of l's header with
// two edges, one from before the loop and one from its body: it returns
// the phi, the value it enters the loop with and the value it comes back
// with, or false.
func counterEdges(l *loop, x ssa.Value) (phi *ssa.Phi, entry, back ssa.Value, ok bool) {
	h := l.header
	phi, ok = x.(*ssa.Phi)
	if !ok || phi.Block() != h || len(phi.Edges) != 2 {
		return nil, nil, nil, false
	}
	for i, e := range phi.Edges {
		if l.body[h.Preds[i]] {
			back = e
		} else {
			entry = e
		}
	}
	return phi, entry, back, entry != nil && back != nil
}

// lastStore returns the value last stored into a local variable (an
// Alloc) in the block that allocates it.
func lastStore(v ssa.Value) (ssa.Value, bool) {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	var val ssa.Value
	for _, in := range a.Block().Instrs {
		if st, ok := in.(*ssa.Store); ok && st.Addr == a {
			val = st.Val
		}
	}
	return val, val != nil
}

func intConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(c.Value)
	return n, exact
}

// multiplier bounds how many times block b runs per run of its function,
// as far as counted loops tell.
func multiplier(b *ssa.BasicBlock, loops []*loop, fixed func(ssa.Value) (int64, bool)) int64 {
	n := int64(1)
	for _, l := range loops {
		if l.body[b] {
			n = satMul(n, tripsAtMost(l, fixed))
		}
	}
	return n
}
