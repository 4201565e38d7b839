package locks_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/locks"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestSummaryFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), locks.Analyzer, "helpers")
}
