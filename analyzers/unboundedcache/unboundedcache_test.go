package unboundedcache_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/unboundedcache"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestUnboundedCache(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unboundedcache.Analyzer,
		"leaks", "registries", "shrinks", "lifecycle", "consumer", "services", "normalized", "evidence", "attribution", "crosspkg/store", "crosspkg/api", "guards", "fills", "builtins", "frameworks", "literalfields", "capped")
}
