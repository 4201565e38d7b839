package lifetime_test

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/leakvet/leakvet/analyzers/httpbody"
	"github.com/leakvet/leakvet/analyzers/internal/lifetime"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSummaries checks the facts the engine exports: what each function
// does with its parameters and which results it returns owned.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lifetime.Analyzer, "summaries", "testfailfacts", "fatalonly", "ctxfacts")
}

// TestCrashContainment forces a panic while one function is analysed: that
// function gets an internal error at its position, and the rest of the
// package is still checked.
func TestCrashContainment(t *testing.T) {
	restore := lifetime.SetPanicHook(func(name string) bool { return name == "boom" })
	defer restore()
	analysistest.Run(t, analysistest.TestData(), httpbody.Analyzer, "crash")
}

// TestSummaryGob: summaries cross process boundaries under go vet as gob;
// they must round-trip exactly and encode to the same bytes every time.
func TestSummaryGob(t *testing.T) {
	in := &lifetime.Summary{
		Params: []lifetime.ParamEffect{
			{Index: 0, When: lifetime.Always, Releases: true},
			{Index: 2, When: lifetime.OnSuccess},
			{Index: 3, When: lifetime.OnFailure, Releases: true},
		},
		Results: []lifetime.OwnedResult{{Index: 0, Kind: "http.Response", At: "client.go:42", Drained: true}, {Index: 1, Kind: "closer", OnlyIfNil: []int{0, 2}, OnlyIfType: []lifetime.TypeCondition{{Param: 1, Type: "example.com/db.Limited", Methods: []string{"Deadline", "RowLimit"}}, {Param: 1, Type: "*example.com/db.conn"}}}, {Index: 2, Kind: "sql.Tx", Handle: &lifetime.HandleSource{Param: 0, Field: 1, Contexts: []int{1}}}},
		Drains:  []int{1, 4},
		Holds:   []lifetime.FieldHold{{Result: 0, Field: 1, Param: 1}},
		Globals: []int{1},
	}
	encode := func() []byte {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(in); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := encode()
	if second := encode(); !bytes.Equal(first, second) {
		t.Errorf("encoding is not deterministic")
	}
	var out lifetime.Summary
	if err := gob.NewDecoder(bytes.NewReader(first)).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, &out) {
		t.Errorf("round trip changed the summary:\n in: %v\nout: %v", in, &out)
	}
	if got, want := out.String(), "lifetime(releases param 0 always; keeps param 2 on success; releases param 3 on failure; returns owned http.Response in result 0, read to the end; returns owned closer in result 1, only if param 0 is nil, only if param 2 is nil, only if param 1 is a example.com/db.Limited or a *example.com/db.conn; returns owned sql.Tx in result 2, taken from the handle in field 1 of param 0 with the context of param 1; reads param 1 to the end; reads param 4 to the end; result 0 holds param 1 in field 1; keeps param 1 in a package variable)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
