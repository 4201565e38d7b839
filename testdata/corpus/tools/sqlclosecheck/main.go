// Command sqlclosecheck runs github.com/ryanrolds/sqlclosecheck under the
// same x/tools driver as leakvet, for side-by-side measurement.
package main

import (
	"github.com/ryanrolds/sqlclosecheck/pkg/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.NewAnalyzer()) }
