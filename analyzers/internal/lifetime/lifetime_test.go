package lifetime_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSummaries checks the facts the engine exports: what each function
// does with its parameters and which results it returns owned.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "summaries")
}
