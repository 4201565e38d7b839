package sqlclose_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/sqlclose"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestSQLClose(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer,
		"sqlleaks", "localpools", "sqlowned", "sqlxcases", "pgxcases", "pgxv4cases", "stmtiface", "stmtholder", "ormrows", "flagrows/...", "sqlmockcases", "sqlmockwrap", "stmtwithdb", "txscoped", "assertnext", "rowsclosers", "rowsiface", "pgxdouble", "pgxdoubleuse")
}

// TestRowsErr turns the rows.Err category on: with it, the leak packages
// must not gain findings either.
func TestRowsErr(t *testing.T) {
	flag := sqlclose.Analyzer.Flags.Lookup("rowserr")
	if err := flag.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer flag.Value.Set(flag.DefValue)
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer, "rowserr", "sqlowned", "pgxcases")
}

// TestRowsErrOff checks that the rows.Err category is off by default and
// the leaks are still reported.
func TestRowsErrOff(t *testing.T) {
	if got := sqlclose.Analyzer.Flags.Lookup("rowserr").DefValue; got != "false" {
		t.Fatalf("-rowserr defaults to %s, want false", got)
	}
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer, "rowserroff")
}

func TestSQLCloseFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), sqlclose.Analyzer, "fixes")
}
