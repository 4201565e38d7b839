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
