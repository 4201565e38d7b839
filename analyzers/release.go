package analyzers

import (
	"go/types"
	"slices"

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
	return requiredWhere(checks, func(a *analysis.Analyzer) bool {
		return slices.Contains(a.Requires, lazyssa.Analyzer)
	})
}

// ReleaseSyntax returns, for the same kind of driver as ReleaseSSA, an
// analyzer to run with checks that drops a dependency's syntax trees and
// type information once every analyzer that runs on it is done: a driver
// loads every package from source before the first analyzer runs, and
// keeps it all until the run ends, though importers read only a
// dependency's types and facts. It returns nil when no check has facts (a
// dependency is then never analysed).
//
// The analyzer declares a fact type (and exports no fact) so that the
// driver runs it on dependencies; there it requires every analyzer with
// facts that checks require, directly or not, which are all that run on a
// dependency. It leaves the packages given to the driver alone.
func ReleaseSyntax(checks []*analysis.Analyzer, isRoot func(*types.Package) bool) *analysis.Analyzer {
	withFacts := factUsers(checks)
	if len(withFacts) == 0 {
		return nil
	}
	return &analysis.Analyzer{
		Name:      "releasesyntax",
		Doc:       "drop a dependency's syntax and type information once the analyzers with facts are done with it",
		Requires:  withFacts,
		FactTypes: []analysis.Fact{(*noSyntaxFact)(nil)},
		Run: func(pass *analysis.Pass) (any, error) {
			if isRoot(pass.Pkg) {
				return nil, nil
			}
			// The driver's package shares these: clearing them in place
			// drops the last references to the trees and the maps.
			clear(pass.Files)
			*pass.TypesInfo = types.Info{}
			return nil, nil
		},
	}
}

// noSyntaxFact is never exported: see ReleaseSyntax. (A fact type
// belongs to one analyzer.)
type noSyntaxFact struct{}

// AFact marks noSyntaxFact as an analysis fact.
func (*noSyntaxFact) AFact() {}

func (*noSyntaxFact) String() string { return "noSyntaxFact" }

// factUsers lists the analyzers among checks and what they require,
// directly or not, that declare fact types.
func factUsers(checks []*analysis.Analyzer) []*analysis.Analyzer {
	return requiredWhere(checks, func(a *analysis.Analyzer) bool { return len(a.FactTypes) > 0 })
}

// requiredWhere lists, once each and in the order a walk of Requires from
// checks meets them, the analyzers among checks and what they require,
// directly or not, for which keep holds.
func requiredWhere(checks []*analysis.Analyzer, keep func(*analysis.Analyzer) bool) []*analysis.Analyzer {
	seen := map[*analysis.Analyzer]bool{}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if keep(a) {
			out = append(out, a)
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range checks {
		visit(a)
	}
	return out
}
