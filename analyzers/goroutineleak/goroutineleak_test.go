package goroutineleak_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestGoroutineLeak(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), goroutineleak.WithFacts,
		"fanout", "rangenoclose", "noexit", "ticker", "tickerstop", "nopartner", "mainprog", "results", "crosspkg", "services", "regressions", "producers", "gate", "lifecycle", "testfail", "ownedforlife", "testhook", "countedrecv", "helpers", "genericchan", "finishsignal", "signalwait", "lifeowner", "helpermade", "replies", "deferstop", "cliactions", "starterexits", "cliaction", "valuemade", "bufroom", "exportedmaker", "goagain", "mainreturn")
}

func TestHandoffFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), goroutineleak.WithFacts, "handoff")
}

// TestFindingsReadDependencyFacts runs the check as the drivers do, its
// facts computed by the analyzer it requires: the findings that rest on
// another package's summaries (a function started as a goroutine, a lock
// helper) are the same as with the facts in the check itself.
func TestFindingsReadDependencyFacts(t *testing.T) {
	if len(goroutineleak.Analyzer.FactTypes) != 0 {
		t.Fatalf("goroutineleak declares facts: the drivers would run it on every dependency")
	}
	analysistest.Run(t, analysistest.TestData(), goroutineleak.Analyzer, "crosspkg", "lockcaller")
}
