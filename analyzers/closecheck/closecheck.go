package closecheck

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

// Analyzer reports closers that are not released on every path.
var Analyzer = &analysis.Analyzer{
	Name:     "closecheck",
	Doc:      checkdoc.Extract(doc, "closecheck"),
	URL:      "https://github.com/leakvet/leakvet/blob/main/docs/checks/closecheck.md",
	Requires: []*analysis.Analyzer{config.Analyzer, lifetime.Analyzer},
	Run:      report.Guard(lifetime.ReportFindings),
}

// ResourcesFlag is the flag that adds user-defined resources (the config
// setting config.Resources).
const ResourcesFlag = "resources"

func init() {
	config.Expose(Analyzer, lifetime.StrictFlag)
	config.Expose(Analyzer, ResourcesFlag)
}
