package lifetime

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/errpath"
	"golang.org/x/tools/go/ssa"
)

// An error predicate of the program is a function with a bool result that
// returns false whenever one of its error parameters is nil, on every
// path that returns without having failed the running test:
//
//	func notSupported(err error) bool {
//		if err == nil {
//			return false
//		}
//		return errors.Is(err, errors.ErrUnsupported)
//	}
//
// Where a caller branches on it with the error of an acquisition
// (`if notSupported(err) { continue }`), the true branch holds no
// resource: the acquisition failed there, or the test has already failed.
// The predicates errpath lists by name (os.IsNotExist, errors.Is with a
// non-nil target) are the base case; a function of the package is judged
// from its body, one of another package by the errPredFact its package
// exported.

// errPredFact marks an exported function whose bool result is false
// whenever parameter Params[i] (index 0 is the receiver of a method) is a
// nil error, on every path that returns without failing the running test.
type errPredFact struct{ Params []int }

func (*errPredFact) AFact() {}

func (f *errPredFact) String() string {
	return fmt.Sprintf("false for a nil error in parameters %v", f.Params)
}

// errPredKey names one question of falseOnNil.
type errPredKey struct {
	fn *ssa.Function
	i  int
}

// predicateArg returns the argument of call that is a non-nil error
// whenever call returns true on a path where the running test has not
// failed: a predicate errpath lists, or an error predicate of the program.
func (e *engine) predicateArg(call *ssa.CallCommon) (ssa.Value, bool) {
	if err, ok := errpath.Predicate(call); ok {
		return err, true
	}
	callee := call.StaticCallee()
	if callee == nil || call.IsInvoke() {
		return nil, false
	}
	if callee.Pkg == e.pkg && len(callee.Blocks) > 0 {
		for i, p := range callee.Params {
			if i < len(call.Args) && isError(p.Type()) && e.falseOnNil(callee, i) {
				return call.Args[i], true
			}
		}
		return nil, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		return nil, false
	}
	var f errPredFact
	if !e.pass.ImportObjectFact(obj.Origin(), &f) || len(f.Params) == 0 || f.Params[0] >= len(call.Args) {
		return nil, false
	}
	return call.Args[f.Params[0]], true
}

// exportErrPred exports an errPredFact for fn when it is an exported
// error predicate.
func (e *engine) exportErrPred(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != e.pass.Pkg || !obj.Exported() || fn.Origin() != nil || fn.Parent() != nil {
		return
	}
	var params []int
	for i, p := range fn.Params {
		if isError(p.Type()) && e.falseOnNil(fn, i) {
			params = append(params, i)
		}
	}
	if len(params) > 0 {
		e.pass.ExportObjectFact(obj, &errPredFact{Params: params})
	}
}

// falseOnNil reports whether fn, a function of the package with a single
// bool result, returns false on every path on which its parameter i is a
// nil error, unless the path fails the running test or panics first.
// The walk follows only the nil edge of a comparison of the parameter
// with nil and the false edge of a predicate of it; a return gives false
// when its value is the constant false, a comparison `p != nil`, a
// predicate of p, or a φ whose edge from the block the walk came by is
// one of those.
func (e *engine) falseOnNil(fn *ssa.Function, i int) bool {
	sig := fn.Signature
	if len(fn.Blocks) == 0 || fn.Recover != nil || sig.Results().Len() != 1 || i >= len(fn.Params) {
		return false
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return false
	}
	k := errPredKey{fn, i}
	if v, ok := e.errPreds[k]; ok {
		return v
	}
	e.errPreds[k] = false // recursion through itself: unknown
	v := e.walkFalseOnNil(fn, fn.Params[i])
	e.errPreds[k] = v
	return v
}

func (e *engine) walkFalseOnNil(fn *ssa.Function, p ssa.Value) bool {
	w := blockWalk{
		step: func(instr ssa.Instruction, b, from *ssa.BasicBlock) blockStep {
			switch in := instr.(type) {
			case *ssa.Call:
				if e.failsTest(in.Common()) {
					return stepEnds
				}
			case *ssa.Panic:
				return stepEnds
			case *ssa.Return:
				if !e.falseWhenNil(in.Results[0], b, from, p) {
					return stepFails
				}
				return stepEnds
			}
			return stepOn
		},
		edge:   func(cond ssa.Value) (int, bool) { return e.edgeWhenNil(cond, p) },
		byEdge: true,
		limit:  1 + 512, // the entry and 512 edges; a larger walk is not worth the answer
	}
	return w.holds(fn.Blocks[0], 0)
}

// edgeWhenNil returns the successor (0: true, 1: false) that cond takes
// when p is a nil error, if cond decides it: a comparison of p with nil,
// a predicate of p, or the negation of either.
func (e *engine) edgeWhenNil(cond, p ssa.Value) (int, bool) {
	if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
		edge, ok := e.edgeWhenNil(u.X, p)
		return 1 - edge, ok
	}
	if nonNil, ok := nonNilEdge(cond, p); ok {
		return 1 - nonNil, true
	}
	if call, ok := cond.(*ssa.Call); ok {
		if arg, ok := e.predicateArg(call.Common()); ok && arg == p {
			return 1, true
		}
	}
	return 0, false
}

// falseWhenNil reports whether v, returned in block b entered from from,
// is false when p is a nil error.
func (e *engine) falseWhenNil(v ssa.Value, b, from *ssa.BasicBlock, p ssa.Value) bool {
	if phi, ok := v.(*ssa.Phi); ok && phi.Block() == b && from != nil {
		i := slices.Index(b.Preds, from)
		if i < 0 || i >= len(phi.Edges) {
			return false
		}
		v = phi.Edges[i]
	}
	if c, ok := v.(*ssa.Const); ok {
		return c.Value != nil && c.Value.Kind() == constant.Bool && !constant.BoolVal(c.Value)
	}
	edge, ok := e.edgeWhenNil(v, p)
	return ok && edge == 1
}
