// Package locks answers one question for goroutineleak: can a goroutine
// be left blocked forever on a sync.Mutex, a sync.RWMutex or a
// sync.WaitGroup because of a path in this package?
//
// A lock is identified by the address expression of its mutex (a field
// `s.mu`, a package-level variable, a local variable), not by an SSA value
// a call returns, so the lifetime engine's model of acquisitions (results
// of calls) does not fit it; this package walks the same shared SSA
// (lazyssa) with its own small path walk. It finds:
//
//   - a lock acquired and still held when the function returns normally
//     on some path while another path from the same acquisition releases
//     it (evidence that the function owns the pairing): every later
//     acquisition of the mutex blocks forever;
//   - a second acquisition of a mutex this goroutine already holds on one
//     path (Lock after Lock, Lock after RLock, or a call whose summary
//     locks it): the goroutine deadlocks at once;
//   - a goroutine counted by wg.Add that can return without wg.Done()
//     while the function that started it waits on the group;
//   - a lock still held when a loop comes back to its acquisition, which
//     runs on every iteration on a mutex that does not change between
//     iterations;
//   - a second read lock of an RWMutex the path already read-locks when
//     the package write-locks the same field or variable somewhere, in a
//     function that does not end the owner's use (recursive.go);
//   - a sync.Cond waited on that nothing in the package can wake (cond.go,
//     on syntax and types only).
//
// Functions that return holding a lock on every path (lock helpers) and
// functions that release a lock they did not take (unlock helpers) are
// not findings: they get a summary, exported as a fact, and their callers
// are checked with it. A lock released in a deferred closure or handed to
// a closure or goroutine that releases it (a goroutine that releases it
// before it takes it included), or returned with its owner, is released;
// paths that panic, never return or fail the test end without a finding,
// and so does a test closure's return that only the test's input decides
// when the test takes the lock again itself afterwards (testwait.go).
// When unsure, it is silent.
package locks

import (
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

// Analyzer computes the lock summaries of the package's functions and
// exports them as facts. It reports nothing: the drivers run it on every
// package, dependencies included, so the walks that only find leaks are
// left to Findings, which they run only on the packages given to them.
var Analyzer = &analysis.Analyzer{
	Name:       "locks",
	Doc:        "summarise which locks a function returns holding, releases or takes and releases, for its callers",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/locks",
	Requires:   []*analysis.Analyzer{lazyssa.Analyzer, noreturn.Analyzer},
	Run:        report.Guard(runFacts),
	ResultType: reflect.TypeFor[*factsPass](),
	FactTypes:  []analysis.Fact{(*lockFact)(nil)},
}

// Findings computes the package's lock and WaitGroup findings (its
// result) from the summaries Analyzer computed, with the imported ones
// read through Analyzer's pass (an analyzer without facts sees none).
var Findings = &analysis.Analyzer{
	Name:       "lockfindings",
	Doc:        "find locks held on a return path, locks acquired twice on one path and goroutines that can skip wg.Done",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/locks",
	Requires:   []*analysis.Analyzer{Analyzer, lazyssa.Analyzer},
	Run:        report.Guard(runFindings),
	ResultType: reflect.TypeFor[*Result](),
}

// Result holds the findings, ready to report, in position order. The
// reporting check sets nothing: categories are "lock", "doublelock",
// "waitgroup" and "cond".
type Result struct {
	Findings []report.Diagnostic
}

// analysisKey names the summaries in the package's lazyssa.Program.
type analysisKey struct{}

// factsPass is Analyzer's result: its pass, through which Findings reads
// the summaries of other packages. It holds nothing else, since a driver
// keeps every result until its run ends.
type factsPass struct {
	pass *analysis.Pass
}

func runFacts(pass *analysis.Pass) (any, error) {
	res := &factsPass{pass: pass}
	if !usesLocks(pass) || !needsSSA(pass) {
		return res, nil
	}
	a := analysisOf(pass, pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program))
	for _, e := range a.exported {
		pass.ExportObjectFact(e.fn.Object(), &lockFact{Effects: e.effects, Aliases: e.results.aliases, Fresh: e.results.fresh})
	}
	return res, nil
}

// analysisOf returns the checker of the package's SSA form with every
// named function summarised, in source order, made once per form.
func analysisOf(pass *analysis.Pass, prog *lazyssa.Program) *checker {
	return prog.Derived(analysisKey{}, func() any {
		_, funcs := prog.Build()
		a := newAnalysis(pass, funcs)
		a.summariseNamed()
		return a
	}).(*checker)
}

func runFindings(pass *analysis.Pass) (any, error) {
	// The gates and the walks read other packages' summaries, which only
	// Analyzer's pass can import.
	fp := pass.ResultOf[Analyzer].(*factsPass).pass
	res := &Result{}
	if !usesLocks(fp) {
		return res, nil
	}
	conds := checkConds(fp)
	if !needsSSA(fp) {
		res.Findings = sortFindings(conds)
		return res, nil
	}
	a := analysisOf(fp, pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program))
	for _, fn := range a.funcs {
		if fn.Blocks == nil {
			continue
		}
		a.checkLocks(fn)
		a.checkWaitGroups(fn)
	}
	res.Findings = sortFindings(append(a.findings, conds...))
	return res, nil
}

func sortFindings(ds []report.Diagnostic) []report.Diagnostic {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Pos < ds[j].Pos })
	return ds
}

// usesLocks is the cheap gate, on type information only: the package
// calls a method of the sync table, or a function of another package
// whose summary acquires or releases a lock. Elsewhere SSA is not asked
// for.
func usesLocks(pass *analysis.Pass) bool {
	if inGOROOT(pass) {
		return false
	}
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if _, ok := syncOpOf(fn); ok {
			return true
		}
		if condNames[fn.Name()] {
			if _, ok := condOps[fn.FullName()]; ok {
				return true
			}
		}
		if fn.Pkg() != pass.Pkg {
			var f lockFact
			if pass.ImportObjectFact(fn.Origin(), &f) && len(f.Effects) > 0 {
				return true
			}
		}
	}
	return false
}

// inGOROOT reports whether the package is the standard library's: its
// locks are its own business (no function of it returns holding, or
// releases, a lock of its callers), and leaving it out keeps its many
// mutex-using packages from being built into SSA as dependencies.
func inGOROOT(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return true
	}
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return build.Default.GOROOT != "" && strings.HasPrefix(pass.Fset.File(pass.Files[0].Pos()).Name(), root)
}
