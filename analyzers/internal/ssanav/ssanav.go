// Package ssanav answers the small navigation questions the SSA-based
// checks share: can control go from one block to another, which values
// are the same object as a value under another type or name, and which
// syntax (file, call expression) lies at a position.
package ssanav

import (
	"go/ast"
	"go/token"
	"iter"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// Reaches reports whether control can go from block from to block to
// (from reaches itself).
func Reaches(from, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
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
