package httpbody_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/httpbody"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestHTTPBody(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), httpbody.Analyzer, "leaks", "drains", "owned", "dying", "transports", "retrypolicy", "sdkclient", "sdkuser", "nobody", "fakerts", "wrappers", "ifaceimpls", "replacedbody", "boundedreads", "clientiface", "standin", "standinreal", "standintest", "intercepted")
}
