package lifetime

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Branches no row of a test's table takes.
//
// `for _, tc := range []struct{ name string; wantCode int }{{name: "a"},
// {name: "b"}} { ...; if tc.wantCode != 0 { return } }`: every row leaves
// wantCode zero, so the early return is no path of the test. A table is
// a slice or array literal of struct literals ranged over directly, or a
// local variable the literal initialises and that the range statement
// alone uses, in a test file; the row variable must be left as it is
// (never assigned, incremented, addressed or the receiver of a pointer
// method), so that every read of one of its fields gives the row's
// value. A row gives a field the constant it sets, the zero value when it
// leaves the field out, or nil; anything else is not known, and then the
// branch is not decided.
//
// A condition is decided when it has the same value in every row: a
// comparison of a field with a constant, or of values derived from the
// fields through φs, whose edges are kept only from blocks the row can
// reach (`want := http.StatusOK; if tc.want != 0 { want = tc.want }`
// gives 200 in a row that leaves want out).

// rowValue is what one row gives a field.
type rowValue struct {
	val   constant.Value // nil: nil, or not known
	isNil bool
}

func (r rowValue) known() bool { return r.val != nil || r.isNil }

// rowTable is the rows of one table, each a value per struct field.
type rowTable struct {
	rows [][]rowValue
}

// fieldRead is a read of field of a table's row variable.
type fieldRead struct {
	table *rowTable
	field int
}

// rowIndex holds, by the position of the selector's field name, the
// reads of row fields in the package's test files.
type rowIndex struct {
	reads map[token.Pos]fieldRead
}

// tableRows builds the package's rowIndex on first use.
func (e *engine) tableRows() *rowIndex {
	if e.rows != nil {
		return e.rows
	}
	e.rows = &rowIndex{reads: map[token.Pos]fieldRead{}}
	var uses map[types.Object]int
	for _, f := range e.pass.Files {
		if !strings.HasSuffix(e.pass.Fset.Position(f.Pos()).Filename, "_test.go") {
			continue
		}
		if uses == nil {
			uses = map[types.Object]int{}
			for _, obj := range e.pass.TypesInfo.Uses {
				uses[obj]++
			}
		}
		e.indexTables(f, uses)
	}
	return e.rows
}

// indexTables records the tables of file f and the reads of their rows;
// uses counts the uses of each object of the package.
func (e *engine) indexTables(f *ast.File, uses map[types.Object]int) {
	info := e.pass.TypesInfo
	// The literal each local variable is declared with.
	lits := map[types.Object]*ast.CompositeLit{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok {
					continue
				}
				if lit, ok := ast.Unparen(n.Rhs[i]).(*ast.CompositeLit); ok && info.Defs[id] != nil {
					lits[info.Defs[id]] = lit
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) != len(n.Values) {
				return true
			}
			for i, id := range n.Names {
				if lit, ok := ast.Unparen(n.Values[i]).(*ast.CompositeLit); ok && info.Defs[id] != nil {
					lits[info.Defs[id]] = lit
				}
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || rs.Tok != token.DEFINE || rs.Value == nil {
			return true
		}
		id, ok := rs.Value.(*ast.Ident)
		if !ok {
			return true
		}
		row, ok := info.Defs[id].(*types.Var)
		if !ok {
			return true
		}
		lit, ok := ast.Unparen(rs.X).(*ast.CompositeLit)
		if !ok {
			x, isIdent := ast.Unparen(rs.X).(*ast.Ident)
			if !isIdent {
				return true
			}
			obj := info.Uses[x]
			v, isVar := obj.(*types.Var)
			if !isVar || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || uses[obj] != 1 || lits[obj] == nil {
				return true // a package-level table, or one the function uses otherwise
			}
			lit = lits[obj]
		}
		st, ok := row.Type().Underlying().(*types.Struct)
		if !ok {
			return true
		}
		table := e.rowsOf(lit, st)
		if table == nil || !e.rowUntouched(rs.Body, row) {
			return true
		}
		ast.Inspect(rs.Body, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || info.Uses[x] != row {
				return true
			}
			s := info.Selections[sel]
			if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
				return true
			}
			e.rows.reads[sel.Sel.Pos()] = fieldRead{table, s.Index()[0]}
			return true
		})
		return true
	})
}

// rowsOf gives the rows of lit, a slice or array literal of struct
// literals of type st, or nil when one of them is of another shape.
func (e *engine) rowsOf(lit *ast.CompositeLit, st *types.Struct) *rowTable {
	info := e.pass.TypesInfo
	switch t := info.TypeOf(lit).Underlying().(type) {
	case *types.Slice:
		if !types.Identical(t.Elem().Underlying(), st) {
			return nil
		}
	case *types.Array:
		if !types.Identical(t.Elem().Underlying(), st) {
			return nil
		}
	default:
		return nil
	}
	if len(lit.Elts) == 0 {
		return nil
	}
	table := &rowTable{}
	for _, el := range lit.Elts {
		rl, ok := ast.Unparen(el).(*ast.CompositeLit)
		if !ok {
			return nil // an indexed element, or a row made elsewhere
		}
		row := make([]rowValue, st.NumFields())
		set := make([]bool, st.NumFields())
		for i, x := range rl.Elts {
			fi, val := i, x
			if kv, ok := x.(*ast.KeyValueExpr); ok {
				key, ok := kv.Key.(*ast.Ident)
				if !ok {
					return nil
				}
				fi = -1
				for j := range st.NumFields() {
					if st.Field(j).Name() == key.Name {
						fi = j
					}
				}
				val = kv.Value
			}
			if fi < 0 || fi >= len(row) {
				return nil
			}
			set[fi] = true
			tv := info.Types[val]
			switch {
			case tv.Value != nil:
				row[fi] = rowValue{val: tv.Value}
			case tv.IsNil():
				row[fi] = rowValue{isNil: true}
			}
		}
		for j, ok := range set {
			if !ok {
				row[j] = zeroValue(st.Field(j).Type())
			}
		}
		table.rows = append(table.rows, row)
	}
	return table
}

// zeroValue is what a row that leaves out a field of type t gives it.
func zeroValue(t types.Type) rowValue {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return rowValue{val: constant.MakeBool(false)}
		case u.Info()&types.IsString != 0:
			return rowValue{val: constant.MakeString("")}
		case u.Info()&types.IsInteger != 0:
			return rowValue{val: constant.MakeInt64(0)}
		case u.Info()&types.IsFloat != 0:
			return rowValue{val: constant.MakeFloat64(0)}
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return rowValue{isNil: true}
	}
	return rowValue{}
}

// rowUntouched reports whether body leaves the row variable row as the
// range statement set it: no assignment to it or into it, no increment,
// no address taken, no method with a pointer receiver called on it.
func (e *engine) rowUntouched(body *ast.BlockStmt, row *types.Var) bool {
	info := e.pass.TypesInfo
	rooted := func(x ast.Expr) bool {
		for {
			switch y := ast.Unparen(x).(type) {
			case *ast.Ident:
				return info.Uses[y] == row
			case *ast.SelectorExpr:
				x = y.X
			case *ast.IndexExpr:
				x = y.X
			case *ast.StarExpr:
				x = y.X
			default:
				return false
			}
		}
	}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if rooted(lhs) {
					ok = false
				}
			}
		case *ast.IncDecStmt:
			if rooted(n.X) {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && rooted(n.X) {
				ok = false
			}
		case *ast.RangeStmt:
			if n.Key != nil && rooted(n.Key) || n.Value != nil && rooted(n.Value) {
				ok = false
			}
		case *ast.SelectorExpr:
			if s := info.Selections[n]; s != nil && s.Kind() == types.MethodVal && rooted(n.X) {
				if sig, isSig := s.Obj().Type().(*types.Signature); isSig && sig.Recv() != nil {
					if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
						ok = false
					}
				}
			}
		}
		return ok
	})
	return ok
}

// maxRowDepth bounds the walk of rowEval through φs and dominators.
const maxRowDepth = 6

// decidedByRows reports whether cond has the same known value in every
// row of the table its fields are read from: ok, and that value.
func (e *engine) decidedByRows(fn *ssa.Function, cond ssa.Value) (val, ok bool) {
	idx := e.tableRows()
	if len(idx.reads) == 0 || !e.inTestFile(fn.Pos()) {
		return false, false
	}
	table := e.tableOf(cond, idx, 0)
	if table == nil {
		return false, false
	}
	for i := range table.rows {
		v := e.rowEval(cond, table, i, 0)
		if v.val == nil || v.val.Kind() != constant.Bool {
			return false, false
		}
		b := constant.BoolVal(v.val)
		if i > 0 && b != val {
			return false, false
		}
		val = b
	}
	return val, true
}

// tableOf finds the table whose row fields v reads, through comparisons,
// negations and φs; nil when it reads none (or fields of two tables).
func (e *engine) tableOf(v ssa.Value, idx *rowIndex, depth int) *rowTable {
	if depth > maxRowDepth {
		return nil
	}
	if r, ok := e.rowRead(v, idx); ok {
		return r.table
	}
	var parts []ssa.Value
	switch v := v.(type) {
	case *ssa.BinOp:
		parts = []ssa.Value{v.X, v.Y}
	case *ssa.UnOp:
		if v.Op == token.NOT {
			parts = []ssa.Value{v.X}
		}
	case *ssa.Phi:
		parts = v.Edges
	}
	var table *rowTable
	for _, p := range parts {
		if t := e.tableOf(p, idx, depth+1); t != nil {
			if table != nil && table != t {
				return nil
			}
			table = t
		}
	}
	return table
}

// rowRead reports whether v reads a field of a table's row variable.
func (e *engine) rowRead(v ssa.Value, idx *rowIndex) (fieldRead, bool) {
	var pos token.Pos
	field := -1
	switch v := v.(type) {
	case *ssa.Field:
		pos, field = v.Pos(), v.Field
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			pos, field = fa.Pos(), fa.Field
		}
	}
	if !pos.IsValid() {
		return fieldRead{}, false
	}
	r, ok := idx.reads[pos]
	return r, ok && r.field == field
}

// rowEval gives the value v has in row i of table: a constant, nil, or
// not known.
func (e *engine) rowEval(v ssa.Value, table *rowTable, i, depth int) rowValue {
	if depth > maxRowDepth {
		return rowValue{}
	}
	if r, ok := e.rowRead(v, e.rows); ok {
		if r.table != table {
			return rowValue{}
		}
		return table.rows[i][r.field]
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return rowValue{isNil: true}
		}
		return rowValue{val: v.Value}
	case *ssa.UnOp:
		if v.Op != token.NOT {
			return rowValue{}
		}
		x := e.rowEval(v.X, table, i, depth+1)
		if x.val == nil || x.val.Kind() != constant.Bool {
			return rowValue{}
		}
		return rowValue{val: constant.MakeBool(!constant.BoolVal(x.val))}
	case *ssa.BinOp:
		switch v.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			return rowValue{}
		}
		x, y := e.rowEval(v.X, table, i, depth+1), e.rowEval(v.Y, table, i, depth+1)
		switch {
		case x.isNil && y.isNil && (v.Op == token.EQL || v.Op == token.NEQ):
			return rowValue{val: constant.MakeBool(v.Op == token.EQL)}
		case x.val != nil && y.val != nil && constComparable(x.val, y.val):
			return rowValue{val: constant.MakeBool(constant.Compare(x.val, v.Op, y.val))}
		}
		return rowValue{}
	case *ssa.Phi:
		var out rowValue
		seen := false
		for k, edge := range v.Edges {
			if e.deadInRow(v.Block().Preds[k], table, i, depth+1) {
				continue
			}
			x := e.rowEval(edge, table, i, depth+1)
			if !x.known() || seen && !sameRowValue(x, out) {
				return rowValue{}
			}
			out, seen = x, true
		}
		return out
	}
	return rowValue{}
}

// deadInRow reports whether row i of table takes no path into block b:
// up b's dominator tree, a branch whose edge alone leads towards b has a
// condition the row decides the other way.
func (e *engine) deadInRow(b *ssa.BasicBlock, table *rowTable, i, depth int) bool {
	for d := b; d.Idom() != nil; d = d.Idom() {
		p := d.Idom()
		iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
			continue
		}
		taken := -1
		for k, s := range p.Succs {
			if len(s.Preds) == 1 && s.Dominates(b) {
				taken = k
			}
		}
		if taken < 0 {
			continue
		}
		c := e.rowEval(iff.Cond, table, i, depth+1)
		if c.val != nil && c.val.Kind() == constant.Bool && constant.BoolVal(c.val) != (taken == 0) {
			return true
		}
	}
	return false
}

// constComparable reports whether constant.Compare may compare x and y.
func constComparable(x, y constant.Value) bool {
	num := func(k constant.Kind) bool {
		return k == constant.Int || k == constant.Float
	}
	return x.Kind() == y.Kind() || num(x.Kind()) && num(y.Kind())
}

func sameRowValue(x, y rowValue) bool {
	if x.isNil || y.isNil {
		return x.isNil && y.isNil
	}
	return constComparable(x.val, y.val) && constant.Compare(x.val, token.EQL, y.val)
}
