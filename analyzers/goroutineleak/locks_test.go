package goroutineleak_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestLocksAndWaitGroups(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), goroutineleak.WithFacts, "locks", "waitgroup", "lockcaller", "callerconsts")
}

func TestLockDeferFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), goroutineleak.WithFacts, "lockfix")
}
