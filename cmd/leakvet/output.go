package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
)

// jsonDiagnostic is one finding in the shape go vet -json prints, so that
// tools reading one read the other.
type jsonDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end"`
	Message        string             `json:"message"`
	SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []jsonRelatedInfo  `json:"related,omitempty"`
}

type jsonSuggestedFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelatedInfo struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// writeJSON prints {"file": {"check": [diagnostics...]}}. The
// diagnostics have go vet -json's fields; the outer object is keyed by
// file rather than by package (go vet prints one object per package) so
// that test variants of a package do not repeat a finding, and it is one
// object for the whole run. Keys are sorted by encoding/json, so output
// is deterministic.
func writeJSON(w io.Writer, findings []finding) error {
	out := map[string]map[string][]jsonDiagnostic{}
	for _, f := range findings {
		byCheck := out[f.File]
		if byCheck == nil {
			byCheck = map[string][]jsonDiagnostic{}
			out[f.File] = byCheck
		}
		d := jsonDiagnostic{Category: f.Category, Posn: f.Posn, End: f.Posn, Message: f.Message}
		if f.EndLine > 0 {
			d.End = fmt.Sprintf("%s:%d:%d", f.File, f.EndLine, f.EndCol)
		}
		for _, r := range f.Related {
			// Related positions have no extent: end is the position, as
			// go vet prints it then.
			d.Related = append(d.Related, jsonRelatedInfo{Posn: r.Posn, End: r.Posn, Message: r.Message})
		}
		for _, fx := range f.Fixes {
			jf := jsonSuggestedFix{Message: fx.Message}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: e.File, Start: e.Start, End: e.End, New: e.New})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		byCheck[f.Check] = append(byCheck[f.Check], d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(out)
}

func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
