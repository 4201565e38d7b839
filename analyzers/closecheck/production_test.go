package closecheck_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/closecheck"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestProduction: shapes of production code from real modules.
func TestProduction(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "production", "exitonerror", "commands", "commandsv1", "clitools")
}
