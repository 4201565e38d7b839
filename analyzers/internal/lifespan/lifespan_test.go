package lifespan_test

import (
	"go/ast"
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/lifespan"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// probe reports what Lifespan says of each declared function.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report each function's lifespan",
	Requires: []*analysis.Analyzer{lifespan.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		l := pass.ResultOf[lifespan.Analyzer].(*lifespan.Lifespan)
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				switch {
				case l.Once(fd):
					pass.Reportf(fd.Name.Pos(), "%s: once", fd.Name.Name)
				case l.Startup(fd) && l.RunTime(fd):
					pass.Reportf(fd.Name.Pos(), "%s: start-up and run time", fd.Name.Name)
				case l.RunTime(fd):
					pass.Reportf(fd.Name.Pos(), "%s: run time", fd.Name.Name)
				}
			}
		}
		return nil, nil
	},
}

func TestLifespan(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "life", "lib", "signals", "actions")
}
