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
