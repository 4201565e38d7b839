package gclplugin

import (
	"testing"

	"github.com/leakvet/leakvet/analyzers"
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
