package lifetime

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/ssa"
)

// testFailFact carries what testfail.go derives from the body of an
// exported function for the tests of other packages: a package of shared
// assertion helpers (`testutil.NoErr(t, err)` returning assert.NoError's
// result, `check.Fail(t, msg)` around t.Errorf) is out of sight of the
// test that calls it.
type testFailFact struct {
	// Always: every path through the function marks the test failed.
	Always bool
	// WhenFalse: the function, with a single bool result, returns false
	// only after marking the test failed.
	WhenFalse bool
	// Guards lists the error parameters (index 0 is a method's receiver)
	// for which every path with the error not nil fails the test or ends;
	// Expects, those for which every path with the error nil does.
	Guards  []int
	Expects []int
}

func (*testFailFact) AFact() {}

func (f *testFailFact) String() string {
	var parts []string
	if f.Always {
		parts = append(parts, "fails the test")
	}
	if f.WhenFalse {
		parts = append(parts, "fails the test when false")
	}
	for _, i := range f.Guards {
		parts = append(parts, "fails the test when param "+strconv.Itoa(i)+" is not nil")
	}
	for _, i := range f.Expects {
		parts = append(parts, "fails the test when param "+strconv.Itoa(i)+" is nil")
	}
	return "testfail(" + strings.Join(parts, "; ") + ")"
}

// exportTestFail exports a testFailFact for fn, an exported function of a
// package without test files, when it fails the running test in one of
// the ways testfail.go knows.
func (e *engine) exportTestFail(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != e.pass.Pkg || !obj.Exported() || fn.Origin() != nil || fn.Parent() != nil || len(fn.Blocks) == 0 || fn.Recover != nil {
		return
	}
	if !e.usesTestFailure() {
		return
	}
	var f testFailFact
	f.Always = e.alwaysFailsTest(fn)
	if res := fn.Signature.Results(); res.Len() == 1 && types.Identical(res.At(0).Type().Underlying(), types.Typ[types.Bool]) {
		f.WhenFalse = !f.Always && e.falseFailsTest(fn)
	}
	for i, p := range fn.Params {
		if !isError(p.Type()) {
			continue
		}
		if e.guardsParam(fn, i, false) {
			f.Guards = append(f.Guards, i)
		}
		if e.guardsParam(fn, i, true) {
			f.Expects = append(f.Expects, i)
		}
	}
	if f.Always || f.WhenFalse || len(f.Guards) > 0 || len(f.Expects) > 0 {
		e.pass.ExportObjectFact(obj, &f)
	}
}

// importedTestFail returns the testFailFact of the static callee of call
// when it is a function of another package.
func (e *engine) importedTestFail(call *ssa.CallCommon) (testFailFact, bool) {
	var f testFailFact
	callee := call.StaticCallee()
	if callee == nil || call.IsInvoke() {
		return f, false
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == e.pass.Pkg {
		return f, false
	}
	return f, e.pass.ImportObjectFact(obj.Origin(), &f)
}

// hasTestFiles reports whether the package being analysed has _test.go
// files.
func (e *engine) hasTestFiles() bool {
	return slices.ContainsFunc(e.pass.Files, func(f *ast.File) bool { return e.inTestFile(f.Pos()) })
}

// usesTestFailure reports whether the package, without test files (the
// test variant of a package is imported by nobody), calls something that
// fails the running test: it may define a helper whose testFailFact its
// importers need.
func (e *engine) usesTestFailure() bool {
	tf := e.tf()
	if tf.helpers == 0 {
		tf.helpers = 1
		if e.callsTestFailure() {
			tf.helpers = 2
		}
	}
	return tf.helpers == 2
}

func (e *engine) callsTestFailure() bool {
	if e.hasTestFiles() {
		return false
	}
	for _, obj := range e.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if resource.FailsTest(fn) || resource.StopsTest(fn) || resource.AlwaysFailsTest(fn) || resource.FailsTestWhenFalse(fn) {
			return true
		}
		if _, ok := resource.GuardsError(fn); ok {
			return true
		}
		if _, ok := resource.ExpectsError(fn); ok {
			return true
		}
		if fn.Pkg() != nil && fn.Pkg() != e.pass.Pkg {
			var f testFailFact
			if e.pass.ImportObjectFact(fn.Origin(), &f) {
				return true
			}
		}
	}
	return false
}
