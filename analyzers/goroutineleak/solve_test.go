package goroutineleak

import (
	"fmt"
	"go/token"
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestIncrementalSolve checks that the fixpoint, walking after its first
// round only the functions whose assumptions changed, ends where walking
// every function in every round ends: the same stuck operations, the same
// functions that can return and end, the same code reached.
func TestIncrementalSolve(t *testing.T) {
	compared := 0
	check := &analysis.Analyzer{
		Name:      "solvecheck",
		Doc:       "compares the incremental fixpoint with the one that walks everything",
		Requires:  factsAnalyzer.Requires,
		FactTypes: factsAnalyzer.FactTypes,
		Run: func(pass *analysis.Pass) (any, error) {
			if !startsGoroutines(pass.TypesInfo, pass.Files) && !exportsChannelFunc(pass) {
				return nil, nil
			}
			pkg, funcs := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
			inc := buildModel(pass, pkg, funcs, nil)
			inc.exportFacts()
			all := buildModel(pass, pkg, funcs, nil)
			all.solveRounds(false)
			if d := solveDiff(pass.Fset, inc, all); d != "" {
				t.Errorf("package %s: %s", pass.Pkg.Path(), d)
			}
			compared++
			return nil, nil
		},
	}
	dirs := []string{"fanout", "rangenoclose", "noexit", "ticker", "tickerstop", "nopartner", "mainprog", "results", "crosspkg", "services", "regressions", "producers", "gate", "lifecycle", "testfail", "ownedforlife", "testhook", "countedrecv", "helpers", "genericchan", "finishsignal", "handoff", "waitgroup", "locks"}
	// The packages' own expectations are the goroutineleak tests' business.
	analysistest.Run(ignore{}, analysistest.TestData(), check, dirs...)
	if compared < len(dirs) {
		t.Fatalf("compared %d packages, want at least %d", compared, len(dirs))
	}
}

type ignore struct{}

func (ignore) Errorf(string, ...any) {}

func solveDiff(fset *token.FileSet, a, b *model) string {
	stuck := func(m *model) map[string]bool {
		out := make(map[string]bool)
		for o := range m.stuck {
			out[fmt.Sprintf("%s %d %d %v %d", fset.Position(o.instr.Pos()), o.kind, o.index, o.virtual, o.arg)] = true
		}
		return out
	}
	sa, sb := stuck(a), stuck(b)
	if len(sa) != len(sb) {
		return fmt.Sprintf("%d stuck operations against %d", len(sa), len(sb))
	}
	for k := range sa {
		if !sb[k] {
			return "stuck only incrementally: " + k
		}
	}
	for _, fn := range a.funcs {
		if a.canReturn[fn] != b.canReturn[fn] || a.canEnd[fn] != b.canEnd[fn] {
			return fmt.Sprintf("%s: can return %v/%v, can end %v/%v", fn, a.canReturn[fn], b.canReturn[fn], a.canEnd[fn], b.canEnd[fn])
		}
	}
	if len(a.reached) != len(b.reached) {
		return fmt.Sprintf("%d blocks reached against %d", len(a.reached), len(b.reached))
	}
	for blk, n := range a.reached {
		if b.reached[blk] != n {
			return fmt.Sprintf("%s block %d: %d instructions reached against %d", blk.Parent(), blk.Index, n, b.reached[blk])
		}
	}
	if len(a.closable) != len(b.closable) {
		return fmt.Sprintf("%d closable classes against %d", len(a.closable), len(b.closable))
	}
	for class := range a.closable {
		if !b.closable[class] {
			return fmt.Sprintf("class %d closable only incrementally", class)
		}
	}
	return ""
}
