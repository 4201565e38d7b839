package lifetime_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/httpbody"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSummaries checks the facts the engine exports: what each function
// does with its parameters and which results it returns owned.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "summaries")
}

// TestCrashContainment forces a panic while one function is analysed: that
// function gets an internal error at its position, and the rest of the
// package is still checked.
func TestCrashContainment(t *testing.T) {
	restore := lifetime.SetPanicHook(func(name string) bool { return name == "boom" })
	defer restore()
	analysistest.Run(t, analysistest.TestData(), httpbody.Analyzer, "crash")
}
