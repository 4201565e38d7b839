// Package ssanav answers the small navigation questions the SSA-based
// checks share: can control go from one block to another, which values
// are the same object as a value under another type or name, what a
// return really returns through a result slot, and which
// syntax (file, call expression) lies at a position.
package ssanav

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// Reaches reports whether control can go from block from to block to
// (from reaches itself).
func Reaches(from, to *ssa.BasicBlock) bool { return ReachesAvoiding(from, to, nil) }

// ReachesAvoiding reports whether control can go from block from to block
// to without passing through block avoid (nil: any path).
func ReachesAvoiding(from, to, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	if avoid != nil {
		seen[avoid] = true
	}
	stack := []*ssa.BasicBlock{from}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		stack = append(stack, b.Succs...)
	}
	return false
}

// Copies yields the values instr makes from its operand that are the
// same object under another type or name: a φ, a type change or
// conversion, interface boxing, re-boxing or unboxing (for a comma-ok
// assertion, its value result).
func Copies(instr ssa.Instruction) iter.Seq[ssa.Value] {
	return func(yield func(ssa.Value) bool) {
		switch in := instr.(type) {
		case *ssa.Phi, *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface, *ssa.ChangeInterface:
			yield(in.(ssa.Value))
		case *ssa.TypeAssert:
			if !in.CommaOk {
				yield(in)
				return
			}
			for _, r := range *in.Referrers() {
				if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
					if !yield(ex) {
						return
					}
				}
			}
		}
	}
}

// FileOf returns the file of the package under analysis that holds pos.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// CallAt returns the call expression whose '(' is at lparen (the
// position SSA gives a call).
func CallAt(pass *analysis.Pass, lparen token.Pos) *ast.CallExpr {
	f := FileOf(pass, lparen)
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, lparen, lparen)
	for _, n := range path {
		if c, ok := n.(*ast.CallExpr); ok && c.Lparen == lparen {
			return c
		}
	}
	return nil
}

// StoredResult sees through a result slot: in a function with defers,
// `return v` stores v into the result's variable, runs the defers and
// returns a load of the variable (`*t0 = v; rundefers; t1 = *t0; return
// t1`). It returns the value stored before the load in the load's block.
func StoredResult(v ssa.Value) ssa.Value {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return v
	}
	slot, ok := ld.X.(*ssa.Alloc)
	if !ok {
		return v
	}
	instrs := ld.Block().Instrs
	seen := false
	for i := len(instrs) - 1; i >= 0; i-- {
		if instrs[i] == ssa.Instruction(ld) {
			seen = true
			continue
		}
		if st, ok := instrs[i].(*ssa.Store); ok && seen && st.Addr == ssa.Value(slot) {
			return StoredResult(st.Val)
		}
	}
	return v
}

// CalleeFunc returns the declared function or method a call reaches, when
// it is known: the interface method of an invoke, or the static callee.
func CalleeFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if callee := c.StaticCallee(); callee != nil {
		fn, _ := callee.Object().(*types.Func)
		return fn
	}
	return nil
}

// CallsNothing reports whether none of exprs contains a call (a
// conversion counts as one): evaluating them has no effect to order
// against a release.
func CallsNothing(exprs []ast.Expr) bool {
	calls := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if _, ok := n.(*ast.CallExpr); ok {
				calls = true
			}
			return !calls
		})
	}
	return !calls
}

// PredIndex is the index of from among b's predecessors, the index of the
// edges of b's φs that come in from it, or -1.
func PredIndex(b, from *ssa.BasicBlock) int {
	for i, p := range b.Preds {
		if p == from {
			return i
		}
	}
	return -1
}

// OnEntry is the value v has on entry to b from prev: the incoming edge
// when v is a φ of b, v itself otherwise.
func OnEntry(b, prev *ssa.BasicBlock, v ssa.Value) ssa.Value {
	if phi, ok := v.(*ssa.Phi); ok && phi.Block() == b && prev != nil {
		if i := PredIndex(b, prev); i >= 0 && i < len(phi.Edges) {
			return phi.Edges[i]
		}
	}
	return v
}

// Unconverted sees through the conversions that keep a value's identity:
// interface boxing and changes of type or interface.
func Unconverted(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			return v
		}
	}
}

// Field returns the struct type whose field the address fa points to and
// that field (fa.X is a pointer to a struct, or ok is false).
func Field(fa *ssa.FieldAddr) (owner types.Type, field *types.Var, ok bool) {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil, nil, false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil, nil, false
	}
	return ptr.Elem(), st.Field(fa.Field), true
}

// Returns yields the Return instructions of fn, one per returning block,
// in block order.
func Returns(fn *ssa.Function) iter.Seq[*ssa.Return] {
	return func(yield func(*ssa.Return) bool) {
		for _, b := range fn.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !yield(ret) {
				return
			}
		}
	}
}
