package sqlclose_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/sqlclose"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestSQLClose(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlclose.Analyzer, "sqlleaks", "sqlowned", "sqlxcases")
}
