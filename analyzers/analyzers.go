//go:generate go run ./internal/checkdoc/gen -o ../docs/checks

// Package analyzers lists leakvet's checks. The suite is what every driver
// runs: the leakvet binary, go vet -vettool and the golangci-lint plugin.
package analyzers

import (
	"github.com/leakvet/leakvet/analyzers/closecheck"
	"github.com/leakvet/leakvet/analyzers/goroutineleak"
	"github.com/leakvet/leakvet/analyzers/httpbody"
	"github.com/leakvet/leakvet/analyzers/sqlclose"
	"github.com/leakvet/leakvet/analyzers/unboundedcache"
	"golang.org/x/tools/go/analysis"
)

// All returns every check, in a stable order. The slice is new on each call.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		httpbody.Analyzer,
		sqlclose.Analyzer,
		closecheck.Analyzer,
		goroutineleak.Analyzer,
		unboundedcache.Analyzer,
	}
}
