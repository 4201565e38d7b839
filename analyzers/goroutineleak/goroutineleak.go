package goroutineleak

import (
	_ "embed"
	"go/ast"
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

// Analyzer reports goroutines that can never finish.
var Analyzer = &analysis.Analyzer{
	Name:      "goroutineleak",
	Doc:       checkdoc.Extract(doc, "goroutineleak"),
	URL:       "https://github.com/leakvet/leakvet/blob/main/docs/checks/goroutineleak.md",
	Requires:  []*analysis.Analyzer{config.Analyzer, lazyssa.Analyzer, lifespan.Analyzer, locks.Analyzer},
	Run:       report.Guard(run),
	FactTypes: []analysis.Fact{(*startFact)(nil), (*setsFact)(nil)},
}

func run(pass *analysis.Pass) (any, error) {
	if systemPackage(pass.Pkg.Path()) {
		return nil, nil
	}
	exportSetsFacts(pass)
	// Goroutines left blocked on a lock or a WaitGroup (categories lock,
	// doublelock, waitgroup): the locks analyzer finds them.
	for _, d := range pass.ResultOf[locks.Analyzer].(*locks.Result).Findings {
		report.Report(pass, d)
	}
	starts := startsGoroutines(pass.Files)
	if !starts && !exportsChannelFunc(pass) {
		return nil, nil
	}
	pkg, funcs := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	m := newModel(pass, pkg, funcs)
	m.exportFacts()
	if !starts {
		return nil, nil
	}
	var findings []*finding
	for _, fn := range m.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if g, ok := in.(*ssa.Go); ok {
					if f := m.check(g); f != nil {
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
func startsGoroutines(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
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
