package sqlclose_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/sqlclose"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestCancelReleases: database/sql closes rows and rolls transactions
// back when their context is cancelled.
func TestCancelReleases(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer, "sqlcancel")
}

// TestTestContext: a query made with a test's context, or one derived
// from it here or in a helper of another package, is released when the
// test ends.
func TestTestContext(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer, "sqltestctx")
}
