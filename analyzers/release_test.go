package analyzers

import (
	"go/types"
	"slices"
	"testing"

	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"github.com/leakvet/leakvet/analyzers/httpbody"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/locks"
	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/unboundedcache"
	"golang.org/x/tools/go/analysis"
)

func noRoots(*types.Package) bool { return false }

func TestReleaseSSANotAddedWithoutSSA(t *testing.T) {
	// A check on syntax and facts alone, as noreturn is.
	plain := &analysis.Analyzer{
		Name:     "plain",
		Doc:      "uses no SSA",
		Requires: []*analysis.Analyzer{noreturn.Analyzer},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if got := ReleaseSSA([]*analysis.Analyzer{plain}, noRoots); got != nil {
		t.Errorf("ReleaseSSA(plain) = %v, want nil: nothing it requires builds SSA", got)
	}
}

// unboundedcache asks for SSA only to judge a write's guards, on
// dependencies too (it exports facts there): the release of a
// dependency's SSA must wait for it.
func TestReleaseSSAWaitsForUnboundedCache(t *testing.T) {
	got := ReleaseSSA([]*analysis.Analyzer{unboundedcache.Analyzer}, noRoots)
	if len(got) != 2 {
		t.Fatalf("ReleaseSSA(unboundedcache) = %v, want one analyzer for the given packages and one for dependencies", got)
	}
	for _, a := range got {
		if !slices.Contains(a.Requires, unboundedcache.Analyzer) {
			t.Errorf("%s does not require unboundedcache", a.Name)
		}
	}
}

func TestReleaseSSARunsAfterEveryUser(t *testing.T) {
	checks := []*analysis.Analyzer{httpbody.Analyzer, goroutineleak.Analyzer}
	got := ReleaseSSA(checks, noRoots)
	if len(got) != 2 {
		t.Fatalf("ReleaseSSA = %v, want one analyzer for the given packages and one for dependencies", got)
	}
	roots, deps := got[0], got[1]
	for _, a := range append([]*analysis.Analyzer{lazyssa.Analyzer}, checks...) {
		if !slices.Contains(roots.Requires, a) {
			t.Errorf("%s does not require %s", roots.Name, a.Name)
		}
	}
	if len(roots.FactTypes) != 0 {
		t.Errorf("%s declares facts: it would run every check on dependencies", roots.Name)
	}
	// On dependencies only analyzers with facts run: the ones that use SSA
	// there are lifetime (for httpbody), locks and goroutineleak's facts.
	var goroutineFacts *analysis.Analyzer
	for _, a := range goroutineleak.Analyzer.Requires {
		if a.Name == "goroutinefacts" {
			goroutineFacts = a
		}
	}
	if goroutineFacts == nil || len(goroutineFacts.FactTypes) == 0 {
		t.Fatalf("goroutineleak does not require an analyzer goroutinefacts with facts")
	}
	for _, a := range []*analysis.Analyzer{lazyssa.Analyzer, lifetime.Analyzer, locks.Analyzer, goroutineFacts} {
		if !slices.Contains(deps.Requires, a) {
			t.Errorf("%s does not require %s", deps.Name, a.Name)
		}
	}
	// The finding halves declare no facts, so the drivers run them on the
	// given packages only, and the release on dependencies must not
	// require them.
	for _, a := range []*analysis.Analyzer{httpbody.Analyzer, goroutineleak.Analyzer, locks.Findings} {
		if len(a.FactTypes) != 0 {
			t.Errorf("%s declares facts: it would run on every dependency", a.Name)
		}
		if slices.Contains(deps.Requires, a) {
			t.Errorf("%s requires %s, which would then run on every dependency", deps.Name, a.Name)
		}
	}
	if len(deps.FactTypes) == 0 {
		t.Errorf("%s declares no fact type: the driver would not run it on dependencies", deps.Name)
	}
	if err := analysis.Validate(append(checks, got...)); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

// The syntax of a dependency is dropped after every analyzer that runs
// on it: every analyzer with facts, the release of its SSA included, and
// nothing that runs on the given packages only.
func TestReleaseSyntaxRunsAfterEveryAnalyzerWithFacts(t *testing.T) {
	checks := All()
	run := append(slices.Clip(checks), ReleaseSSA(checks, noRoots)...)
	rel := ReleaseSyntax(run, noRoots)
	if rel == nil {
		t.Fatal("ReleaseSyntax(All) = nil")
	}
	want := factUsers(run)
	for _, a := range []*analysis.Analyzer{noreturn.Analyzer, lifetime.Analyzer, locks.Analyzer, unboundedcache.Analyzer} {
		if !slices.Contains(want, a) {
			t.Errorf("factUsers does not list %s", a.Name)
		}
	}
	for _, a := range want {
		if !slices.Contains(rel.Requires, a) {
			t.Errorf("%s does not require %s", rel.Name, a.Name)
		}
	}
	for _, a := range []*analysis.Analyzer{httpbody.Analyzer, goroutineleak.Analyzer, locks.Findings} {
		if slices.Contains(rel.Requires, a) {
			t.Errorf("%s requires %s, which would then run on every dependency", rel.Name, a.Name)
		}
	}
	if len(rel.FactTypes) == 0 {
		t.Errorf("%s declares no fact type: the driver would not run it on dependencies", rel.Name)
	}
	if err := analysis.Validate(append(run, rel)); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestReleaseSyntaxNotAddedWithoutFacts(t *testing.T) {
	plain := &analysis.Analyzer{
		Name: "plain",
		Doc:  "uses no facts",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if got := ReleaseSyntax([]*analysis.Analyzer{plain}, noRoots); got != nil {
		t.Errorf("ReleaseSyntax(plain) = %v, want nil: no analyzer runs on dependencies", got)
	}
}
