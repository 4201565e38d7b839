// Command factfloor runs an analyzer that does nothing but declares a fact
// type. Declaring facts makes the standalone driver load and type-check
// every dependency from source, the standard library included, so this is
// the floor for any suite that passes summaries between packages.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// summary is never exported; its declaration alone changes how the driver
// loads packages.
type summary struct{}

func (*summary) AFact()         {}
func (*summary) String() string { return "summary" }

var Analyzer = &analysis.Analyzer{
	Name:      "factfloor",
	Doc:       "no-op analyzer that declares a fact type",
	FactTypes: []analysis.Fact{new(summary)},
	Run: func(pass *analysis.Pass) (any, error) {
		return nil, nil
	},
}

func main() { singlechecker.Main(Analyzer) }
