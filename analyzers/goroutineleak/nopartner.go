package goroutineleak

import (
	"fmt"

	"golang.org/x/tools/go/ssa"
)

// The nopartner category: a goroutine reaches a channel operation that the
// model's fixpoint proved can never complete.

// stuckIn finds an operation the goroutine can reach that never completes.
func (m *model) stuckIn(g *ssa.Go, fn *ssa.Function) *finding {
	for _, f := range m.reachFrom(fn) {
		best := m.firstStuck(f)
		if best == nil {
			continue
		}
		what, why := m.describeStuck(best)
		where := ""
		if f != fn {
			where = " in " + funcName(f)
		}
		return &finding{
			pos:         g.Pos(),
			category:    catNoPartner,
			message:     fmt.Sprintf("goroutine blocks forever %s%s: %s", what, where, why),
			related:     best.Pos(),
			relatedText: "blocks here",
		}
	}
	return nil
}

// firstStuck returns the earliest channel operation of f, reachable from
// its entry, that never completes.
func (m *model) firstStuck(f *ssa.Function) ssa.Instruction {
	var best ssa.Instruction
	m.walk(f, func(b *ssa.BasicBlock, n int) {
		last := b.Instrs[n-1]
		if _, isCall := last.(ssa.CallInstruction); isCall {
			return
		}
		if !m.blocks(last) {
			return
		}
		if sel, ok := last.(*ssa.Select); ok && len(sel.States) == 0 {
			return // select {} parks on purpose
		}
		if best == nil || last.Pos() < best.Pos() {
			best = last
		}
	})
	return best
}

func (m *model) describeStuck(in ssa.Instruction) (what, why string) {
	ops := m.opsOf[in]
	if len(ops) == 0 {
		return "", ""
	}
	if sel, ok := in.(*ssa.Select); ok && len(sel.States) > 1 {
		return "in select", "none of its channels is ever ready"
	}
	o := ops[0]
	name := m.chanName(o)
	what = "receiving from " + name
	if o.kind == opSend {
		what = "sending on " + name
	}
	return what, m.whyStuck(o)
}

// whyStuck says why o never completes: the channel is nil, nothing could
// be its partner, or the partners that exist never run.
func (m *model) whyStuck(o *op) string {
	c := m.flow.info[o.class]
	if len(c.makes) == 0 && c.hasNil && !c.isDone {
		return "the channel is nil"
	}
	var unreached *op
	for _, p := range c.ops {
		partner := p.kind != o.kind && (o.kind == opRecv || p.kind == opRecv)
		if partner && (unreached == nil || p.kind == opClose && unreached.kind != opClose) {
			unreached = p
		}
	}
	context := c.isDone && len(c.makes) == 0
	switch {
	case unreached == nil && context:
		return "nothing cancels the context"
	case unreached == nil && o.kind == opSend:
		return "nothing receives from it"
	case unreached == nil:
		return "nothing sends on it or closes it"
	}
	at := m.line(o.instr.Pos(), unreached.instr.Pos())
	switch {
	case context:
		return fmt.Sprintf("the context's cancel at %s never runs", at)
	case unreached.kind == opClose:
		return fmt.Sprintf("the close at %s never runs", at)
	case unreached.kind == opSend:
		return fmt.Sprintf("the send at %s never runs", at)
	}
	return fmt.Sprintf("the receive at %s never runs", at)
}
