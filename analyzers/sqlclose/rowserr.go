package sqlclose

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/mention"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// CategoryRowsErr is the diagnostic category of the rows.Err findings;
// //nolint:sqlclose/rowserr suppresses them one by one, -sqlclose.rowserr=false
// altogether.
const CategoryRowsErr = "rowserr"

// Next returns false both when the rows are exhausted and when reading
// them failed (a dropped connection, a cancelled context, a row the driver
// could not decode); only Err tells the two apart. A function that loops
// over Next and then reports success without asking Err returns a
// truncated result as if it were complete.
//
// The check is deliberately narrow, so that what it reports is a defect:
//   - only rows acquired by a call in the function itself; rows that come
//     in as a parameter or a field belong to a caller that may check Err;
//   - only a real loop over Next (a single `if rows.Next()` is a one-row
//     read whose caller often tells no rows from an error some other way);
//   - only exits that report success (or an error of unknown nil-ness):
//     a return that already fails loses nothing worth reporting;
//   - nothing at all when the rows leave the function's hands (returned,
//     stored, sent, handed to a goroutine or a deferred call, captured by
//     a closure that may check Err), and no path past a call that receives
//     them, since the callee may check Err.
func reportUncheckedRowsErr(pass *analysis.Pass) {
	table := lifetime.TableFor(pass)
	if !usesRowsNext(pass, table) {
		return
	}
	_, funcs := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	for _, fn := range funcs {
		if fn.Pkg == nil || fn.Pkg.Pkg != pass.Pkg {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				for _, root := range rowsResults(call, table) {
					checkRows(pass, root)
				}
			}
		}
	}
}

// usesRowsNext decides from type information alone whether the package
// calls Next on a rows type, so that packages that cannot loop over rows
// never ask for SSA.
func usesRowsNext(pass *analysis.Pass, table *resource.Table) bool {
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Name() != "Next" {
			continue
		}
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil && isRows(recv.Type(), table) {
			return true
		}
	}
	return false
}

// isRows reports whether t is a resource of this check that is iterated
// with Next and reports its iteration error with Err.
func isRows(t types.Type, table *resource.Table) bool {
	k := table.KindOfType(t)
	if k == nil || k.Check != "sqlclose" {
		return false
	}
	return hasMethod(t, "Next", "bool") && hasMethod(t, "Err", "error")
}

func hasMethod(t types.Type, name, result string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
		types.TypeString(sig.Results().At(0).Type(), nil) == result
}

// rowsResults returns the values of call's results that are rows.
func rowsResults(call *ssa.Call, table *resource.Table) []ssa.Value {
	results := call.Common().Signature().Results()
	if results.Len() == 1 {
		if isRows(results.At(0).Type(), table) {
			return []ssa.Value{call}
		}
		return nil
	}
	var out []ssa.Value
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && isRows(ex.Type(), table) {
			out = append(out, ex)
		}
	}
	return out
}

// rowsUses is what one function does with one rows value and its aliases.
type rowsUses struct {
	aliases map[ssa.Value]bool
	nexts   []*ssa.Call
	// checks are the calls of Err; handoffs the calls that receive the
	// rows as an argument (they may check Err). A path that reaches either
	// has nothing to report.
	checks   map[ssa.Instruction]bool
	handoffs map[ssa.Instruction]bool
	// escapes is set when the rows leave the function's hands: someone
	// else may check Err at any time, so nothing is reported.
	escapes bool
	work    []ssa.Value
}

func followRows(root ssa.Value) *rowsUses {
	u := &rowsUses{
		aliases:  map[ssa.Value]bool{},
		checks:   map[ssa.Instruction]bool{},
		handoffs: map[ssa.Instruction]bool{},
	}
	u.alias(root)
	for len(u.work) > 0 && !u.escapes {
		v := u.work[len(u.work)-1]
		u.work = u.work[:len(u.work)-1]
		if refs := v.Referrers(); refs != nil {
			for _, instr := range *refs {
				u.use(v, instr)
			}
		}
	}
	return u
}

func (u *rowsUses) alias(v ssa.Value) {
	if v != nil && !u.aliases[v] {
		u.aliases[v] = true
		u.work = append(u.work, v)
	}
}

func (u *rowsUses) use(v ssa.Value, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Phi, *ssa.ChangeType, *ssa.Convert, *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.TypeAssert:
		for c := range ssanav.Copies(in) {
			u.alias(c)
		}
	case *ssa.UnOp:
		if in.Op == token.MUL {
			u.alias(in) // a load from the variable that holds the rows
		}
	case *ssa.FieldAddr:
		// sqlx's Rows embeds *sql.Rows: rows.Next() selects the embedded
		// field and calls its method.
		if embedded(in.X.Type(), in.Field) {
			for _, r := range *in.Referrers() {
				if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
					u.alias(ld)
				}
			}
		}
	case *ssa.Field:
		if embedded(in.X.Type(), in.Field) {
			u.alias(in)
		}
	case *ssa.Store:
		if in.Val != v {
			return
		}
		if alloc, ok := in.Addr.(*ssa.Alloc); ok {
			u.alias(alloc) // a local variable's cell: its loads are the rows
			return
		}
		u.escapes = true
	case *ssa.MakeClosure:
		fn, ok := in.Fn.(*ssa.Function)
		if !ok {
			u.escapes = true
			return
		}
		for i, b := range in.Bindings {
			if b == v && i < len(fn.FreeVars) {
				inner := followRows(fn.FreeVars[i])
				if inner.escapes || len(inner.checks) > 0 || len(inner.handoffs) > 0 {
					u.escapes = true
				}
			}
		}
	case ssa.CallInstruction:
		u.call(v, in)
	case *ssa.BinOp, *ssa.DebugRef, *ssa.If:
		// Comparisons with nil and debug information do nothing to the rows.
	default:
		// Returned, sent, stored in a map, or used in a way not modelled.
		u.escapes = true
	}
}

func (u *rowsUses) call(v ssa.Value, instr ssa.CallInstruction) {
	c := instr.Common()
	_, isCall := instr.(*ssa.Call)
	if method, ok := receiverMethod(c, v); ok {
		switch method {
		case "Next":
			if isCall {
				u.nexts = append(u.nexts, instr.(*ssa.Call))
			}
		case "Err":
			u.checks[instr] = true
		}
		return
	}
	if !isCall {
		// A goroutine or a deferred call that receives the rows may check
		// Err after every path of this function.
		u.escapes = true
		return
	}
	if _, ok := c.Value.(*ssa.Builtin); ok {
		u.escapes = true // appended to a slice, and so on
		return
	}
	if callee := c.StaticCallee(); callee != nil {
		if fn, _ := callee.Object().(*types.Func); mention.Only(fn, paramOf(c, v)) {
			return
		}
	}
	u.handoffs[instr] = true
}

// paramOf returns the type of the parameter v is passed in (the first,
// for a value passed twice), or nil.
func paramOf(c *ssa.CallCommon, v ssa.Value) types.Type {
	sig := c.Signature()
	for i, a := range c.Args {
		if a != v {
			continue
		}
		if !c.IsInvoke() && sig.Recv() != nil {
			if i == 0 {
				return sig.Recv().Type()
			}
			i--
		}
		if i < sig.Params().Len() {
			return sig.Params().At(i).Type()
		}
	}
	return nil
}

// receiverMethod returns the name of the method called on v, if v is the
// call's receiver.
func receiverMethod(c *ssa.CallCommon, v ssa.Value) (string, bool) {
	if c.IsInvoke() {
		if c.Value == v {
			return c.Method.Name(), true
		}
		return "", false
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(c.Args) == 0 || c.Args[0] != v {
		return "", false
	}
	for _, a := range c.Args[1:] {
		if a == v {
			return "", false
		}
	}
	if obj := callee.Object(); obj != nil {
		return obj.Name(), true
	}
	return callee.Name(), true
}

func embedded(t types.Type, index int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	return ok && index < s.NumFields() && s.Field(index).Embedded()
}

func checkRows(pass *analysis.Pass, root ssa.Value) {
	u := followRows(root)
	if u.escapes {
		return
	}
	def, _ := root.(ssa.Instruction)
	if ex, ok := root.(*ssa.Extract); ok {
		def, _ = ex.Tuple.(ssa.Instruction)
	}
	for _, next := range u.nexts {
		exit, ok := loopExit(next)
		if !ok {
			continue
		}
		if ret := u.uncheckedExit(exit, next.Block(), def); ret != nil {
			reportLoop(pass, next, ret)
		}
	}
}

// loopExit returns the block where control goes when next returns false,
// provided next decides a loop: the other edge comes back to it.
func loopExit(next *ssa.Call) (*ssa.BasicBlock, bool) {
	b := next.Block()
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok || len(b.Succs) != 2 {
		return nil, false
	}
	more, done := b.Succs[0], b.Succs[1]
	switch cond := iff.Cond.(type) {
	case *ssa.Call:
		if cond != next {
			return nil, false
		}
	case *ssa.UnOp:
		if cond.Op != token.NOT || cond.X != ssa.Value(next) {
			return nil, false
		}
		more, done = done, more
	default:
		return nil, false
	}
	if !ssanav.Reaches(more, b) {
		return nil, false
	}
	return done, true
}

// uncheckedExit walks the paths from the loop's exit and returns the first
// return that reports success without Err having been called, or nil.
// header is the loop's own block and def the rows' acquisition: reaching
// either starts over with other rows or another pass of the same loop.
func (u *rowsUses) uncheckedExit(exit, header *ssa.BasicBlock, def ssa.Instruction) *ssa.Return {
	var found *ssa.Return
	seen := map[*ssa.BasicBlock]bool{}
	stack := []*ssa.BasicBlock{exit}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[b] || b == header {
			continue
		}
		seen[b] = true
		done := false
		for _, instr := range b.Instrs {
			if u.checks[instr] || u.handoffs[instr] || instr == def {
				done = true
				break
			}
			switch in := instr.(type) {
			case *ssa.Return:
				if !fails(in) && (found == nil || in.Pos() < found.Pos()) {
					found = in
				}
				done = true
			case *ssa.Panic:
				done = true
			}
			if done {
				break
			}
		}
		if !done {
			stack = append(stack, b.Succs...)
		}
	}
	return found
}

// fails reports whether ret certainly returns a non-nil error.
func fails(ret *ssa.Return) bool {
	if len(ret.Results) == 0 {
		return false
	}
	last := ssanav.StoredResult(ret.Results[len(ret.Results)-1])
	if !types.Identical(last.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	return errpath.At(ret.Block(), last) == errpath.NonNil
}

func reportLoop(pass *analysis.Pass, next *ssa.Call, ret *ssa.Return) {
	pos, end := next.Pos(), next.Pos()
	recv := "rows"
	if call := ssanav.CallAt(pass, next.Pos()); call != nil {
		pos, end = call.Pos(), call.End()
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			recv = types.ExprString(sel.X)
		}
	}
	d := report.Diagnostic{
		Pos: pos, End: end, Category: CategoryRowsErr,
		Message: recv + ".Err is not checked after the " + recv + ".Next loop: an iteration error is silently lost",
	}
	if ret.Pos().IsValid() {
		d.Related, d.RelatedText = ret.Pos(), "the function reports success here without checking "+recv+".Err"
	}
	report.Report(pass, d)
}
