package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// startFact tells a package that starts an exported function of another
// package as a goroutine (`go pkg.Run(ch)`) what that function does: that
// it never ends, and what it does with each channel parameter. Only
// exported functions that never end or take a channel carry one.
type startFact struct {
	// NeverEnds says why the function never returns, or is empty.
	NeverEnds string
	Params    []paramFact
}

// paramFact summarises one channel parameter (Index counts the receiver
// of a method as parameter 0).
type paramFact struct {
	Index int
	// Sends counts the blocking sends a run can make: 0, 1, or 2 for
	// more (a send on every iteration of a loop). Must: every run that
	// returns sends.
	Sends int
	Must  bool
	// OwnErrors: a run that returns without sending was decided only by
	// nil tests of errors its own calls returned.
	OwnErrors bool
	Recv      bool
	Close     bool
	// EndsOnClose: the function can only end once the channel is closed
	// (it ranges over it, or exits on seeing it closed).
	EndsOnClose bool
	// Other: the channel goes somewhere the summary does not follow.
	Other bool
}

func (*startFact) AFact() {}

func (f *startFact) String() string {
	var parts []string
	if f.NeverEnds != "" {
		parts = append(parts, "never ends: "+f.NeverEnds)
	}
	for _, p := range f.Params {
		var uses []string
		switch p.Sends {
		case 0:
		case 1:
			uses = append(uses, "sends once")
		default:
			uses = append(uses, "sends many")
		}
		if p.Sends > 0 && !p.Must {
			uses = append(uses, "not always")
		}
		if p.OwnErrors {
			uses = append(uses, "unless its own call fails")
		}
		if p.Recv {
			uses = append(uses, "receives")
		}
		if p.Close {
			uses = append(uses, "closes")
		}
		if p.EndsOnClose {
			uses = append(uses, "ends when closed")
		}
		if p.Other {
			uses = append(uses, "passes on")
		}
		if len(uses) == 0 {
			uses = append(uses, "unused")
		}
		parts = append(parts, fmt.Sprintf("param %d %s", p.Index, strings.Join(uses, ", ")))
	}
	return "goroutineleak(" + strings.Join(parts, "; ") + ")"
}

// exportsChannelFunc reports whether the package declares an exported
// function or method with a channel parameter: other packages may start
// it with their channels, so its summary is worth the SSA build.
func exportsChannelFunc(pass *analysis.Pass) bool {
	if pass.Pkg.Name() == "main" {
		return false
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || !fd.Name.IsExported() {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			params := obj.Type().(*types.Signature).Params()
			for i := 0; i < params.Len(); i++ {
				if _, isChan := params.At(i).Type().Underlying().(*types.Chan); isChan {
					return true
				}
			}
		}
	}
	return false
}

// exportFacts summarises the package's exported functions.
func (m *model) exportFacts() {
	if m.pkg.Pkg.Name() == "main" {
		return
	}
	for _, fn := range m.funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Parent() != nil || fn.Synthetic != "" || fn.Origin() != nil {
			continue
		}
		if recv := fn.Signature.Recv(); recv != nil && !exportedType(recv.Type()) {
			continue
		}
		fact := &startFact{}
		if !m.canEnd[fn] {
			fact.NeverEnds = m.neverEndsReason(fn)
		}
		var reach []*ssa.Function
		for i, p := range fn.Params {
			if _, isChan := p.Type().Underlying().(*types.Chan); !isChan {
				continue
			}
			if reach == nil {
				reach = m.reachFrom(fn)
			}
			fact.Params = append(fact.Params, m.paramSummary(fn, i, reach))
		}
		useful := fact.NeverEnds != ""
		for _, p := range fact.Params {
			useful = useful || !p.Other
		}
		if useful {
			m.pass.ExportObjectFact(obj, fact)
		}
	}
}

func exportedType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Exported()
}

// paramSummary says what fn and its callees do with parameter i.
func (m *model) paramSummary(fn *ssa.Function, i int, reach []*ssa.Function) paramFact {
	pf := paramFact{Index: i}
	class := m.flow.find(m.flow.node(fn.Params[i]))
	c := m.flow.info[class]
	if c.escSend || c.escRecv {
		pf.Other = true
	}
	inReach := make(map[*ssa.Function]bool)
	for _, f := range reach {
		inReach[f] = true
	}
	for _, o := range c.ops {
		if !inReach[o.instr.Parent()] {
			pf.Other = true
			continue
		}
		switch o.kind {
		case opRecv:
			pf.Recv = true
		case opClose:
			pf.Close = true
		}
	}
	prof := m.profile(fn, map[int32]bool{class: true}, make(map[*ssa.Function]*sendProfile))
	if prof.sum > 0 {
		pf.Sends = int(min(max(prof.bound, 1), 2))
		pf.Must = prof.must
		pf.OwnErrors = prof.ownErrors
	}
	pf.EndsOnClose = pf.Recv && m.endsOnlyOnClose(fn, class)
	return pf
}

// endsOnlyOnClose reports whether fn, which can end, can no longer end
// once the class is taken to be never closed: every way out passes a
// receive that saw it closed. Callees keep their own answers, which can
// only make this say no.
func (m *model) endsOnlyOnClose(fn *ssa.Function, class int32) bool {
	if !m.canEnd[fn] || !m.closable[class] {
		return false
	}
	m.closable[class] = false
	defer func() { m.closable[class] = true }()
	if m.neverSent(class) {
		m.unsent = class
		defer func() { m.unsent = -1 }()
	}
	end := false
	m.walk(fn, func(b *ssa.BasicBlock, n int) {
		switch in := b.Instrs[n-1].(type) {
		case *ssa.Return:
			end = true
		case *ssa.Panic:
			end = end || !syntheticPanic(in)
		case ssa.CallInstruction:
			if callee := in.Common().StaticCallee(); m.known[callee] && m.canEnd[callee] {
				end = true
			}
		}
	})
	return !end
}

// neverSent reports whether no code, seen or unseen, sends on the class:
// a receive from it can only complete on a close.
func (m *model) neverSent(class int32) bool {
	c := m.flow.info[class]
	if c.extSrc || c.escSend || c.isDone {
		return false
	}
	for _, o := range c.ops {
		if o.kind == opSend {
			return false
		}
	}
	return true
}

// neverEndsReason describes, for another package, why fn never ends.
func (m *model) neverEndsReason(fn *ssa.Function) string {
	seen := make(map[*ssa.Function]bool)
	for f := fn; f != nil && !seen[f]; {
		seen[f] = true
		if !m.known[f] {
			return fmt.Sprintf("it calls %s, which never returns (%s)", foreignName(f), m.foreignNeverEnds(f))
		}
		if stuck := m.firstStuck(f); stuck != nil {
			what, _ := m.describeStuck(stuck)
			return fmt.Sprintf("it blocks forever %s at %s", what, m.fileLine(stuck.Pos()))
		}
		loop, _, next := m.trap(f)
		if loop == nil {
			f = next
			continue
		}
		pos := loopStart(loop)
		if stmt := m.loopStmt(f, loop); stmt != nil {
			pos = stmt.Pos()
		}
		return fmt.Sprintf("its loop at %s never exits", m.fileLine(pos))
	}
	return "it never returns"
}

// importFact returns the summary of a function declared in another
// package, if it has one.
func (m *model) importFact(fn *ssa.Function) *startFact {
	if fn == nil {
		return nil
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == m.pkg.Pkg {
		return nil
	}
	var f startFact
	if !m.pass.ImportObjectFact(obj, &f) {
		return nil
	}
	return &f
}
