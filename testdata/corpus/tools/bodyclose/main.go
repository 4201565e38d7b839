// Command bodyclose runs github.com/timakin/bodyclose under the same
// x/tools driver as leakvet, for side-by-side measurement.
package main

import (
	"github.com/timakin/bodyclose/passes/bodyclose"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(bodyclose.Analyzer) }
