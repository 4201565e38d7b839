package sqlclose

import (
	_ "embed"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports database rows, statements, connections and
// transactions that are not released on every path, and rows whose
// iteration error is never checked.
var Analyzer = &analysis.Analyzer{
	Name:     "sqlclose",
	Doc:      checkdoc.Extract(doc, "sqlclose"),
	URL:      "https://github.com/leakvet/leakvet/blob/main/docs/checks/sqlclose.md",
	Requires: []*analysis.Analyzer{lifetime.Analyzer, lazyssa.Analyzer},
	Run:      report.Guard(run),
}

// checkRowsErr is the -rowserr flag: the rows.Err findings are a question
// of correctness rather than of leaks, so they can be turned off alone.
var checkRowsErr bool

func init() {
	Analyzer.Flags.Bool(lifetime.StrictFlag, false, lifetime.StrictUsage)
	Analyzer.Flags.BoolVar(&checkRowsErr, "rowserr", true,
		"also report rows whose Next loop ends without a call of rows.Err (category "+CategoryRowsErr+")")
}

func run(pass *analysis.Pass) (any, error) {
	if _, err := lifetime.ReportFindings(pass); err != nil {
		return nil, err
	}
	if checkRowsErr {
		reportUncheckedRowsErr(pass)
	}
	return nil, nil
}
