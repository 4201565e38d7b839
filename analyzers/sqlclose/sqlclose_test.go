package sqlclose_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/sqlclose"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestSQLClose(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer,
		"sqlleaks", "sqlowned", "sqlxcases", "pgxcases", "rowserr")
}

// TestRowsErrOff checks that -rowserr=false turns off the rows.Err
// category alone.
func TestRowsErrOff(t *testing.T) {
	flag := sqlclose.Analyzer.Flags.Lookup("rowserr")
	if err := flag.Value.Set("false"); err != nil {
		t.Fatal(err)
	}
	defer flag.Value.Set(flag.DefValue)
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer, "rowserroff")
}

func TestSQLCloseFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), sqlclose.Analyzer, "fixes")
}
