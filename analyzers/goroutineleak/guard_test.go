package goroutineleak_test

import (
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"golang.org/x/tools/go/analysis"
)

// TestPanicContained: the check contains its own panics when its package
// is imported alone (Bazel nogo, a custom multichecker), with no suite or
// driver wrapping its Run. A pass it cannot handle (here one without type
// information or the results it requires) becomes an error of the check.
func TestPanicContained(t *testing.T) {
	a := goroutineleak.Analyzer
	res, err := a.Run(&analysis.Pass{Analyzer: a})
	if res != nil || err == nil || !strings.HasPrefix(err.Error(), "internal error in goroutineleak: ") {
		t.Fatalf("Run on a broken pass = %v, %v; want an internal error of goroutineleak", res, err)
	}
}
