package httpbody

import (
	_ "embed"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports response bodies that are not closed on every path.
var Analyzer = &analysis.Analyzer{
	Name:     "httpbody",
	Doc:      checkdoc.Extract(doc, "httpbody"),
	URL:      "https://github.com/leakvet/leakvet/blob/main/docs/checks/httpbody.md",
	Requires: []*analysis.Analyzer{config.Analyzer, lifetime.Analyzer},
	Run:      report.Guard(lifetime.ReportFindings),
}

func init() {
	config.Expose(Analyzer, lifetime.StrictFlag)
}
