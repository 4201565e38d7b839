package closecheck_test

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers/closecheck"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestCloseCheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "files", "collections", "captured", "oldticker", "newticker", "testpaths", "cleanups", "holders", "dying", "errpaths", "descriptors", "processes", "dialers", "layers", "pubsub", "valuerecv", "expecterr", "flags", "wrapperparams", "memwriters", "handshakes", "arrayslots", "memlayers", "logsink", "agentconn", "fieldreload", "listenertype", "embedwrap/...", "rowlimit", "tablerows", "fakes", "sshserver", "embeddedcleanup", "parsedurls", "statopened", "listenerport", "ifaceimpls", "condwrappers", "sftpfiles", "goowner", "globalsink/...", "packetsockets", "genericopen", "errpreds", "handover", "madeslices", "starthelpers", "dialvalues", "fsopen", "harness", "namedexit", "cleanupiface", "untested", "deferresults", "capturedcmd", "setterholders")
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := closecheck.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func TestUserResources(t *testing.T) {
	setFlag(t, closecheck.ResourcesFlag,
		"(*pool.Pool).Get => (*pool.Pool).Put; (pool.Tracer).Start#1 => .End")
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "userres")
}

// TestWrapperFix: the defer suggested for a wrapper calls the release
// method its type has (Release), not the generic Close.
func TestWrapperFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), closecheck.Analyzer, "wrapperfix")
}

func TestStrict(t *testing.T) {
	setFlag(t, lifetime.StrictFlag, "true")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), closecheck.Analyzer, "strict")
}

func TestFuncVars(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "funcvars")
}

func TestCalleeCloses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "calleecloses")
}

func TestQuitCloses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "quitcloses")
}

func TestFailCloses(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), closecheck.Analyzer, "failcloses")
}
