package noreturn_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestNoReturn(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), noreturn.Analyzer, "dieutil", "callers")
}
