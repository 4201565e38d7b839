package goroutineleak

import (
	_ "embed"
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
	"github.com/leakvet/leakvet/analyzers/internal/locks"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines that can never finish. It declares no
// facts, so the drivers run it only on the packages given to them; the
// summaries other packages need are factsAnalyzer's.
var Analyzer = &analysis.Analyzer{
	Name:     "goroutineleak",
	Doc:      checkdoc.Extract(doc, "goroutineleak"),
	URL:      "https://github.com/leakvet/leakvet/blob/main/docs/checks/goroutineleak.md",
	Requires: []*analysis.Analyzer{config.Analyzer, lazyssa.Analyzer, factsAnalyzer, locks.Findings},
	Run:      report.Guard(run),
}

// factsAnalyzer exports goroutineleak's facts (startFact, setsFact) on
// every package, dependencies included, and builds the goroutine model
// only where those facts need it. Its result is its pass, through which
// Analyzer's model reads the facts of other packages.
var factsAnalyzer = &analysis.Analyzer{
	Name:       "goroutinefacts",
	Doc:        "summarise what exported functions do with the channels they take and whether they end, for packages that start them",
	URL:        "https://github.com/leakvet/leakvet/blob/main/docs/checks/goroutineleak.md",
	Requires:   []*analysis.Analyzer{lazyssa.Analyzer, lifespan.Analyzer},
	Run:        report.Guard(runFacts),
	ResultType: reflect.TypeFor[*factsPass](),
	FactTypes:  []analysis.Fact{(*startFact)(nil), (*setsFact)(nil)},
}

// factsPass is factsAnalyzer's result. It holds little else, since a
// driver keeps every result until its run ends.
type factsPass struct {
	pass *analysis.Pass
	// gate is startsGoroutines of the package's files, once asked (the
	// finding half asks again about the same files).
	gate gate
}

type gate int8

const (
	gateUnknown gate = iota
	gateNo
	gateYes
)

func (g *gate) startsGoroutines(pass *analysis.Pass) bool {
	if *g == gateUnknown {
		*g = gateNo
		if startsGoroutines(pass.TypesInfo, pass.Files) {
			*g = gateYes
		}
	}
	return *g == gateYes
}

// modelKey names the goroutine model in the package's lazyssa.Program.
type modelKey struct{}

// modelOf returns the package's goroutine model, built with
// factsAnalyzer's pass once per SSA form.
func modelOf(pass *analysis.Pass, prog *lazyssa.Program) *model {
	return prog.Derived(modelKey{}, func() any {
		pkg, funcs := prog.Build()
		return newModel(pass, pkg, funcs)
	}).(*model)
}

func runFacts(pass *analysis.Pass) (any, error) {
	res := &factsPass{pass: pass}
	if systemPackage(pass.Pkg.Path()) {
		return res, nil
	}
	exportSetsFacts(pass)
	if !res.gate.startsGoroutines(pass) && !exportsChannelFunc(pass) {
		return res, nil
	}
	modelOf(pass, pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program)).exportFacts()
	return res, nil
}

func run(pass *analysis.Pass) (any, error) {
	fp := pass.ResultOf[factsAnalyzer].(*factsPass)
	return reportFindings(pass, fp.pass, &fp.gate)
}

// reportFindings reports the package's goroutine leaks on pass, with the
// model that factsPass, factsAnalyzer's pass, builds; g is the gate's
// answer for the package's files, or gateUnknown.
func reportFindings(pass, factsPass *analysis.Pass, g *gate) (any, error) {
	if systemPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	// Goroutines left blocked on a lock or a WaitGroup (categories lock,
	// doublelock, waitgroup): the locks analyzer finds them.
	for _, d := range pass.ResultOf[locks.Findings].(*locks.Result).Findings {
		report.Report(pass, d)
	}
	if !g.startsGoroutines(pass) {
		return nil, nil
	}
	m := modelOf(factsPass, pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program))
	var findings []*finding
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case *ssa.Go:
					if f := m.check(in); f != nil {
						findings = append(findings, f)
					}
				case *ssa.MakeChan:
					if f := m.reply(in); f != nil {
						findings = append(findings, f)
					}
				}
			}
		}
	}
	sort.Slice(findings, func(i, j int) bool { return findings[i].pos < findings[j].pos })
	for _, f := range findings {
		end := f.end
		if !end.IsValid() {
			end = m.goEnd(f.pos)
		}
		report.Report(pass, report.Diagnostic{
			Pos:         f.pos,
			End:         end,
			Category:    f.category,
			Message:     f.message,
			Related:     f.related,
			RelatedText: f.relatedText,
			Fix:         f.fix,
		})
	}
	return nil, nil
}

// startsGoroutines is the cheap gate: a package without a go statement
// cannot leak a goroutine of its own, and its SSA is never built.
func startsGoroutines(info *types.Info, files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found || lifespan.DataLiteral(info, n) {
				return false
			}
			_, isGo := n.(*ast.GoStmt)
			found = isGo
			return !isGo
		})
		if found {
			return true
		}
	}
	return false
}

// systemPackage reports whether path is the runtime or one of its
// internal packages: the goroutines they start (garbage collection,
// finalizers, cleanups, signal delivery) are the process's own and run
// for its whole life.
func systemPackage(path string) bool {
	return path == "runtime" || strings.HasPrefix(path, "runtime/internal/") || strings.HasPrefix(path, "internal/runtime/")
}
