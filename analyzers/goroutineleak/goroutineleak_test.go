package goroutineleak_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestGoroutineLeak(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), goroutineleak.Analyzer,
		"fanout", "rangenoclose", "noexit", "ticker", "tickerstop", "nopartner", "mainprog", "results", "crosspkg", "services", "regressions", "producers", "gate", "lifecycle", "testfail", "ownedforlife", "testhook", "countedrecv", "helpers", "genericchan", "finishsignal", "signalwait")
}

func TestHandoffFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), goroutineleak.Analyzer, "handoff")
}
