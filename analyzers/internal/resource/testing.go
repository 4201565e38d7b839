package resource

import "go/types"

// testFailures are the calls that mark the running test as failed and let
// it go on. A path through one of them is a run that has already failed:
// what it leaves open is not a leak of the test as it passes (the calls
// that also stop the test, t.Fatal and t.FailNow, never return and end
// the path anyway). Keyed by types.Func.FullName.
var testFailures = map[string]string{
	"(*testing.common).Error":  "logs and marks the test failed",
	"(*testing.common).Errorf": "logs and marks the test failed",
	"(*testing.common).Fail":   "marks the test failed",
	"(testing.TB).Error":       "any test, benchmark or fuzz target: marks it failed",
	"(testing.TB).Errorf":      "any test, benchmark or fuzz target: marks it failed",
	"(testing.TB).Fail":        "any test, benchmark or fuzz target: marks it failed",
}

// FailsTest reports whether a call of fn marks the running test as failed.
func FailsTest(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	_, ok := testFailures[fn.Origin().FullName()]
	return ok
}

// failingAssertions are packages whose functions and methods with a single
// bool result return false exactly when they have marked the test failed
// (through their TestingT's Errorf): `if !assert.NoError(t, err) { return }`
// returns from a test that has already failed.
var failingAssertions = map[string]string{
	"github.com/stretchr/testify/assert": "documented: every assertion returns whether it succeeded, and fails the test when it did not",
}

// FailsTestWhenFalse reports whether a call of fn that returns false has
// marked the running test as failed.
func FailsTestWhenFalse(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if _, ok := failingAssertions[fn.Pkg().Path()]; !ok {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return false
	}
	b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}
