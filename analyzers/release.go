package analyzers

import (
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"golang.org/x/tools/go/analysis"
)

// ReleaseSSA returns, for a driver that analyses many packages in one
// process and keeps every analyzer's result until the run ends, the
// analyzers to run with checks so that each package's SSA form is freed
// as soon as nothing will ask for it again; isRoot tells the packages
// given to the driver from their dependencies. It returns nil when no
// check uses SSA.
//
// On a package given to the driver, one runs after every check. On a
// dependency, where only analyzers with facts run, the other runs after
// those of them that use SSA; it declares a fact type (and exports no
// fact) only so that the driver runs it there.
func ReleaseSSA(checks []*analysis.Analyzer, isRoot func(*types.Package) bool) []*analysis.Analyzer {
	users := ssaUsers(checks)
	if len(users) == 0 {
		return nil
	}
	release := func(pass *analysis.Pass) {
		pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Release()
	}
	roots := &analysis.Analyzer{
		Name:     "releasessa",
		Doc:      "free the SSA form of a package given to the driver once every check of it is done",
		Requires: append([]*analysis.Analyzer{lazyssa.Analyzer}, checks...),
		Run: func(pass *analysis.Pass) (any, error) {
			release(pass)
			return nil, nil
		},
	}
	var withFacts []*analysis.Analyzer
	for _, a := range users {
		if len(a.FactTypes) > 0 {
			withFacts = append(withFacts, a)
		}
	}
	if len(withFacts) == 0 {
		return []*analysis.Analyzer{roots}
	}
	deps := &analysis.Analyzer{
		Name:      "releasessadeps",
		Doc:       "free the SSA form of a dependency once the analyzers with facts that use it are done",
		Requires:  append([]*analysis.Analyzer{lazyssa.Analyzer}, withFacts...),
		FactTypes: []analysis.Fact{(*noFact)(nil)},
		Run: func(pass *analysis.Pass) (any, error) {
			if !isRoot(pass.Pkg) {
				release(pass)
			}
			return nil, nil
		},
	}
	return []*analysis.Analyzer{roots, deps}
}

// noFact is never exported: see ReleaseSSA.
type noFact struct{}

// AFact marks noFact as an analysis fact.
func (*noFact) AFact() {}

func (*noFact) String() string { return "noFact" }

// ssaUsers lists the analyzers among checks and what they require,
// directly or not, that require lazyssa.Analyzer themselves.
func ssaUsers(checks []*analysis.Analyzer) []*analysis.Analyzer {
	seen := map[*analysis.Analyzer]bool{}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			if r == lazyssa.Analyzer {
				out = append(out, a)
			}
			visit(r)
		}
	}
	for _, a := range checks {
		visit(a)
	}
	return out
}
