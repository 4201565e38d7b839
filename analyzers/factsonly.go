package analyzers

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// FactsOnly returns checks for a run whose findings are dropped and whose
// facts alone are kept: go vet analyses each dependency of the packages
// given to it that way (its configuration says VetxOnly), and the
// x/tools driver it uses then still runs every analyzer that requires one
// with facts, the finding halves included. In the graph FactsOnly
// returns, each analyzer that neither declares facts nor is required,
// directly or not, by one that does, is a copy that does nothing (it
// returns its result type's zero value) and requires the copies of what
// it required, so that the analyzers with facts still run; the others
// are the same analyzers. Names, flags and fact types are unchanged.
func FactsOnly(checks []*analysis.Analyzer) []*analysis.Analyzer {
	// needed: declares facts, or is required by an analyzer that does.
	needed := map[*analysis.Analyzer]bool{}
	for _, a := range requiredWhere(factUsers(checks), func(*analysis.Analyzer) bool { return true }) {
		needed[a] = true
	}
	copies := map[*analysis.Analyzer]*analysis.Analyzer{}
	var stub func(a *analysis.Analyzer) *analysis.Analyzer
	stub = func(a *analysis.Analyzer) *analysis.Analyzer {
		if needed[a] {
			return a
		}
		if c, ok := copies[a]; ok {
			return c
		}
		c := *a
		c.Requires = make([]*analysis.Analyzer, len(a.Requires))
		for i, r := range a.Requires {
			c.Requires[i] = stub(r)
		}
		rt := a.ResultType
		c.Run = func(*analysis.Pass) (any, error) {
			if rt == nil {
				return nil, nil
			}
			return reflect.Zero(rt).Interface(), nil
		}
		copies[a] = &c
		return &c
	}
	out := make([]*analysis.Analyzer, len(checks))
	for i, a := range checks {
		out[i] = stub(a)
	}
	return out
}
