package sqlclose

import (
	_ "embed"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/config"
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
	Requires: []*analysis.Analyzer{config.Analyzer, lifetime.Analyzer, lazyssa.Analyzer},
	Run:      report.Guard(run),
}

// RowsErrFlag turns the rows.Err findings off alone: they are a question
// of correctness rather than of leaks (the config setting
// config.SQLCloseRowsErr).
const RowsErrFlag = "rowserr"

func init() {
	config.Expose(Analyzer, lifetime.StrictFlag)
	config.Expose(Analyzer, RowsErrFlag)
}

func run(pass *analysis.Pass) (any, error) {
	if _, err := lifetime.ReportFindings(pass); err != nil {
		return nil, err
	}
	if config.Of(pass).RowsErr() {
		reportUncheckedRowsErr(pass)
	}
	return nil, nil
}
