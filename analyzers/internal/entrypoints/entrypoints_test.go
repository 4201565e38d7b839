package entrypoints_test

import (
	"go/ast"
	"go/types"
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/entrypoints"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// probe reports each declared function that Entries calls a handler.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report the handlers entrypoints finds",
	Requires: []*analysis.Analyzer{entrypoints.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		e := pass.ResultOf[entrypoints.Analyzer].(*entrypoints.Entries)
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && e.Handler(fn) {
					pass.Reportf(fd.Name.Pos(), "%s: handler", fd.Name.Name)
				}
			}
		}
		return nil, nil
	},
}

func TestKeepsFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), entrypoints.Analyzer, "router")
}

func TestHandlers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "app")
}
