package lifetime_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestTableBeatsSummary checks that a function listed in the resource
// table acquires the table's kind even when its body, analysed for a
// summary, returns a resource of another kind wrapped in it.
func TestTableBeatsSummary(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "tablefirst")
}

// TestOwnedResultMustBeReleasable checks that a resource returned as a
// type without a release method is not reported as an owned result.
func TestOwnedResultMustBeReleasable(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "rowwrapper")
}

// TestReturnedWithCleanup checks that a resource returned together with a
// function that releases it is not reported as an owned result.
func TestReturnedWithCleanup(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "cleanupfunc")
}

// TestUnexportedMethodOfResource checks that in the resource's own
// package, an unexported method that keeps the resource is trusted.
func TestUnexportedMethodOfResource(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "github.com/jackc/pgx/v5/pgxpool")
}

// TestAcquireThroughInterface checks that a table method called through
// an interface of the program's own acquires what the method does.
func TestAcquireThroughInterface(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "viainterface")
}
