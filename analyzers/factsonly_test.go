package analyzers

import (
	"reflect"
	"slices"
	"testing"

	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"github.com/leakvet/leakvet/analyzers/httpbody"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/locks"
	"github.com/leakvet/leakvet/analyzers/unboundedcache"
	"golang.org/x/tools/go/analysis"
)

// allOf lists checks and every analyzer it requires, directly or not.
func allOf(checks []*analysis.Analyzer) []*analysis.Analyzer {
	return requiredWhere(checks, func(*analysis.Analyzer) bool { return true })
}

// Under go vet, a dependency is analysed for its facts: the analyzers
// with facts and what they require run as they are, the finding halves
// are copies that do nothing, and the graph still holds every analyzer
// with facts.
func TestFactsOnly(t *testing.T) {
	checks := All()
	got := FactsOnly(checks)
	if err := analysis.Validate(got); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	graph := allOf(got)
	for _, a := range []*analysis.Analyzer{lifetime.Analyzer, locks.Analyzer, unboundedcache.Analyzer, lazyssa.Analyzer} {
		if !slices.Contains(graph, a) {
			t.Errorf("%s is not in the graph, or is a copy", a.Name)
		}
	}
	for _, a := range []*analysis.Analyzer{httpbody.Analyzer, goroutineleak.Analyzer, locks.Findings} {
		if slices.Contains(graph, a) {
			t.Errorf("%s runs as it is: it has no facts and nothing with facts requires it", a.Name)
		}
	}
	names := func(as []*analysis.Analyzer) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Name)
		}
		slices.Sort(out)
		return out
	}
	if g, w := names(graph), names(allOf(checks)); !slices.Equal(g, w) {
		t.Errorf("analyzers in the graph: %v, want %v", g, w)
	}
	for _, a := range graph {
		if len(a.FactTypes) > 0 || slices.Contains(allOf(checks), a) {
			continue
		}
		res, err := a.Run(nil)
		if err != nil || (a.ResultType != nil && reflect.TypeOf(res) != a.ResultType) || (a.ResultType == nil && res != nil) {
			t.Errorf("copy of %s: Run = %v, %v; want the zero %v", a.Name, res, err, a.ResultType)
		}
	}
}
