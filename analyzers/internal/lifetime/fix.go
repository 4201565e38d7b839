package lifetime

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// deferFix offers `defer x.Release()` right after the error check that
// follows `x, err := acquire(...)`, when that is safe: the resource is
// bound to a plain variable, is never handed to an owner (a deferred
// release would then close what someone else owns), and the next statement
// is the `if err != nil` that leaves the function.
func (e *engine) deferFix(acq acquisition, t *tracker) *analysis.SuggestedFix {
	if acq.kind.ReleaseText == "" || t.root == nil {
		return nil
	}
	for _, ev := range t.events {
		if ev.kind != evRelease && !ev.ownUse() {
			return nil // handed to someone who may release it
		}
	}
	call := e.callExpr(acq.call.Pos())
	if call == nil {
		return nil
	}
	file := ssanav.FileOf(e.pass, call.Pos())
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, call.Pos(), call.End())
	var assign *ast.AssignStmt
	var block *ast.BlockStmt
	for i, n := range path {
		if a, ok := n.(*ast.AssignStmt); ok && i+1 < len(path) {
			if b, ok := path[i+1].(*ast.BlockStmt); ok {
				assign, block = a, b
			}
			break
		}
		if _, ok := n.(ast.Stmt); ok && n != call {
			if _, isExpr := n.(*ast.ExprStmt); !isExpr {
				break
			}
		}
	}
	if assign == nil || len(assign.Rhs) != 1 || assign.Rhs[0] != ast.Expr(call) || acq.result < 0 || acq.result >= len(assign.Lhs) {
		return nil
	}
	id, ok := assign.Lhs[acq.result].(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	errID, ok := assign.Lhs[len(assign.Lhs)-1].(*ast.Ident)
	if !ok || len(assign.Lhs) < 2 {
		return nil
	}
	idx := -1
	for i, s := range block.List {
		if s == ast.Stmt(assign) {
			idx = i
		}
	}
	if idx < 0 || idx+1 >= len(block.List) {
		return nil
	}
	check, ok := block.List[idx+1].(*ast.IfStmt)
	if !ok || check.Init != nil || check.Else != nil || !isErrNotNil(check.Cond, errID.Name) || !e.leaves(check.Body) {
		return nil
	}
	if e.insideLoop(path) {
		return nil // a defer in a loop holds every iteration's resource
	}
	release := acq.kind.ReleaseText
	if acq.kind.ID == closerKind {
		// A wrapper: call the release method its type has (a *netConn's
		// Release), not the generic noun's Close.
		if release = e.releaseMethodOf(e.pass.TypesInfo.TypeOf(id)); release == "" {
			return nil
		}
	}
	col := e.pass.Fset.Position(assign.Pos()).Column
	indent := strings.Repeat("\t", max(col-1, 0))
	text := "\n" + indent + "defer " + id.Name + "." + release + "()"
	return &analysis.SuggestedFix{
		Message:   "Insert defer " + id.Name + "." + release + "() after the error check",
		TextEdits: []analysis.TextEdit{{Pos: check.End(), End: check.End(), NewText: []byte(text)}},
	}
}

// releaseMethodOf returns the first release name of the table that typ
// has as a method without parameters ("Close" before "Release"), or "".
func (e *engine) releaseMethodOf(typ types.Type) string {
	if typ == nil {
		return ""
	}
	for _, name := range e.table.ReleaseNames() {
		obj, _, _ := types.LookupFieldOrMethod(typ, true, nil, name)
		if fn, ok := obj.(*types.Func); ok && fn.Type().(*types.Signature).Params().Len() == 0 {
			return name
		}
	}
	return ""
}

func (e *engine) insideLoop(path []ast.Node) bool {
	for _, n := range path {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

func isErrNotNil(cond ast.Expr, name string) bool {
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	x, ok1 := b.X.(*ast.Ident)
	y, ok2 := b.Y.(*ast.Ident)
	return ok1 && ok2 && x.Name == name && y.Name == "nil"
}

// leaves reports whether a block ends by leaving the function: a return,
// a panic or a call that never returns (log.Fatal, a die() helper).
func (e *engine) leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		c, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
			if b, ok := e.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
				return true
			}
		}
		fn := typeutil.StaticCallee(e.pass.TypesInfo, c)
		return fn != nil && e.pass.ResultOf[noreturn.Analyzer].(*noreturn.Result).NoReturn(fn)
	}
	return false
}

// dropLaterReleases extends a deferFix with the deletion of the explicit
// releases it makes redundant, so that the fixed code does not release
// twice. A release is deleted only where deferring it changes nothing the
// program can observe: a plain statement of the acquiring function, after
// the inserted defer, that is the function body's last statement or is
// followed directly by a return whose results call nothing. Other releases
// stay (a second Close of these resources is harmless, moving one past
// later work is not).
func (e *engine) dropLaterReleases(fix *analysis.SuggestedFix, t *tracker) {
	if fix == nil || len(fix.TextEdits) != 1 {
		return
	}
	after := fix.TextEdits[0].Pos
	for instr, ev := range t.events {
		if ev.kind != evRelease || instr.Parent() != t.fn {
			continue
		}
		if _, ok := instr.(*ssa.Defer); ok {
			continue
		}
		stmt, path := e.releaseStmt(instr)
		if stmt == nil || stmt.Pos() <= after || !lastBeforeReturn(stmt, path) {
			continue
		}
		tf := e.pass.Fset.File(stmt.Pos())
		lineStart := tf.LineStart(tf.Line(stmt.Pos()))
		if lineStart <= tf.Pos(0) {
			continue
		}
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: lineStart - 1, End: stmt.End()})
	}
	if len(fix.TextEdits) > 1 {
		slices.SortFunc(fix.TextEdits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
		fix.Message += " and remove the explicit release it replaces"
	}
}

// releaseStmt is the statement that is only the release call rel (its
// result unused, or assigned to _), with the path of nodes enclosing it;
// nil when the release is part of a larger statement.
func (e *engine) releaseStmt(rel ssa.Instruction) (ast.Stmt, []ast.Node) {
	file := ssanav.FileOf(e.pass, rel.Pos())
	if file == nil {
		return nil, nil
	}
	path, _ := astutil.PathEnclosingInterval(file, rel.Pos(), rel.Pos())
	for i, n := range path {
		switch n := n.(type) {
		case *ast.ExprStmt:
			return n, path[i+1:]
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
					return n, path[i+1:]
				}
			}
		}
		if _, ok := n.(ast.Stmt); ok {
			return nil, nil // the release's result is used
		}
	}
	return nil, nil
}

// lastBeforeReturn reports whether stmt, whose enclosing nodes are outer
// (innermost first), is the last statement of a function body or is
// followed directly by a return whose results call nothing.
func lastBeforeReturn(stmt ast.Stmt, outer []ast.Node) bool {
	if len(outer) < 2 {
		return false
	}
	block, ok := outer[0].(*ast.BlockStmt)
	if !ok {
		return false
	}
	i := slices.Index(block.List, stmt)
	if i < 0 {
		return false
	}
	if i+1 == len(block.List) {
		switch outer[1].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return true
		}
		return false
	}
	ret, ok := block.List[i+1].(*ast.ReturnStmt)
	if !ok {
		return false
	}
	return ssanav.CallsNothing(ret.Results)
}

// moveToDefer is strict mode's fix: defer the release right after the
// error check and delete the explicit release statements, when each is a
// plain statement whose result is not used.
func (e *engine) moveToDefer(acq acquisition, t *tracker, releases []ssa.Instruction) *analysis.SuggestedFix {
	fix := e.deferFix(acq, t)
	if fix == nil {
		return nil
	}
	for _, rel := range releases {
		stmt, _ := e.releaseStmt(rel)
		if stmt == nil {
			return nil
		}
		tf := e.pass.Fset.File(stmt.Pos())
		lineStart := tf.LineStart(tf.Line(stmt.Pos()))
		if lineStart <= tf.Pos(0) {
			return nil
		}
		fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: lineStart - 1, End: stmt.End()})
	}
	fix.Message = "Defer the release right after the error check"
	return fix
}
