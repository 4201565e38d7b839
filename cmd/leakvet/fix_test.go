package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConflictingFixesAreNotApplied: two fixes that edit overlapping text
// are both left out (and said so), one that does not overlap is applied,
// and a result that would not parse is never written.
func TestConflictingFixesAreNotApplied(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nfunc F() {\n\tx := 1\n\t_ = x\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(src, "x := 1")
	findings := []finding{
		{Check: "c", Posn: "p1", Message: "first", Fixes: []fix{{Edits: []edit{{File: file, Start: at, End: at + 6, New: "x := 2"}}}}},
		{Check: "c", Posn: "p2", Message: "second", Fixes: []fix{{Edits: []edit{{File: file, Start: at + 2, End: at + 6, New: "= 3"}}}}},
	}
	var stderr strings.Builder
	fixed, err := applyFixes(findings, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if fixed[findings[1].key()] {
		t.Errorf("the second, overlapping fix was applied")
	}
	if !strings.Contains(stderr.String(), "overlaps another fix") {
		t.Errorf("no word about the conflict: %q", stderr.String())
	}
	got, _ := os.ReadFile(file)
	if strings.Contains(string(got), "= 3") {
		t.Errorf("overlapping edit written:\n%s", got)
	}

	// A fix that would break the syntax is refused and the file kept.
	broken := []finding{{Check: "c", Posn: "p3", Message: "third", Fixes: []fix{{Edits: []edit{{File: file, Start: 0, End: 9, New: "packag"}}}}}}
	before, _ := os.ReadFile(file)
	fixed, err = applyFixes(broken, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(file)
	if len(fixed) != 0 || string(before) != string(after) {
		t.Errorf("a fix that breaks parsing was applied:\n%s", after)
	}
}
