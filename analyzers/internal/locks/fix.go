package locks

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// deferFix offers `defer mu.Unlock()` right after the Lock, deleting the
// explicit Unlocks, when that changes nothing but the leaking path: the
// Lock is a statement of its own outside any loop, it is the function's
// only acquisition of the mutex, and every release of it is a plain
// `mu.Unlock()` statement directly before a return whose results call
// nothing (or at the end of the function body), so the lock is released
// at the same point as before on every other path.
func (a *checker) deferFix(fn *ssa.Function, origin event) *analysis.SuggestedFix {
	if origin.via != nil || origin.kind != evAcquire {
		return nil
	}
	lockCall := a.callExpr(origin.instr)
	if lockCall == nil {
		return nil
	}
	sel, ok := ast.Unparen(lockCall.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	lockStmt, _, _ := a.statementOf(lockCall)
	if lockStmt == nil {
		return nil
	}
	body := funcBody(fn)
	if body == nil {
		return nil
	}
	var releases []*ast.ExprStmt
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			for _, ev := range a.eventsOf(fn, in) {
				if ev.key != origin.key {
					continue
				}
				switch {
				case ev.instr == origin.instr:
				case ev.kind == evRelease && ev.via == nil && ev.read == origin.read:
					if _, ok := in.(*ssa.Call); !ok {
						return nil
					}
					call := a.callExpr(in)
					if call == nil {
						return nil
					}
					st, block, i := a.statementOf(call)
					if st == nil || !releaseThenReturn(block, i, body) {
						return nil
					}
					releases = append(releases, st)
				default:
					return nil // another acquisition, a deferred or handed-over release
				}
			}
		}
	}
	if len(releases) == 0 {
		return nil
	}
	unlock := "Unlock"
	if origin.read {
		unlock = "RUnlock"
	}
	text := "defer " + types.ExprString(sel.X) + "." + unlock + "()"
	indent, alone := a.indentOf(lockStmt.Pos())
	if !alone {
		return nil
	}
	// After the Lock's line, past any comment on it.
	tf := a.pass.Fset.File(lockStmt.Pos())
	line := tf.Line(lockStmt.End())
	if line+1 > tf.LineCount() {
		return nil
	}
	eol := tf.LineStart(line+1) - 1
	edits := []analysis.TextEdit{{Pos: eol, End: eol, NewText: []byte("\n" + indent + text)}}
	for _, st := range releases {
		from, to := a.lineOf(st)
		edits = append(edits, analysis.TextEdit{Pos: from, End: to})
	}
	return &analysis.SuggestedFix{Message: "unlock with " + text + " after the Lock", TextEdits: edits}
}

func (a *checker) callExpr(in ssa.Instruction) *ast.CallExpr {
	ci, ok := in.(ssa.CallInstruction)
	if !ok {
		return nil
	}
	return ssanav.CallAt(a.pass, ci.Common().Pos())
}

// statementOf returns the expression statement that is exactly call, the
// block holding it and its index there, when it is not inside a loop of
// its function.
func (a *checker) statementOf(call *ast.CallExpr) (*ast.ExprStmt, *ast.BlockStmt, int) {
	file := ssanav.FileOf(a.pass, call.Pos())
	if file == nil {
		return nil, nil, 0
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	if len(path) < 3 {
		return nil, nil, 0
	}
	st, ok := path[1].(*ast.ExprStmt)
	if !ok || st.X != ast.Expr(call) {
		return nil, nil, 0
	}
	block, ok := path[2].(*ast.BlockStmt)
	if !ok {
		return nil, nil, 0
	}
	for _, n := range path[2:] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return nil, nil, 0
		case *ast.FuncLit, *ast.FuncDecl:
			for i, s := range block.List {
				if s == ast.Stmt(st) {
					return st, block, i
				}
			}
			return nil, nil, 0
		}
	}
	return nil, nil, 0
}

// releaseThenReturn reports whether statement i of block is followed by a
// return whose results call nothing, or ends the function body.
func releaseThenReturn(block *ast.BlockStmt, i int, body *ast.BlockStmt) bool {
	if i+1 == len(block.List) {
		return block == body
	}
	ret, ok := block.List[i+1].(*ast.ReturnStmt)
	if !ok {
		return false
	}
	return ssanav.CallsNothing(ret.Results)
}

func funcBody(fn *ssa.Function) *ast.BlockStmt {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}

// indentOf returns the white space before pos on its line, and whether
// only white space precedes it.
func (a *checker) indentOf(pos token.Pos) (string, bool) {
	p := a.pass.Fset.Position(pos)
	src, err := a.pass.ReadFile(p.Filename)
	if err != nil || p.Offset > len(src) {
		return "", false
	}
	prefix := string(src[p.Offset-(p.Column-1) : p.Offset])
	return prefix, strings.TrimSpace(prefix) == ""
}

// lineOf returns the range of st's whole line, newline included, when st
// is alone on it; st itself otherwise.
func (a *checker) lineOf(st ast.Stmt) (token.Pos, token.Pos) {
	tf := a.pass.Fset.File(st.Pos())
	p, e := a.pass.Fset.Position(st.Pos()), a.pass.Fset.Position(st.End())
	if _, alone := a.indentOf(st.Pos()); !alone || p.Line != e.Line {
		return st.Pos(), st.End()
	}
	start := tf.LineStart(p.Line)
	if p.Line+1 > tf.LineCount() {
		return st.Pos(), st.End()
	}
	end := tf.LineStart(p.Line + 1)
	src, err := a.pass.ReadFile(p.Filename)
	if err != nil || strings.TrimSpace(string(src[e.Offset:tf.Offset(end)])) != "" {
		return st.Pos(), st.End()
	}
	return start, end
}
