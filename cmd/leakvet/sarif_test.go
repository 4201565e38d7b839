package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
)

// obj and its helpers walk decoded JSON with the SARIF schema's names, so
// that a misspelled or missing member fails here and not in a code
// scanning upload.
type obj = map[string]any

func member[T any](t *testing.T, o obj, path string) T {
	t.Helper()
	v, ok := o[path].(T)
	if !ok {
		t.Fatalf("SARIF member %q is %T (%v), want %T", path, o[path], o[path], *new(T))
	}
	return v
}

func objects(t *testing.T, o obj, name string) []obj {
	t.Helper()
	var out []obj
	for i, v := range member[[]any](t, o, name) {
		m, ok := v.(obj)
		if !ok {
			t.Fatalf("%s[%d] is %T, want an object", name, i, v)
		}
		out = append(out, m)
	}
	return out
}

// TestSARIF checks the output against what the SARIF 2.1.0 schema requires
// and what GitHub code scanning reads: version and $schema, one run whose
// tool.driver has a name and a rule per check (with the check's docs and
// help URI), and results with a ruleId, message.text and a location
// relative to %SRCROOT%. The integration tests also validate the output
// against the full JSON schema.
func TestSARIF(t *testing.T) {
	dir := fixture(t)
	r := runIn(t, dir, binary, "-sarif", "./leaky", "./clean")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d\n%s", r.code, exitFindings, r.stderr)
	}
	var log obj
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if v := member[string](t, log, "version"); v != "2.1.0" {
		t.Errorf("version %q, want 2.1.0", v)
	}
	if s := member[string](t, log, "$schema"); !strings.HasSuffix(s, "sarif-schema-2.1.0.json") {
		t.Errorf("$schema %q does not name the 2.1.0 schema", s)
	}
	runs := objects(t, log, "runs")
	if len(runs) != 1 {
		t.Fatalf("%d runs, want 1", len(runs))
	}
	run := runs[0]
	driver := member[obj](t, member[obj](t, run, "tool"), "driver")
	if name := member[string](t, driver, "name"); name != "leakvet" {
		t.Errorf("tool.driver.name %q, want leakvet", name)
	}

	rules := objects(t, driver, "rules")
	all := analyzers.All()
	if len(rules) != len(all) {
		t.Errorf("%d rules, want one per check (%d)", len(rules), len(all))
	}
	ruleAt := map[string]int{}
	for i, rule := range rules {
		ruleAt[member[string](t, rule, "id")] = i
	}
	for _, a := range all {
		i, ok := ruleAt[a.Name]
		if !ok {
			t.Errorf("no rule for %s", a.Name)
			continue
		}
		rule := rules[i]
		if got := member[string](t, rule, "helpUri"); got != a.URL {
			t.Errorf("%s: helpUri %q, want the analyzer's URL %q", a.Name, got, a.URL)
		}
		if got := member[string](t, member[obj](t, rule, "help"), "text"); got != a.Doc {
			t.Errorf("%s: help.text is not the analyzer's Doc", a.Name)
		}
		short := member[string](t, member[obj](t, rule, "shortDescription"), "text")
		if short == "" || !strings.Contains(a.Doc, short) {
			t.Errorf("%s: shortDescription %q is not the Doc's summary", a.Name, short)
		}
		if full := member[string](t, member[obj](t, rule, "fullDescription"), "text"); !strings.Contains(a.Doc, full) {
			t.Errorf("%s: fullDescription is not from the Doc", a.Name)
		}
	}

	// The fixture lies inside this repository, whose root is %SRCROOT%.
	repo, _ := filepath.Abs("../..")
	base := member[string](t, member[obj](t, member[obj](t, run, "originalUriBaseIds"), "%SRCROOT%"), "uri")
	if want := fileURI(repo) + "/"; base != want {
		t.Errorf("%%SRCROOT%% is %q, want the repository root %q", base, want)
	}
	prefix, _ := filepath.Rel(repo, dir)
	prefix = filepath.ToSlash(prefix) + "/"

	// The results are the -json findings, located the same way.
	var got []string
	for _, res := range objects(t, run, "results") {
		ruleID := member[string](t, res, "ruleId")
		if i := int(member[float64](t, res, "ruleIndex")); i >= len(rules) || rules[i]["id"] != ruleID {
			t.Errorf("result's ruleIndex %d does not point at rule %s", i, ruleID)
		}
		msg := member[string](t, member[obj](t, res, "message"), "text")
		locs := objects(t, res, "locations")
		if len(locs) != 1 {
			t.Fatalf("result has %d locations, want 1", len(locs))
		}
		posn := location(t, locs[0])
		if !strings.HasPrefix(posn, prefix) {
			t.Errorf("location %s is not relative to the repository root", posn)
		}
		check := ruleID
		if props, ok := res["properties"].(obj); ok {
			if c, ok := props["category"].(string); ok {
				check += "/" + c
			}
		}
		got = append(got, fmt.Sprintf("%s: %s (%s)", strings.TrimPrefix(posn, prefix), msg, check))
		related := objects(t, res, "relatedLocations")
		if len(related) == 0 {
			t.Errorf("result %q has no related location (the leaking return)", msg)
		}
		for _, rel := range related {
			location(t, rel)
			member[string](t, member[obj](t, rel, "message"), "text")
			member[float64](t, rel, "id")
		}
	}
	var want []string
	for line := range strings.Lines(runIn(t, dir, binary, "./leaky", "./clean").stdout) {
		want = append(want, strings.TrimSuffix(line, "\n"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("SARIF results differ from the text output\nSARIF:\n%s\ntext:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	if again := runIn(t, dir, binary, "-format=sarif", "./leaky", "./clean"); again.stdout != r.stdout {
		t.Errorf("a second run (with -format=sarif) printed different SARIF")
	}
	if both := runIn(t, dir, binary, "-json", "-sarif", "./leaky"); both.code != exitBadInput {
		t.Errorf("-json -sarif: exit %d, want %d", both.code, exitBadInput)
	}
}

// location returns file:line:col of a SARIF location, insisting on a
// relative URI under %SRCROOT% and a region.
func location(t *testing.T, loc obj) string {
	t.Helper()
	phys := member[obj](t, loc, "physicalLocation")
	art := member[obj](t, phys, "artifactLocation")
	uri := member[string](t, art, "uri")
	if u, err := url.Parse(uri); err != nil || u.IsAbs() || strings.HasPrefix(uri, "/") {
		t.Errorf("artifact URI %q is not relative", uri)
	}
	if b := member[string](t, art, "uriBaseId"); b != "%SRCROOT%" {
		t.Errorf("uriBaseId %q, want %%SRCROOT%%", b)
	}
	region := member[obj](t, phys, "region")
	line, col := int(member[float64](t, region, "startLine")), int(member[float64](t, region, "startColumn"))
	if line < 1 || col < 1 {
		t.Errorf("region starts at %d:%d", line, col)
	}
	if end, ok := region["endLine"].(float64); ok && int(end) < line {
		t.Errorf("region ends at line %v before it starts at %d", end, line)
	}
	return fmt.Sprintf("%s:%d:%d", uri, line, col)
}

// TestSARIFColumns checks that byte columns become code-point columns.
func TestSARIFColumns(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.go")
	if err := os.WriteFile(file, []byte("package a\nvar s = \"héllo\"; var x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := columnConverter{}
	// "x" is byte column 23 and code-point column 22: "é" is two bytes.
	if got := c.column(file, 2, 23); got != 22 {
		t.Errorf("column(2, 23) = %d, want 22", got)
	}
	if got := c.column(file, 1, 3); got != 3 {
		t.Errorf("ASCII column changed: %d", got)
	}
	if got := c.column(filepath.Join(t.TempDir(), "missing.go"), 2, 26); got != 26 {
		t.Errorf("unreadable file: column %d, want the byte column", got)
	}
}

func TestSARIFRoot(t *testing.T) {
	repo := t.TempDir()
	module := filepath.Join(repo, "services", "api")
	if err := os.MkdirAll(module, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := sarifRoot(module); got != module {
		t.Errorf("outside a repository: root %q, want the directory itself %q", got, module)
	}
	// A worktree or submodule has a .git file rather than a directory.
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := sarifRoot(module); got != repo {
		t.Errorf("in a repository: root %q, want %q", got, repo)
	}
	if got := artifact(filepath.Join(module, "a b.go"), repo); got.URI != "services/api/a%20b.go" || got.URIBaseID != srcRoot {
		t.Errorf("artifact = %+v, want services/api/a%%20b.go under %%SRCROOT%%", got)
	}
	if got := artifact("/elsewhere/x.go", repo); got.URI != "file:///elsewhere/x.go" || got.URIBaseID != "" {
		t.Errorf("artifact outside the root = %+v, want an absolute file URI", got)
	}
}
