package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// handoff checks a goroutine that sends results on channels its parent
// made and receives from: the single-result hand-off, the producer whose
// consumer may stop early, and goroutines started in a loop that all send
// to one channel (fan-out). The goroutine leaks on any path on which the
// parent returns having received fewer values than the goroutines send,
// beyond what the buffer holds.
//
// Only channels whose every use is known qualify: made in the parent,
// received from only there, sent on only by this goroutine, and never
// reaching code the model cannot see.
func (m *model) handoff(g *ssa.Go, fn *ssa.Function) *finding {
	return m.handoffWith(g, m.reachFrom(fn), func(group map[int32]bool) int64 {
		return m.maxSends(fn, group, make(map[*ssa.Function]int64), make(map[*ssa.Function]bool))
	})
}

// handoffWith runs the check for a goroutine that runs the functions in
// reach (none when it runs another package's function, whose summary
// then stands as operations at the go statement itself); countSends
// bounds its sends on a group of channels.
func (m *model) handoffWith(g *ssa.Go, reach []*ssa.Function, countSends func(map[int32]bool) int64) *finding {
	parent := g.Parent()
	inReach := make(map[*ssa.Function]bool)
	for _, f := range reach {
		inReach[f] = true
	}
	if inReach[parent] {
		return nil
	}
	group := make(map[int32]bool)
	firstSend := make(map[int32]*op)
	consider := func(o *op) {
		if o.kind != opSend || !m.bareSend(o) {
			return
		}
		if group[o.class] || m.pureHandoff(o.class, g, inReach) {
			group[o.class] = true
			if prev := firstSend[o.class]; prev == nil || o.instr.Pos() < prev.instr.Pos() {
				firstSend[o.class] = o
			}
		}
	}
	for _, f := range reach {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				for _, o := range m.opsOf[in] {
					consider(o)
				}
			}
		}
	}
	for _, o := range m.opsOf[g] {
		consider(o)
	}
	if len(group) == 0 {
		return nil
	}
	sends := countSends(group)
	if sends == 0 {
		return nil
	}
	var makes []*ssa.MakeChan
	capacity := int64(0)
	for class := range group {
		mk := m.flow.info[class].makes[0]
		makes = append(makes, mk)
		n, _ := m.flow.capacity(mk, m.open)
		if len(group) > 1 && n != 0 {
			return nil
		}
		capacity = n
	}
	sort.Slice(makes, func(i, j int) bool { return makes[i].Pos() < makes[j].Pos() })

	loops := loopsOf(parent)
	instances := int64(1)
	for _, l := range loops {
		if !l.body[g.Block()] {
			continue
		}
		outside := true
		for _, mk := range makes {
			if l.body[mk.Block()] {
				outside = false
			}
		}
		if outside {
			instances = satMul(instances, trips(l))
		}
	}
	fanout := instances > 1
	total := satMul(sends, instances)
	if fanout && capacity != 0 {
		return nil
	}
	ex := m.parentExit(g, group, makes, loops, total, capacity)
	if ex == nil {
		return nil
	}

	var names []string
	var classes []int32
	for class := range group {
		classes = append(classes, class)
	}
	sort.Slice(classes, func(i, j int) bool { return firstSend[classes[i]].instr.Pos() < firstSend[classes[j]].instr.Pos() })
	for _, class := range classes {
		names = append(names, m.chanName(firstSend[class]))
	}
	name := strings.Join(names, " or ")
	at := m.line(g.Pos(), ex.pos)
	f := &finding{pos: g.Pos(), related: ex.pos, category: catHandoff}
	switch {
	case fanout:
		f.category = catFanout
		f.message = fmt.Sprintf("goroutines started here block forever sending on %s: the caller can return at %s before receiving from all of them", name, at)
		f.relatedText = "the caller returns here"
	case ex.remake:
		f.message = fmt.Sprintf("goroutine blocks forever sending on %s: the caller can make a new channel at %s without receiving", name, at)
		f.relatedText = "the caller moves on here"
	case ex.count > 0:
		f.message = fmt.Sprintf("goroutine blocks forever sending on %s: the caller can stop receiving and return at %s", name, at)
		f.relatedText = "the caller returns here"
	default:
		f.message = fmt.Sprintf("goroutine blocks forever sending on %s: the caller can return at %s without receiving", name, at)
		f.relatedText = "the caller returns here"
	}
	if !fanout && sends == 1 && capacity == 0 {
		f.fix = m.bufferFix(makes)
	}
	return f
}

// bareSend reports whether o blocks until a receiver comes: a send
// statement, or a select whose other cases can never fire.
func (m *model) bareSend(o *op) bool {
	if o.virtual {
		return true
	}
	sel, ok := o.instr.(*ssa.Select)
	if !ok {
		return true
	}
	if !sel.Blocking {
		return false
	}
	for _, other := range m.opsOf[sel] {
		if other != o && !m.stuck[other] {
			return false
		}
	}
	return true
}

// pureHandoff reports whether every use of the class is accounted for: one
// make in the parent, receives only in the parent, sends only in the
// goroutine, no close in the parent, and no member reaching unseen code.
// Operations that another package's summary contributes sit at call
// sites; only the goroutine's own may send or close.
func (m *model) pureHandoff(class int32, g *ssa.Go, inReach map[*ssa.Function]bool) bool {
	parent := g.Parent()
	c := m.flow.info[class]
	if c.extSrc || c.escSend || c.escRecv || c.isDone || len(c.makes) != 1 {
		return false
	}
	if c.makes[0].Parent() != parent {
		return false
	}
	if _, ok := m.flow.capacity(c.makes[0], m.open); !ok {
		return false
	}
	for _, o := range c.ops {
		if o.virtual {
			if o.instr != ssa.Instruction(g) || o.kind == opRecv {
				return false
			}
			continue
		}
		fn := o.instr.Parent()
		switch o.kind {
		case opSend:
			if !inReach[fn] {
				return false
			}
		case opRecv:
			if fn != parent {
				return false
			}
		case opClose:
			if fn == parent {
				return false
			}
		}
	}
	return true
}

// maxSends bounds from above, along any one run of fn, the number of
// blocking sends on the group, or returns unbounded. Recursion counts as
// nothing, which can only make the bound smaller.
func (m *model) maxSends(fn *ssa.Function, group map[int32]bool, memo map[*ssa.Function]int64, visiting map[*ssa.Function]bool) int64 {
	if v, ok := memo[fn]; ok {
		return v
	}
	if visiting[fn] {
		return 0
	}
	visiting[fn] = true
	defer delete(visiting, fn)
	loops := loopsOf(fn)
	weight := make(map[*ssa.BasicBlock]int64)
	succs := make(map[*ssa.BasicBlock][]*ssa.BasicBlock)
	var blocks []*ssa.BasicBlock
	m.walk(fn, func(b *ssa.BasicBlock, n int) {
		blocks = append(blocks, b)
		var w int64
		for _, in := range b.Instrs[:n] {
			for _, o := range m.opsOf[in] {
				if o.kind == opSend && group[o.class] && m.bareSend(o) && !o.virtual {
					w = satAdd(w, 1)
				}
			}
			if _, isGo := in.(*ssa.Go); isGo {
				continue
			}
			if c, ok := in.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); m.known[callee] {
					w = satAdd(w, m.maxSends(callee, group, memo, visiting))
				}
			}
		}
		weight[b] = satMul(w, multiplier(b, loops))
		if n == len(b.Instrs) {
			_, succs[b] = m.step(b)
		}
	})
	// Longest path over the forward edges, in topological order.
	indeg := make(map[*ssa.BasicBlock]int)
	for _, b := range blocks {
		for _, s := range succs[b] {
			if !s.Dominates(b) {
				indeg[s]++
			}
		}
	}
	dist := make(map[*ssa.BasicBlock]int64)
	var best int64
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	dist[fn.Blocks[0]] = weight[fn.Blocks[0]]
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		best = max(best, dist[b])
		for _, s := range succs[b] {
			if s.Dominates(b) {
				continue
			}
			dist[s] = max(dist[s], satAdd(dist[b], weight[s]))
			indeg[s]--
			if indeg[s] == 0 {
				work = append(work, s)
			}
		}
	}
	memo[fn] = best
	return best
}

type parentExitPoint struct {
	pos    token.Pos
	count  int64
	remake bool
}

// parentExit searches the parent's paths from the go statement for one
// that leaves (returns, or goes round to make a fresh channel) having
// received fewer values than total minus the buffer, without seeing the
// channel closed or finishing a receive loop. It returns the earliest such
// exit in the source.
func (m *model) parentExit(g *ssa.Go, group map[int32]bool, makes []*ssa.MakeChan, loops []*loop, total, capacity int64) *parentExitPoint {
	isMake := make(map[ssa.Instruction]bool)
	for _, mk := range makes {
		isMake[mk] = true
	}
	isRecv := func(in ssa.Instruction) bool {
		for _, o := range m.opsOf[in] {
			if o.kind == opRecv && group[o.class] {
				return true
			}
		}
		return false
	}
	// Loops that receive from the group: leaving one through its header's
	// test means it ran to completion.
	// The header must be a plain loop test: not a select's dispatch, not
	// the receive itself (a for loop without a condition has its body as
	// its header).
	recvLoop := make(map[*ssa.BasicBlock]*loop)
	for _, l := range loops {
		test, ok := l.header.Instrs[len(l.header.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if _, _, isSel := selectCase(test.Cond); isSel || okTuple(test.Cond) != nil {
			continue
		}
		receives, inHeader := false, false
		for b := range l.body {
			for _, in := range b.Instrs {
				if isRecv(in) {
					receives = true
					inHeader = inHeader || b == l.header
				}
			}
		}
		if receives && !inHeader {
			recvLoop[l.header] = l
		}
	}
	type key struct {
		b       int
		count   int64
		drained bool
	}
	type state struct {
		b       *ssa.BasicBlock
		from    int
		count   int64
		drained bool
	}
	limit := total
	if limit > capacity+2 {
		limit = capacity + 2
	}
	seen := make(map[key]bool)
	var exits []*parentExitPoint
	record := func(pos token.Pos, count int64, drained, remake bool) {
		if drained || total <= capacity+count || !pos.IsValid() {
			return
		}
		exits = append(exits, &parentExitPoint{pos: pos, count: count, remake: remake})
	}
	bump := func(c int64) int64 {
		if c+1 > limit {
			return limit
		}
		return c + 1
	}
	idx := 0
	for i, in := range g.Block().Instrs {
		if in == g {
			idx = i + 1
		}
	}
	work := []state{{b: g.Block(), from: idx}}
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		if st.from == 0 {
			k := key{st.b.Index, st.count, st.drained}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		count, drained := st.count, st.drained
		var succs []*ssa.BasicBlock
		stopped := false
		for _, in := range st.b.Instrs[st.from:] {
			if isMake[in] {
				record(in.Pos(), count, drained, true)
				stopped = true
				break
			}
			if u, ok := in.(*ssa.UnOp); ok && isRecv(u) {
				if m.blocks(in) {
					stopped = true
					break
				}
				count = bump(count)
				continue
			}
			if m.blocks(in) {
				stopped = true
				break
			}
			switch in := in.(type) {
			case *ssa.Return:
				record(returnPos(in), count, drained, false)
				stopped = true
			case *ssa.Panic:
				stopped = true
			case *ssa.If:
				succs = m.liveSuccs(st.b, in)
			case *ssa.Jump:
				succs = st.b.Succs
			}
			if stopped {
				break
			}
		}
		if stopped {
			continue
		}
		last, _ := st.b.Instrs[len(st.b.Instrs)-1].(*ssa.If)
		for _, s := range succs {
			c, d := count, drained
			if last != nil {
				if sel, k, ok := selectCase(last.Cond); ok && s == st.b.Succs[0] {
					for _, o := range m.opsOf[sel] {
						if o.index == k && o.kind == opRecv && group[o.class] {
							c = bump(c)
						}
					}
				}
				if tup := okTuple(last.Cond); tup != nil && isRecv(tup) {
					closedIf := 1
					if not, ok := last.Cond.(*ssa.UnOp); ok && not.Op == token.NOT {
						closedIf = 0
					}
					if s == st.b.Succs[closedIf] {
						d = true
					}
				}
				if l := recvLoop[st.b]; l != nil && !l.body[s] {
					d = true
				}
			}
			work = append(work, state{b: s, count: c, drained: d})
		}
	}
	if len(exits) == 0 {
		return nil
	}
	sort.Slice(exits, func(i, j int) bool { return exits[i].pos < exits[j].pos })
	return exits[0]
}

// bufferFix gives each hand-off channel a buffer of one, so the goroutine
// can always deliver its single result and finish.
func (m *model) bufferFix(makes []*ssa.MakeChan) *analysis.SuggestedFix {
	var edits []analysis.TextEdit
	for _, mk := range makes {
		call := m.syntax().calls[mk.Pos()]
		if call == nil {
			return nil
		}
		switch len(call.Args) {
		case 1:
			edits = append(edits, analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(", 1")})
		case 2:
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok || lit.Value != "0" {
				return nil
			}
			edits = append(edits, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte("1")})
		default:
			return nil
		}
	}
	msg := "Give the channel a buffer of one"
	if len(makes) > 1 {
		msg = "Give the channels a buffer of one"
	}
	return &analysis.SuggestedFix{Message: msg, TextEdits: edits}
}
