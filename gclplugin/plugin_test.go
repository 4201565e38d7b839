package gclplugin

import (
	"go/token"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
)

func TestNoSettingsRunsEverything(t *testing.T) {
	for _, raw := range []any{nil, map[string]any{}} {
		p, err := New(raw)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := p.BuildAnalyzers()
		if len(got) != len(analyzers.All()) {
			t.Errorf("New(%v) runs %d checks, want all %d", raw, len(got), len(analyzers.All()))
		}
		if p.GetLoadMode() != "typesinfo" {
			t.Errorf("load mode %q, want typesinfo", p.GetLoadMode())
		}
	}
}

// TestFoldRelated: the plugin's checks report related positions in the
// message, not as related information.
func TestFoldRelated(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("a.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	check := &analysis.Analyzer{Name: "c", Doc: "c: test", Run: func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{Pos: f.Pos(12), Message: "leaks at line 4", Category: "leak",
			Related: []analysis.RelatedInformation{{Pos: f.Pos(33), Message: "returns here"}}})
		return nil, nil
	}}
	var got []analysis.Diagnostic
	pass := &analysis.Pass{Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d) }}
	if _, err := foldRelated(check).Run(pass); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Message != "leaks at line 4 [4:4: returns here]" || got[0].Related != nil || got[0].Category != "leak" {
		t.Errorf("folded diagnostics = %+v", got)
	}
}
