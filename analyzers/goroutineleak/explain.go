package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// syntax indexes the nodes that SSA positions point at, so that findings
// can name channels and loops the way the source spells them.
type syntax struct {
	arrows map[token.Pos]ast.Node // <-x by OpPos, x <- v by Arrow
	calls  map[token.Pos]*ast.CallExpr
	gos    map[token.Pos]*ast.GoStmt
	loops  []ast.Stmt
}

func (m *model) syntax() *syntax {
	if m.syn != nil {
		return m.syn
	}
	s := &syntax{
		arrows: make(map[token.Pos]ast.Node),
		calls:  make(map[token.Pos]*ast.CallExpr),
		gos:    make(map[token.Pos]*ast.GoStmt),
	}
	for _, f := range m.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					s.arrows[n.OpPos] = n
				}
			case *ast.SendStmt:
				s.arrows[n.Arrow] = n
			case *ast.CallExpr:
				s.calls[n.Lparen] = n
			case *ast.GoStmt:
				s.gos[n.Go] = n
			case *ast.ForStmt, *ast.RangeStmt:
				s.loops = append(s.loops, n.(ast.Stmt))
			}
			return true
		})
	}
	m.syn = s
	return s
}

// chanName spells the channel of o as the source does ("ch",
// "s.results", "ctx.Done()").
func (m *model) chanName(o *op) string {
	s := m.syntax()
	var expr ast.Expr
	if c, ok := o.instr.(ssa.CallInstruction); ok && o.virtual {
		arg := o.arg
		call := s.calls[c.Common().Pos()]
		if call != nil && len(c.Common().Args) == len(call.Args)+1 {
			arg-- // a method's receiver, written before the dot
		}
		if call != nil && arg >= 0 && arg < len(call.Args) {
			return types.ExprString(call.Args[arg])
		}
		return "the channel"
	}
	pos := o.instr.Pos()
	if sel, ok := o.instr.(*ssa.Select); ok && o.index >= 0 {
		pos = sel.States[o.index].Pos
	}
	switch n := s.arrows[pos].(type) {
	case *ast.UnaryExpr:
		expr = n.X
	case *ast.SendStmt:
		expr = n.Chan
	}
	if expr == nil {
		if call := s.calls[pos]; call != nil {
			if o.cancel {
				return "the context"
			}
			if len(call.Args) > 0 {
				expr = call.Args[0]
			}
		}
	}
	if expr == nil {
		if r, ok := o.instr.(*ssa.UnOp); ok {
			if call := s.rangeOver(m, r); call != nil {
				expr = call
			}
		}
	}
	if expr == nil {
		return "the channel"
	}
	return types.ExprString(expr)
}

// rangeOver returns the channel expression of the range statement whose
// hidden receive r is (SSA places it at the "for").
func (s *syntax) rangeOver(m *model, r *ssa.UnOp) ast.Expr {
	for _, l := range s.loops {
		if rs, ok := l.(*ast.RangeStmt); ok && rs.For == r.Pos() {
			return rs.X
		}
	}
	return nil
}

// loopStmt returns the innermost for or range statement that holds the
// given blocks.
func (m *model) loopStmt(fn *ssa.Function, loop []*ssa.BasicBlock) ast.Stmt {
	var positions []token.Pos
	for _, b := range loop {
		for _, in := range b.Instrs {
			if p := in.Pos(); p.IsValid() {
				positions = append(positions, p)
			}
		}
	}
	if len(positions) == 0 {
		return nil
	}
	syn := fn.Syntax()
	var best ast.Stmt
	for _, l := range m.syntax().loops {
		inside := true
		for _, p := range positions {
			if syn != nil && (p < syn.Pos() || p >= syn.End()) {
				continue
			}
			if p < l.Pos() || p >= l.End() {
				inside = false
				break
			}
		}
		if !inside {
			continue
		}
		if syn := fn.Syntax(); syn != nil && (l.Pos() < syn.Pos() || l.End() > syn.End()) {
			continue
		}
		if best == nil || (l.Pos() >= best.Pos() && l.End() <= best.End()) {
			best = l
		}
	}
	return best
}

// line spells pos relative to the finding at from: "line 42" in the same
// file, "other.go:42" elsewhere.
func (m *model) line(from, pos token.Pos) string {
	a, b := m.pass.Fset.Position(from), m.pass.Fset.Position(pos)
	if a.Filename == b.Filename {
		return fmt.Sprintf("line %d", b.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(b.Filename), b.Line)
}

// funcName spells a function the way a reader finds it: "run",
// "(*Server).loop", "a closure in Start".
func funcName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "the function literal in " + funcName(fn.Parent())
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		name := types.TypeString(t, func(*types.Package) string { return "" })
		if i := strings.Index(name, "["); i >= 0 {
			name = name[:i]
		}
		if star != "" {
			return fmt.Sprintf("(*%s).%s", name, fn.Name())
		}
		return name + "." + fn.Name()
	}
	return fn.Name()
}

// goEnd returns the end of the go statement at pos.
func (m *model) goEnd(pos token.Pos) token.Pos {
	if g := m.syntax().gos[pos]; g != nil {
		return g.End()
	}
	return token.NoPos
}

// returnPos returns where a return happens: the return statement, or the
// closing brace of a body that ends without one.
func returnPos(r *ssa.Return) token.Pos {
	if r.Pos().IsValid() {
		return r.Pos()
	}
	switch syn := r.Parent().Syntax().(type) {
	case *ast.FuncDecl:
		if syn.Body != nil {
			return syn.Body.Rbrace
		}
	case *ast.FuncLit:
		return syn.Body.Rbrace
	}
	return token.NoPos
}

// fileLine spells pos for a reader in another package: "file.go:42".
func (m *model) fileLine(pos token.Pos) string {
	p := m.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// loopStart is where a loop with no loop statement of its own (one made
// with goto) begins in the source: the earliest position of its
// instructions, phis aside (a phi carries its variable's declaration).
func loopStart(loop []*ssa.BasicBlock) token.Pos {
	var best token.Pos
	for _, b := range loop {
		for _, in := range b.Instrs {
			if _, isPhi := in.(*ssa.Phi); isPhi {
				continue
			}
			if p := in.Pos(); p.IsValid() && (!best.IsValid() || p < best) {
				best = p
			}
		}
	}
	if !best.IsValid() && len(loop[0].Instrs) > 0 {
		best = loop[0].Instrs[0].Pos()
	}
	return best
}
