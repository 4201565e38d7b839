package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
)

// binary is the leakvet command built once for the tests that run it the
// way users do: standalone, and under go vet and go fix.
var binary string

func TestMain(m *testing.M) {
	// No test shares a fact cache with another, or with the user's: the
	// tests of the cache give each run a directory of its own.
	os.Setenv("LEAKVET_CACHE", "off")
	dir, err := os.MkdirTemp("", "leakvet-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "leakvet")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func runIn(t *testing.T, dir string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return result{code, stdout.String(), stderr.String()}
}

func fixture(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata/driver")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func disableAll(args ...string) []string {
	var flags []string
	for _, a := range analyzers.All() {
		flags = append(flags, "-"+a.Name+"=false")
	}
	return append(flags, args...)
}

func TestExitCodes(t *testing.T) {
	dir := fixture(t)
	tests := []struct {
		name string
		args []string
		code int
		want string // fragment of stdout+stderr
	}{
		{"findings", []string{"./leaky"}, exitFindings, "leaky/leaky.go:12:15: response body from c.Get is not closed when returning at line 17 (httpbody/leak)"},
		{"clean", []string{"./clean"}, exitClean, ""},
		{"type error", []string{"./broken"}, exitBadInput, "packages do not load or type-check"},
		{"missing package", []string{"./nosuch"}, exitBadInput, "nosuch"},
		{"unknown flag", []string{"-nosuchflag", "./clean"}, exitBadInput, "flag provided but not defined: -nosuchflag"},
		{"bad format", []string{"-format=xml", "./clean"}, exitBadInput, `unknown -format "xml"`},
		{"no packages", nil, exitBadInput, "no packages given"},
		{"unknown check help", []string{"help", "nosuch"}, exitBadInput, `no check named "nosuch"`},
		{"every check disabled", disableAll("./leaky"), exitBadInput, "every check is disabled"},
		{"one check disabled", []string{"-httpbody=false", "./leaky"}, exitClean, ""},
		{"one check enabled", []string{"-httpbody", "./leaky"}, exitFindings, "(httpbody/leak)"},
		{"help", []string{"-help"}, exitClean, "Exit codes:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, dir, binary, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout+r.stderr, tt.want) {
				t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", tt.want, r.stdout, r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
				t.Errorf("stack trace in output:\n%s", r.stderr)
			}
		})
	}
}

// key is a finding as every driver prints it, reduced to what must agree.
type key struct{ check, posn, message string }

// vetJSON parses the -json shape shared by go vet (which prints one object
// per package on stdout) and leakvet: an outer object keyed by package (go
// vet) or file (leakvet), then by check.
func vetJSON(t *testing.T, data string, root string) []key {
	t.Helper()
	var keys []key
	dec := json.NewDecoder(strings.NewReader(data))
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("decoding %q: %v", data, err)
		}
		for _, byCheck := range tree {
			for check, raw := range byCheck {
				var diags []struct{ Posn, Message string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					continue // go vet reports analysis errors as an object
				}
				for _, d := range diags {
					posn := strings.TrimPrefix(d.Posn, root+string(filepath.Separator))
					keys = append(keys, key{check, posn, d.Message})
				}
			}
		}
	}
	slices.SortFunc(keys, func(a, b key) int { return strings.Compare(a.posn+a.message, b.posn+b.message) })
	return slices.Compact(keys)
}

func TestVetAgreesWithStandalone(t *testing.T) {
	dir := fixture(t)
	standalone := runIn(t, dir, binary, "-json", "./leaky", "./clean")
	if standalone.code != exitFindings {
		t.Fatalf("standalone exit %d: %s", standalone.code, standalone.stderr)
	}
	vet := runIn(t, dir, "go", "vet", "-vettool="+binary, "-json", "./leaky", "./clean")
	got, want := vetJSON(t, vet.stdout, dir), vetJSON(t, standalone.stdout, dir)
	if len(want) != 2 {
		t.Fatalf("standalone found %d findings, want the fixture's 2: %v", len(want), want)
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet and standalone disagree\ngo vet:     %v\nstandalone: %v\nvet stderr:\n%s", got, want, vet.stderr)
	}
}

func TestDemoUnderVet(t *testing.T) {
	root, _ := filepath.Abs("../..")
	standalone := runIn(t, root, binary, "-json", "./testdata/demo/...")
	vet := runIn(t, root, "go", "vet", "-vettool="+binary, "-json", "./testdata/demo/...")
	got, want := vetJSON(t, vet.stdout, root), vetJSON(t, standalone.stdout, root)
	if len(want) == 0 {
		t.Fatalf("no findings on the demo: %s", standalone.stderr)
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet and standalone disagree on the demo\ngo vet:     %v\nstandalone: %v", got, want)
	}
}

func TestFixes(t *testing.T) {
	for _, driver := range []string{"standalone", "go fix"} {
		t.Run(driver, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(fixture(t))); err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(filepath.Join(dir, "broken"))
			before := fixable(t, dir)
			var r result
			if driver == "standalone" {
				r = runIn(t, dir, binary, "-fix", "-json", "./...")
			} else {
				r = runIn(t, dir, "go", "fix", "-fixtool="+binary, "./...")
			}
			// Findings without a fix remain, so the standalone driver may
			// still exit 1; anything else is a failure.
			if r.code != 0 && !(driver == "standalone" && r.code == exitFindings) {
				t.Fatalf("%s exit %d\n%s%s", driver, r.code, r.stdout, r.stderr)
			}
			src, err := os.ReadFile(filepath.Join(dir, "leaky", "leaky.go"))
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(src), "defer resp.Body.Close()"); n != 3 {
				t.Errorf("fixed file has %d deferred closes, want 3:\n%s", n, src)
			}
			if b := runIn(t, dir, "go", "build", "./..."); b.code != 0 {
				t.Fatalf("fixed module does not build:\n%s", b.stderr)
			}
			if fmtOut := runIn(t, dir, "gofmt", "-l", "."); fmtOut.stdout != "" {
				t.Errorf("fixed files are not gofmt-clean: %s", fmtOut.stdout)
			}
			after := fixable(t, dir)
			if driver == "standalone" {
				// What -fix reports as remaining is where it is in the
				// fixed files, as a fresh run reports it.
				fresh := runIn(t, dir, binary, "-json", "./...")
				if got, want := positions(t, r.stdout), positions(t, fresh.stdout); !slices.Equal(got, want) {
					t.Errorf("-fix reported the remaining findings at\n%v\na run on the fixed files reports them at\n%v", got, want)
				}
				if len(positions(t, fresh.stdout)) == 0 {
					t.Errorf("no findings remain after -fix; the fixture should keep some without a fix")
				}
			}
			if after.total != before.total-before.withFix {
				t.Errorf("before fixing: %d findings, %d with a fix; after: %d, want %d", before.total, before.withFix, after.total, before.total-before.withFix)
			}
			if after.withFix != 0 {
				t.Errorf("after fixing, %d findings with a fix remain", after.withFix)
			}
		})
	}
}

type fixCount struct{ total, withFix int }

// positions lists the "position: message" of every finding in leakvet's
// -json output, sorted.
func positions(t *testing.T, out string) []string {
	t.Helper()
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("leakvet -json: %v\n%s", err, out)
	}
	var ps []string
	for _, byCheck := range tree {
		for _, diags := range byCheck {
			for _, d := range diags {
				ps = append(ps, d.Posn+": "+d.Message)
			}
		}
	}
	slices.Sort(ps)
	return ps
}

// fixable counts the findings in dir and those that carry a suggested fix.
func fixable(t *testing.T, dir string) fixCount {
	t.Helper()
	r := runIn(t, dir, binary, "-json", "./...")
	var tree map[string]map[string][]struct {
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("leakvet -json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	var c fixCount
	for _, byCheck := range tree {
		for _, diags := range byCheck {
			for _, d := range diags {
				c.total++
				if len(d.SuggestedFixes) > 0 {
					c.withFix++
				}
			}
		}
	}
	return c
}

// TestTestVariantStandsForPackage: with tests, a package that has test
// files of its own is analysed once, as the variant go test compiles (its
// files and its tests), as go vet does. testdata/testvariant/testpartner
// starts a goroutine whose only receiver is called from the package's
// test: without tests the goroutine never finishes; with them the test
// takes its result, and neither driver reports it.
func TestTestVariantStandsForPackage(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/testvariant")
	if err != nil {
		t.Fatal(err)
	}
	without := runIn(t, dir, binary, "-json", "-test=false", "./testpartner")
	if keys := vetJSON(t, without.stdout, dir); len(keys) != 1 || !strings.Contains(keys[0].message, "blocks forever sending on results") {
		t.Errorf("-test=false: want the one goroutineleak finding on results, got %v\n%s", keys, without.stderr)
	}
	with := runIn(t, dir, binary, "-json", "./testpartner")
	if with.code != exitClean {
		t.Errorf("with tests: exit %d, want %d (the test is the receiver)\n%s%s", with.code, exitClean, with.stdout, with.stderr)
	}
	vet := runIn(t, dir, "go", "vet", "-vettool="+binary, "-json", "./testpartner")
	if got, want := vetJSON(t, vet.stdout, dir), vetJSON(t, with.stdout, dir); !slices.Equal(got, want) {
		t.Errorf("go vet and standalone disagree\ngo vet:     %v\nstandalone: %v\nvet stderr:\n%s", got, want, vet.stderr)
	}
}
