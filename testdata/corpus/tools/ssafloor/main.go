// Command ssafloor runs an analyzer that does nothing but require buildssa,
// so SSA is built for every function of every analysed package. It is the
// floor for SSA-based checkers that do not gate the build.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var Analyzer = &analysis.Analyzer{
	Name:     "ssafloor",
	Doc:      "no-op analyzer that requires buildssa",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
		return nil, nil
	},
}

func main() { singlechecker.Main(Analyzer) }
