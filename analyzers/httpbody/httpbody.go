package httpbody

import (
	_ "embed"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports response bodies that are not closed on every path.
var Analyzer = &analysis.Analyzer{
	Name:     "httpbody",
	Doc:      checkdoc.Extract(doc, "httpbody"),
	URL:      "https://github.com/leakvet/leakvet/blob/main/docs/checks/httpbody.md",
	Requires: []*analysis.Analyzer{lifetime.Analyzer},
	Run:      lifetime.ReportFindings,
}

func init() {
	Analyzer.Flags.Bool(lifetime.StrictFlag, false, lifetime.StrictUsage)
}
