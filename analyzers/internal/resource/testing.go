package resource

import "go/types"

// testFailures are the calls that mark the running test as failed and let
// it go on. A path through one of them is a run that has already failed:
// what it leaves open is not a leak of the test as it passes (the calls
// that also stop the test, t.Fatal and t.FailNow, never return and end
// the path anyway; called through testing.TB, an interface, no fact says
// so, and they are listed). Keyed by types.Func.FullName.
var testFailures = map[string]string{
	"(*testing.common).Error":  "logs and marks the test failed",
	"(*testing.common).Errorf": "logs and marks the test failed",
	"(*testing.common).Fail":   "marks the test failed",
	"(testing.TB).Error":       "any test, benchmark or fuzz target: marks it failed",
	"(testing.TB).Errorf":      "any test, benchmark or fuzz target: marks it failed",
	"(testing.TB).Fail":        "any test, benchmark or fuzz target: marks it failed",
	"(testing.TB).FailNow":     "any test, benchmark or fuzz target: marks it failed and stops it (through the interface, no fact says it never returns)",
	"(testing.TB).Fatal":       "any test, benchmark or fuzz target: logs, marks it failed and stops it",
	"(testing.TB).Fatalf":      "any test, benchmark or fuzz target: logs, marks it failed and stops it",
}

// FailsTest reports whether a call of fn marks the running test as failed.
func FailsTest(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	_, ok := testFailures[fn.Origin().FullName()]
	return ok
}

// FailsTestThroughInterface reports whether fn is a method of an interface
// that *testing.T implements and whose method on *testing.T marks the
// running test as failed (see testingTMethods). Not every check takes it:
// the interface is often a mock's reporter, called from the mock's own
// goroutine, which goes on after the call (holding a lock, say) and hangs
// the test rather than letting it end failed.
func FailsTestThroughInterface(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "testing" {
		return false
	}
	return failsThroughInterface(fn)
}

// testingTMethod is a method of *testing.T: the function a call of it
// runs, keyed by its full name, and its signature.
type testingTMethod struct {
	fullName string
	sig      *types.Signature
}

// testingTMethods restate part of *testing.T's method set, by name. A call
// of an interface method is a test failure when *testing.T implements the
// interface (every method of it is listed here, with an identical
// signature) and the method it dispatches to on *testing.T is one of
// testing's failing methods (testFailures, or one that also stops the
// test): a package's own `type TestingT interface{ Errorf(string,
// ...any) }`, which the *testing.T of its tests satisfies. The testing
// package need not be among the analysed package's imports. The tests
// check every entry against the testing package.
var testingTMethods = map[string]testingTMethod{
	"Error":   {"(*testing.common).Error", sigOf(nil, true, anySlice())},
	"Errorf":  {"(*testing.common).Errorf", sigOf(nil, true, types.Typ[types.String], anySlice())},
	"Fail":    {"(*testing.common).Fail", sigOf(nil, false)},
	"FailNow": {"(*testing.common).FailNow", sigOf(nil, false)},
	"Fatal":   {"(*testing.common).Fatal", sigOf(nil, true, anySlice())},
	"Fatalf":  {"(*testing.common).Fatalf", sigOf(nil, true, types.Typ[types.String], anySlice())},
	"Failed":  {"(*testing.common).Failed", sigOf(types.Typ[types.Bool], false)},
	"Helper":  {"(*testing.common).Helper", sigOf(nil, false)},
	"Log":     {"(*testing.common).Log", sigOf(nil, true, anySlice())},
	"Logf":    {"(*testing.common).Logf", sigOf(nil, true, types.Typ[types.String], anySlice())},
	"Name":    {"(*testing.common).Name", sigOf(types.Typ[types.String], false)},
	"Cleanup": {"(*testing.common).Cleanup", sigOf(nil, false, types.NewSignatureType(nil, nil, nil, nil, nil, false))},
}

// stopsTest are the failing methods of *testing.T that also stop the test
// (they never return, so testFailures need not list them).
var stopsTest = map[string]string{
	"(*testing.common).FailNow": "marks the test failed and stops it",
	"(*testing.common).Fatal":   "logs, marks the test failed and stops it",
	"(*testing.common).Fatalf":  "logs, marks the test failed and stops it",
}

// StopsTest reports whether a call of fn fails the running test and stops
// its goroutine (stopsTest): t.Fatal, t.Fatalf, t.FailNow.
func StopsTest(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	_, ok := stopsTest[fn.Origin().FullName()]
	return ok
}

func anySlice() types.Type { return types.NewSlice(types.NewInterfaceType(nil, nil)) }

// sigOf builds func(params...) result (no result when nil).
func sigOf(result types.Type, variadic bool, params ...types.Type) *types.Signature {
	var ps []*types.Var
	for _, p := range params {
		ps = append(ps, types.NewParam(0, nil, "", p))
	}
	var rs *types.Tuple
	if result != nil {
		rs = types.NewTuple(types.NewParam(0, nil, "", result))
	}
	return types.NewSignatureType(nil, nil, nil, types.NewTuple(ps...), rs, variadic)
}

// failsThroughInterface reports whether fn is a method of an interface
// that *testing.T implements, dispatching on *testing.T to a failing
// method.
func failsThroughInterface(fn *types.Func) bool {
	full, ok := onTestingT(fn)
	if !ok {
		return false
	}
	_, fails := testFailures[full]
	_, stops := stopsTest[full]
	return fails || stops
}

// onTestingT returns the method of *testing.T (by full name) that a call
// of fn runs when fn is a method of an interface that *testing.T
// implements (every method of it is in testingTMethods) and the value
// called is a *testing.T.
func onTestingT(fn *types.Func) (string, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return "", false
	}
	iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return "", false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		tm, ok := testingTMethods[m.Name()]
		if !ok || !m.Exported() || !types.Identical(m.Type(), tm.sig) {
			return "", false // not known to be implemented by *testing.T
		}
	}
	return testingTMethods[fn.Name()].fullName, true
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

// errorGuards are assertions that take an error and, when it is not nil,
// mark the running test as failed before they return (or never return):
// after such a call, a path on which the error was not nil is a run of a
// test that has already failed. Keyed by types.Func.FullName.
var errorGuards = map[string]string{
	"github.com/stretchr/testify/require.NoError":                "calls t.FailNow when err is not nil",
	"github.com/stretchr/testify/require.NoErrorf":               "calls t.FailNow when err is not nil",
	"(*github.com/stretchr/testify/require.Assertions).NoError":  "calls t.FailNow when err is not nil",
	"(*github.com/stretchr/testify/require.Assertions).NoErrorf": "calls t.FailNow when err is not nil",
	"github.com/stretchr/testify/assert.NoError":                 "calls t.Errorf and returns false when err is not nil",
	"github.com/stretchr/testify/assert.NoErrorf":                "calls t.Errorf and returns false when err is not nil",
	"(*github.com/stretchr/testify/assert.Assertions).NoError":   "calls t.Errorf and returns false when err is not nil",
	"(*github.com/stretchr/testify/assert.Assertions).NoErrorf":  "calls t.Errorf and returns false when err is not nil",
	"gotest.tools/v3/assert.NilError":                            "calls t.FailNow when err is not nil",
}

// GuardsError reports whether fn is an assertion that fails the running
// test when its error argument is not nil, and which argument of a static
// call (the receiver counting as argument 0) that error is.
func GuardsError(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	if _, ok := errorGuards[fn.Origin().FullName()]; !ok {
		return 0, false
	}
	return errorArg(fn)
}

// errorArg returns the argument of a static call of fn (the receiver
// counting as argument 0) that is its first parameter of type error.
func errorArg(fn *types.Func) (arg int, ok bool) {
	sig := fn.Type().(*types.Signature)
	arg = 0
	if sig.Recv() != nil {
		arg = 1
	}
	errType := types.Universe.Lookup("error").Type()
	for i := 0; i < sig.Params().Len(); i++ {
		if types.Identical(sig.Params().At(i).Type(), errType) {
			return arg + i, true
		}
	}
	return 0, false
}

// errorExpecters are assertions that take an error and, when it is nil,
// mark the running test as failed before they return (or never return):
// after such a call, a path on which the error was nil is a run of a test
// that has already failed, so the call that made the error failed on
// every path a passing test takes. Keyed by types.Func.FullName.
var errorExpecters = map[string]string{
	"github.com/stretchr/testify/require.Error":                        "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).Error":          "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.Errorf":                       "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).Errorf":         "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.ErrorIs":                      "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).ErrorIs":        "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.ErrorIsf":                     "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).ErrorIsf":       "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.ErrorContains":                "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).ErrorContains":  "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.ErrorContainsf":               "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).ErrorContainsf": "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.ErrorAs":                      "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).ErrorAs":        "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.ErrorAsf":                     "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).ErrorAsf":       "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.EqualError":                   "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).EqualError":     "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/require.EqualErrorf":                  "calls t.FailNow when err is nil",
	"(*github.com/stretchr/testify/require.Assertions).EqualErrorf":    "calls t.FailNow when err is nil",
	"github.com/stretchr/testify/assert.Error":                         "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).Error":           "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.Errorf":                        "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).Errorf":          "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.ErrorIs":                       "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).ErrorIs":         "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.ErrorIsf":                      "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).ErrorIsf":        "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.ErrorContains":                 "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).ErrorContains":   "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.ErrorContainsf":                "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).ErrorContainsf":  "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.ErrorAs":                       "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).ErrorAs":         "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.ErrorAsf":                      "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).ErrorAsf":        "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.EqualError":                    "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).EqualError":      "calls t.Errorf and returns false when err is nil",
	"github.com/stretchr/testify/assert.EqualErrorf":                   "calls t.Errorf and returns false when err is nil",
	"(*github.com/stretchr/testify/assert.Assertions).EqualErrorf":     "calls t.Errorf and returns false when err is nil",
	"gotest.tools/v3/assert.Error":                                     "calls t.FailNow when err is nil",
	"gotest.tools/v3/assert.ErrorContains":                             "calls t.FailNow when err is nil",
	"gotest.tools/v3/assert.ErrorIs":                                   "calls t.FailNow when err is nil",
	"gotest.tools/v3/assert.ErrorType":                                 "calls t.FailNow when err is nil",
}

// comparisonAsserts take a comparison (a bool or a function that
// compares) and fail the running test when it fails. Keyed by
// types.Func.FullName; the value is the comparison's argument.
var comparisonAsserts = map[string]struct {
	arg    int
	reason string
}{
	"gotest.tools/v3/assert.Assert": {1, "calls t.FailNow when the comparison fails"},
	"gotest.tools/v3/assert.Check":  {1, "calls t.Fail and returns false when the comparison fails"},
}

// boolAssertions take a bool and mark the running test as failed (require:
// and stop it) when it is not the value given: past such a call, a path on
// which the bool had the other value is the run of a test that has already
// failed (`assert.False(t, rows.Next())`: on a passing run Next returned
// false). Keyed by types.Func.FullName.
var boolAssertions = map[string]struct {
	want   bool
	reason string
}{
	"github.com/stretchr/testify/assert.True":                  {true, "calls t.Errorf and returns false when value is false"},
	"github.com/stretchr/testify/assert.Truef":                 {true, "calls t.Errorf and returns false when value is false"},
	"github.com/stretchr/testify/assert.False":                 {false, "calls t.Errorf and returns false when value is true"},
	"github.com/stretchr/testify/assert.Falsef":                {false, "calls t.Errorf and returns false when value is true"},
	"(*github.com/stretchr/testify/assert.Assertions).True":    {true, "calls t.Errorf and returns false when value is false"},
	"(*github.com/stretchr/testify/assert.Assertions).Truef":   {true, "calls t.Errorf and returns false when value is false"},
	"(*github.com/stretchr/testify/assert.Assertions).False":   {false, "calls t.Errorf and returns false when value is true"},
	"(*github.com/stretchr/testify/assert.Assertions).Falsef":  {false, "calls t.Errorf and returns false when value is true"},
	"github.com/stretchr/testify/require.True":                 {true, "calls t.FailNow when value is false"},
	"github.com/stretchr/testify/require.Truef":                {true, "calls t.FailNow when value is false"},
	"github.com/stretchr/testify/require.False":                {false, "calls t.FailNow when value is true"},
	"github.com/stretchr/testify/require.Falsef":               {false, "calls t.FailNow when value is true"},
	"(*github.com/stretchr/testify/require.Assertions).True":   {true, "calls t.FailNow when value is false"},
	"(*github.com/stretchr/testify/require.Assertions).Truef":  {true, "calls t.FailNow when value is false"},
	"(*github.com/stretchr/testify/require.Assertions).False":  {false, "calls t.FailNow when value is true"},
	"(*github.com/stretchr/testify/require.Assertions).Falsef": {false, "calls t.FailNow when value is true"},
}

// AssertsBool reports whether fn is an assertion that fails the running
// test unless its bool argument is want, and which argument of a static
// call (the receiver counting as argument 0) that bool is.
func AssertsBool(fn *types.Func) (arg int, want bool, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false, false
	}
	b, ok := boolAssertions[fn.Origin().FullName()]
	if !ok {
		return 0, false, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		arg = 1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if t, ok := sig.Params().At(i).Type().(*types.Basic); ok && t.Kind() == types.Bool {
			return arg + i, b.want, true
		}
	}
	return 0, false, false
}

// errorComparisons build a comparison that fails when their error
// argument is nil. Keyed by types.Func.FullName.
var errorComparisons = map[string]string{
	"gotest.tools/v3/assert/cmp.Error":         "succeeds only for a non-nil error with the message",
	"gotest.tools/v3/assert/cmp.ErrorContains": "succeeds only for a non-nil error containing the text",
	"gotest.tools/v3/assert/cmp.ErrorIs":       "succeeds only for a non-nil error that is the target",
	"gotest.tools/v3/assert/cmp.ErrorType":     "succeeds only for a non-nil error of the type",
}

// ComparisonAssert reports whether fn fails the running test when a
// comparison fails, and which argument of a static call that comparison
// is.
func ComparisonAssert(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	c, ok := comparisonAsserts[fn.Origin().FullName()]
	return c.arg, ok
}

// ExpectsErrorComparison reports whether fn builds a comparison that
// fails when its error argument is nil, and which argument that error is.
func ExpectsErrorComparison(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	if _, ok := errorComparisons[fn.Origin().FullName()]; !ok {
		return 0, false
	}
	return errorArg(fn)
}

// ExpectsError reports whether fn is an assertion that fails the running
// test when its error argument is nil, and which argument of a static
// call (the receiver counting as argument 0) that error is.
func ExpectsError(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	if _, ok := errorExpecters[fn.Origin().FullName()]; !ok {
		return 0, false
	}
	return errorArg(fn)
}

// testFailuresAlways are assertions that mark the running test as failed
// on every call: the path after one is a run of a failed test.
var testFailuresAlways = map[string]string{
	"github.com/stretchr/testify/assert.Fail":      "calls t.Errorf and returns false",
	"github.com/stretchr/testify/assert.Failf":     "calls t.Errorf and returns false",
	"github.com/stretchr/testify/assert.FailNow":   "calls t.Errorf and t.FailNow",
	"github.com/stretchr/testify/assert.FailNowf":  "calls t.Errorf and t.FailNow",
	"github.com/stretchr/testify/require.Fail":     "calls t.Errorf and t.FailNow",
	"github.com/stretchr/testify/require.Failf":    "calls t.Errorf and t.FailNow",
	"github.com/stretchr/testify/require.FailNow":  "calls t.Errorf and t.FailNow",
	"github.com/stretchr/testify/require.FailNowf": "calls t.Errorf and t.FailNow",
	// The same through the Assertions a suite's Require() and Assert()
	// return, bound to the suite's test.
	"(*github.com/stretchr/testify/assert.Assertions).Fail":      "calls assert.Fail with its test",
	"(*github.com/stretchr/testify/assert.Assertions).Failf":     "calls assert.Failf with its test",
	"(*github.com/stretchr/testify/assert.Assertions).FailNow":   "calls assert.FailNow with its test",
	"(*github.com/stretchr/testify/assert.Assertions).FailNowf":  "calls assert.FailNowf with its test",
	"(*github.com/stretchr/testify/require.Assertions).Fail":     "calls require.Fail with its test",
	"(*github.com/stretchr/testify/require.Assertions).Failf":    "calls require.Failf with its test",
	"(*github.com/stretchr/testify/require.Assertions).FailNow":  "calls require.FailNow with its test",
	"(*github.com/stretchr/testify/require.Assertions).FailNowf": "calls require.FailNowf with its test",
}

// AlwaysFailsTest reports whether every call of fn marks the running test
// as failed: testing's own methods and the assertions listed above.
func AlwaysFailsTest(fn *types.Func) bool {
	if FailsTest(fn) {
		return true
	}
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if !testFailuresAlwaysNames[fn.Name()] {
		return false
	}
	_, ok := testFailuresAlways[fn.Origin().FullName()]
	return ok
}

// testFailuresAlwaysNames holds the function names of testFailuresAlways,
// so that a call of any other function is told apart without spelling its
// full name.
var testFailuresAlwaysNames = func() map[string]bool {
	m := map[string]bool{}
	for full := range testFailuresAlways {
		m[bareName(full)] = true
	}
	return m
}()

// cleanupRegistrars are the calls that register a function to run when
// the running test (or benchmark, or fuzz target) and its subtests end.
var cleanupRegistrars = map[string]string{
	"(*testing.common).Cleanup": "runs the function when the test and its subtests end",
	"(testing.TB).Cleanup":      "any test, benchmark or fuzz target: runs the function when it ends",
}

// RegistersCleanup reports whether a call of fn registers its function
// argument to run when the running test ends.
func RegistersCleanup(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	_, ok := cleanupRegistrars[fn.Origin().FullName()]
	return ok
}

// RegistersCleanupThroughInterface reports whether fn is a method of a
// package's own interface that *testing.T implements (see
// testingTMethods) and that runs, on a *testing.T, testing's Cleanup: a
// helper taking `interface{ Cleanup(func()) }` (or asserting its own
// TestingT to it) registers the function with the test only when the
// value it is given is a test's handle; given another value (a logger
// standing in for the test), it registers nothing the test runs.
func RegistersCleanupThroughInterface(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "testing" {
		return false
	}
	full, ok := onTestingT(fn)
	if !ok {
		return false
	}
	_, ok = cleanupRegistrars[full]
	return ok
}

// subtestRunners run their function argument as a subtest and keep
// nothing of it once it ends: what the function captures without keeping
// or releasing it is still the caller's (a subtest that calls t.Parallel
// runs on after Run returns, and releases nothing the caller owes either).
var subtestRunners = map[string]string{
	"(*testing.T).Run": "runs f as a subtest; returns when f ends or calls t.Parallel",
	"(*testing.B).Run": "runs f as a sub-benchmark; returns when it ends",
}

// RunsSubtest reports whether a call of fn runs its function argument as
// a subtest without keeping it.
func RunsSubtest(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	_, ok := subtestRunners[fn.Origin().FullName()]
	return ok
}

// ownerFields name, per type of a value that acquires resources for its
// caller, the field holding what releases them all: closing it (in a
// cleanup the test registers, or a deferred call) releases every resource
// acquired through the value. Keyed by types.TypeString of the receiver.
var ownerFields = map[string]string{
	"*net/http.Client": "Transport", // a transport with a Close (net/http's own has none) closes its connections, and with them the response bodies read from them
}

// OwnerField returns the field of a receiver of type t whose release
// releases what calls on it acquire.
func OwnerField(t types.Type) (string, bool) {
	f, ok := ownerFields[types.TypeString(t, nil)]
	return f, ok
}

// benchmarkLoops are the loop conditions of a benchmark's measured loop:
// it runs as many times as the benchmark needs for a stable timing, so
// what each iteration leaves to a defer piles up with the count, unlike a
// loop over the test's own data. Keyed by types.Func.FullName (the
// methods) or by the field's type and name.
var benchmarkLoops = map[string]string{
	"(*testing.B).Loop":  "keeps the benchmark running until its timing is stable",
	"(*testing.PB).Next": "RunParallel's per-goroutine share of b.N",
	"testing.B.N":        "the iteration count of a benchmark's loop, raised until its timing is stable",
}

// BenchmarkLoopCall reports whether a call of fn is a benchmark loop's
// condition.
func BenchmarkLoopCall(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	_, ok := benchmarkLoops[fn.Origin().FullName()]
	return ok
}

// BenchmarkCount reports whether field f of struct type t is a
// benchmark's iteration count.
func BenchmarkCount(t types.Type, f *types.Var) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	_, ok = benchmarkLoops["testing."+n.Obj().Name()+"."+f.Name()]
	return ok
}

// errorCollectors run a function argument and hand its error to a later
// call on the same receiver: a test that fails on that later call's error
// fails on the function's. Keyed by types.Func.FullName of the method that
// takes the function; the value names the collecting method.
var errorCollectors = map[string]struct {
	collect string
	reason  string
}{
	"(*golang.org/x/sync/errgroup.Group).Go":    {"Wait", "Wait returns the first non-nil error of the functions Go ran"},
	"(*golang.org/x/sync/errgroup.Group).TryGo": {"Wait", "Wait returns the first non-nil error of the functions TryGo ran"},
}

// ErrorCollector reports whether fn runs its function argument and hands
// that function's error to the receiver's method named by collect.
func ErrorCollector(fn *types.Func) (collect string, ok bool) {
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	c, ok := errorCollectors[fn.Origin().FullName()]
	return c.collect, ok
}

// testHandles are the types of the running test's handle: a function
// that takes one runs inside a test (a helper, a harness's dial or
// option), whatever file declares it. run marks the concrete handles
// that the testing package hands to a test, benchmark or fuzz target it
// runs: the run passes only by returning, so a function taking one is
// the run itself (or a subtest's body). Keyed by types.TypeString.
var testHandles = map[string]struct {
	run bool
	why string
}{
	"*testing.T": {true, "a test's handle, made only by the testing package for a running test or subtest"},
	"*testing.B": {true, "a benchmark's handle, as *testing.T"},
	"*testing.F": {true, "a fuzz target's handle, as *testing.T"},
	"testing.TB": {false, "the interface only *testing.T, *testing.B and *testing.F implement (its private method keeps others out)"},
}

// IsTestHandle reports whether t is the type of a running test's handle.
func IsTestHandle(t types.Type) bool {
	_, ok := testHandles[types.TypeString(t, nil)]
	return ok
}

// IsTestRun reports whether t is the handle the testing package gives
// the test, benchmark or fuzz target it runs (*testing.T, B or F).
func IsTestRun(t types.Type) bool {
	return testHandles[types.TypeString(t, nil)].run
}
