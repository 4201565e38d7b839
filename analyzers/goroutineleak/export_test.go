package goroutineleak

import (
	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
	"github.com/leakvet/leakvet/analyzers/internal/locks"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

// WithFacts is the check and its facts in one analyzer: analysistest
// compares the `want` facts of a test package with those the analyzer
// under test exports, and Analyzer leaves its facts to factsAnalyzer.
var WithFacts = &analysis.Analyzer{
	Name:      Analyzer.Name,
	Doc:       Analyzer.Doc,
	URL:       Analyzer.URL,
	Requires:  []*analysis.Analyzer{config.Analyzer, lazyssa.Analyzer, lifespan.Analyzer, locks.Findings},
	FactTypes: factsAnalyzer.FactTypes,
	Run: report.Guard(func(pass *analysis.Pass) (any, error) {
		if _, err := runFacts(pass); err != nil {
			return nil, err
		}
		return reportFindings(pass, pass, new(gate))
	}),
}
