// Command typefloor runs an analyzer that does nothing but asks for the
// package's syntax and type information. It measures what the standalone
// driver costs before any check runs: loading the root packages from
// source, with their dependencies from export data.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var Analyzer = &analysis.Analyzer{
	Name: "typefloor",
	Doc:  "no-op analyzer that only needs type information",
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.TypesInfo
		return nil, nil
	},
}

func main() { singlechecker.Main(Analyzer) }
