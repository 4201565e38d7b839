package locks

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// unitScan is what one function declaration (closures included) does
// with locks, seen from syntax and types alone.
type unitScan struct {
	obj      *types.Func
	acquires []lockCall
	releases []lockCall
	exits    []token.Pos // return, break, continue, goto
	calls    []calleeAt  // calls of the package's own functions
	hasGo    bool
	hasWait  bool
}

type lockCall struct {
	pos      token.Pos
	block    ast.Node // the innermost block or case holding it
	deferred bool     // an acquisition directly followed by a deferred release
}

type calleeAt struct {
	pos token.Pos
	fn  *types.Func
}

// needsSSA is the cheap gate, on syntax and types: SSA is built only when
// some function could make a finding or a summary. A function whose every
// acquisition is followed at once by a deferred release, and that calls
// nothing of its package that acquires, has neither.
func needsSSA(pass *analysis.Pass) bool {
	var units []*unitScan
	acquirers := map[*types.Func]bool{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			u := scanUnit(pass, fd)
			units = append(units, u)
			if len(u.acquires) > 0 && u.obj != nil {
				acquirers[u.obj] = true
			}
		}
	}
	for _, u := range units {
		if u.hasGo && u.hasWait {
			return true
		}
		if len(u.acquires) > 0 != (len(u.releases) > 0) {
			return true // a lock or unlock helper
		}
		for _, acq := range u.acquires {
			for _, c := range u.calls {
				if c.pos > acq.pos && acquirers[c.fn] {
					return true // a callee may lock what is held
				}
			}
			for _, other := range u.acquires {
				if other.pos > acq.pos {
					return true
				}
			}
			if acq.deferred {
				continue
			}
			last := token.NoPos
			for _, r := range u.releases {
				if r.pos > acq.pos && r.block != acq.block {
					return true // released on a branch
				}
				last = max(last, r.pos)
			}
			for _, e := range u.exits {
				if e > acq.pos && e < last {
					return true // an exit between the lock and its release
				}
			}
		}
	}
	return false
}

func scanUnit(pass *analysis.Pass, fd *ast.FuncDecl) *unitScan {
	u := &unitScan{}
	u.obj, _ = pass.TypesInfo.Defs[fd.Name].(*types.Func)
	var blocks []ast.Node
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			blocks = append(blocks, n)
			for i, st := range n.List {
				if es, ok := st.(*ast.ExprStmt); ok && i+1 < len(n.List) {
					if ds, ok := n.List[i+1].(*ast.DeferStmt); ok && kindOf(pass, es.X) == opAcquire && kindOf(pass, ds.Call) == opRelease {
						u.acquires = append(u.acquires, lockCall{pos: es.Pos(), block: n, deferred: true})
						u.releases = append(u.releases, lockCall{pos: ds.Pos(), block: n})
						continue
					}
				}
				ast.Inspect(st, visit)
			}
			blocks = blocks[:len(blocks)-1]
			return false
		case *ast.CaseClause, *ast.CommClause:
			blocks = append(blocks, n)
			var body []ast.Stmt
			if cc, ok := n.(*ast.CaseClause); ok {
				body = cc.Body
			} else {
				body = n.(*ast.CommClause).Body
			}
			for _, st := range body {
				ast.Inspect(st, visit)
			}
			blocks = blocks[:len(blocks)-1]
			return false
		case *ast.ReturnStmt:
			u.exits = append(u.exits, n.Pos())
		case *ast.BranchStmt:
			if n.Tok == token.BREAK || n.Tok == token.GOTO || n.Tok == token.CONTINUE {
				u.exits = append(u.exits, n.Pos())
			}
		case *ast.GoStmt:
			u.hasGo = true
		case *ast.CallExpr:
			var block ast.Node
			if len(blocks) > 0 {
				block = blocks[len(blocks)-1]
			}
			switch kindOf(pass, n) {
			case opAcquire, opTryAcquire:
				u.acquires = append(u.acquires, lockCall{pos: n.Pos(), block: block})
			case opRelease:
				u.releases = append(u.releases, lockCall{pos: n.Pos(), block: block})
			case opWait:
				u.hasWait = true
			}
			if fn := typeutil.StaticCallee(pass.TypesInfo, n); fn != nil && fn.Pkg() == pass.Pkg {
				u.calls = append(u.calls, calleeAt{n.Pos(), fn.Origin()})
			}
		}
		return true
	}
	ast.Inspect(fd.Body, visit)
	return u
}

// kindOf is what a call does to a lock: a sync method of the table, or a
// function of another package whose summary acquires or releases one.
func kindOf(pass *analysis.Pass, e ast.Expr) opKind {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return 0
	}
	fn := typeutil.StaticCallee(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return 0
	}
	if op, ok := syncOpOf(fn); ok {
		return op.kind
	}
	if fn.Pkg() == pass.Pkg {
		return 0
	}
	var f lockFact
	if !pass.ImportObjectFact(fn.Origin(), &f) {
		return 0
	}
	for _, e := range f.Effects {
		switch e.Kind {
		case effAcquires:
			return opAcquire
		case effReleases:
			return opRelease
		}
	}
	return 0
}
