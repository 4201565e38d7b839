package lifetime_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The engine's hot path is the whole pass over a package graph: the gate,
// the SSA build where it passes, summaries and path walks. These
// benchmarks run it over net/http and everything it imports (about 200
// packages, loaded once), so a change to any of those parts shows.
//
//	go test -run=^$ -bench=. -benchtime=3x ./analyzers/internal/lifetime/

func loadForBench(b *testing.B, patterns ...string) []*packages.Package {
	b.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, patterns...)
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages do not load")
	}
	return pkgs
}

func benchAnalyze(b *testing.B, as []*analysis.Analyzer, pkgs []*packages.Package) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checker.Analyze(as, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLifetime is the shared engine alone (what httpbody, sqlclose and
// closecheck cost together).
func BenchmarkLifetime(b *testing.B) {
	benchAnalyze(b, []*analysis.Analyzer{lifetime.Analyzer}, loadForBench(b, "net/http", "database/sql", "os/exec"))
}

// BenchmarkSuite is every check.
func BenchmarkSuite(b *testing.B) {
	benchAnalyze(b, analyzers.All(), loadForBench(b, "net/http", "database/sql", "os/exec"))
}
