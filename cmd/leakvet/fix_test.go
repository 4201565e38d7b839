package main

import (
	"io"
	"os"
	"os/exec"
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
	fixed, _, err := applyFixes(findings, &stderr)
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
	fixed, _, err = applyFixes(broken, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(file)
	if len(fixed) != 0 || string(before) != string(after) {
		t.Errorf("a fix that breaks parsing was applied:\n%s", after)
	}
}

// TestFixIsAllOrNothing: a fix with two edits, one of which overlaps an
// earlier fix, writes neither edit; a fix whose edit in another file
// would not parse writes nothing in this file either.
func TestFixIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	srcA := "package a\n\nfunc F() {\n\tx := 1\n\t_ = x\n}\n\nfunc G() {}\n"
	srcB := "package a\n\nfunc H() {}\n"
	for file, src := range map[string]string{a: srcA, b: srcB} {
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := strings.Index(srcA, "x := 1")
	g := strings.Index(srcA, "func G() {}") + len("func G() {")
	findings := []finding{
		{Check: "c", Posn: "p1", Message: "first", Fixes: []fix{{Edits: []edit{{File: a, Start: at, End: at + 6, New: "x := 2"}}}}},
		// Two edits: the first overlaps the fix above and is refused, so
		// the second, on its own harmless, must not be written.
		{Check: "c", Posn: "p2", Message: "second", Fixes: []fix{{Edits: []edit{
			{File: a, Start: at + 2, End: at + 6, New: "= 3"},
			{File: a, Start: g, End: g, New: "println(\"second\")"},
		}}}},
		// Two files: the edit of b.go breaks its syntax, so the edit of
		// a.go is not written either.
		{Check: "c", Posn: "p3", Message: "third", Fixes: []fix{{Edits: []edit{
			{File: a, Start: g, End: g, New: "println(\"third\")"},
			{File: b, Start: 0, End: 7, New: "packag"},
		}}}},
	}
	var stderr strings.Builder
	fixed, _, err := applyFixes(findings, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if !fixed[findings[0].key()] || fixed[findings[1].key()] || fixed[findings[2].key()] {
		t.Errorf("fixed = %v, want the first fix only", fixed)
	}
	gotA, _ := os.ReadFile(a)
	if !strings.Contains(string(gotA), "x := 2") {
		t.Errorf("the first fix is not applied:\n%s", gotA)
	}
	for _, part := range []string{"= 3", "second", "third"} {
		if strings.Contains(string(gotA), part) {
			t.Errorf("an edit of a refused fix (%q) was written:\n%s", part, gotA)
		}
	}
	if gotB, _ := os.ReadFile(b); string(gotB) != srcB {
		t.Errorf("b.go changed:\n%s", gotB)
	}
	if !strings.Contains(stderr.String(), "p2: it overlaps another fix") || !strings.Contains(stderr.String(), "b.go: the result would not parse") {
		t.Errorf("refusals not said:\n%s", stderr.String())
	}
}

// TestDiffChangesNothing: -diff prints the fixes as a unified diff and
// writes no file; the diff, applied with patch -p0, gives what -fix
// writes.
func TestDiffChangesNothing(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("no patch command")
	}
	copyFixture := func() string {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(fixture(t))); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Join(dir, "broken"))
		return dir
	}
	diffDir, fixDir := copyFixture(), copyFixture()
	before, _ := os.ReadFile(filepath.Join(diffDir, "leaky", "leaky.go"))
	d := runIn(t, diffDir, binary, "-diff", "./...")
	if d.code != exitFindings || !strings.Contains(d.stdout, "--- leaky/leaky.go\n+++ leaky/leaky.go\n@@ ") || !strings.Contains(d.stdout, "\n+\tdefer resp.Body.Close()\n") {
		t.Fatalf("-diff: exit %d\n%s%s", d.code, d.stdout, d.stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(diffDir, "leaky", "leaky.go")); string(after) != string(before) {
		t.Fatalf("-diff changed leaky.go:\n%s", after)
	}
	cmd := exec.Command(patch, "-p0")
	cmd.Dir = diffDir
	cmd.Stdin = strings.NewReader(d.stdout)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch -p0: %v\n%s\ndiff:\n%s", err, out, d.stdout)
	}
	runIn(t, fixDir, binary, "-fix", "./...")
	for _, name := range []string{"leaky/leaky.go", "files/files.go", "sqlleak/sqlleak.go"} {
		patched, _ := os.ReadFile(filepath.Join(diffDir, name))
		fixed, _ := os.ReadFile(filepath.Join(fixDir, name))
		if string(patched) != string(fixed) {
			t.Errorf("%s: the patched file differs from -fix's\npatched:\n%s\nfixed:\n%s", name, patched, fixed)
		}
	}
}

func TestUnifiedDiff(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	after := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	want := "--- f\n+++ f\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -8,3 +8,4 @@\n h\n i\n j\n+k\n"
	if got := unifiedDiff("f", []byte(before), []byte(after)); got != want {
		t.Errorf("unifiedDiff =\n%s\nwant\n%s", got, want)
	}
	if got := unifiedDiff("f", []byte(before), []byte(before)); got != "" {
		t.Errorf("diff of equal files = %q", got)
	}
}
