package httpbody_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/httpbody"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestProduction: shapes of production code from real modules.
func TestProduction(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), httpbody.Analyzer, "production")
}
