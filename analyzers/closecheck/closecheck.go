package closecheck

import (
	_ "embed"

	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports closers that are not released on every path.
var Analyzer = &analysis.Analyzer{
	Name:     "closecheck",
	Doc:      checkdoc.Extract(doc, "closecheck"),
	URL:      "https://github.com/leakvet/leakvet/blob/main/docs/checks/closecheck.md",
	Requires: []*analysis.Analyzer{lifetime.Analyzer},
	Run:      lifetime.ReportFindings,
}

// ResourcesFlag is the flag that adds user-defined resources.
const ResourcesFlag = "resources"

func init() {
	Analyzer.Flags.Bool(lifetime.StrictFlag, false, lifetime.StrictUsage)
	Analyzer.Flags.Var(&resource.User, ResourcesFlag,
		"user-defined resources: 'ACQUIRE[#RESULT] => RELEASE[, RELEASE...]' entries separated by ';' "+
			"(RELEASE is .Method or a function that releases its argument)")
}
