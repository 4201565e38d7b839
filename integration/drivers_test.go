package integration

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leakvet/leakvet/analyzers"
)

var (
	root    string // the repository
	tmp     string // removed after the tests
	leakvet string // the leakvet binary
	gcl     string // golangci-lint with the leakvet plugin
	// gclModfile is a copy of gcl/go.mod that the go command may update
	// (a root go.mod that moved ahead needs newer requirements there)
	// without touching the checkout.
	gclModfile string
	// gclEnv gives golangci-lint a cache of its own, so every run of the
	// tests analyzes for real; with it, golangci-lint's lock against
	// parallel runs (--allow-parallel-runners lifts it) guards nothing
	// the tests share with another golangci-lint on the machine.
	gclEnv []string
)

func TestMain(m *testing.M) { os.Exit(testMain(m)) }

func testMain(m *testing.M) int {
	if os.Getenv("LEAKVET_E2E") == "" {
		return m.Run() // every test skips
	}
	var err error
	if root, err = filepath.Abs(".."); err != nil {
		return fail(err)
	}
	if tmp, err = os.MkdirTemp("", "leakvet-e2e"); err != nil {
		return fail(err)
	}
	defer os.RemoveAll(tmp)
	gclEnv = []string{"GOLANGCI_LINT_CACHE=" + filepath.Join(tmp, "golangci-lint-cache")}
	// And leakvet's standalone runs no fact cache: none reads what an
	// earlier run, or the user's, left (cmd/leakvet's tests cover it).
	os.Setenv("LEAKVET_CACHE", "off")

	leakvet = filepath.Join(tmp, "leakvet"+exe())
	if out, err := exec.Command("go", "build", "-C", root, "-o", leakvet, "./cmd/leakvet").CombinedOutput(); err != nil {
		return fail(fmt.Errorf("building leakvet: %v\n%s", err, out))
	}
	if gcl, err = buildGolangciLint(); err != nil {
		return fail(err)
	}
	return m.Run()
}

func fail(err error) int {
	fmt.Fprintf(os.Stderr, "integration: %v\n", err)
	return 1
}

func exe() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

// buildGolangciLint builds the gcl module. The binary is kept next to the
// go build cache (its name keyed by gcl's go.mod and go.sum, that is by
// golangci-lint's version), so that a warm run only relinks when leakvet
// changed; the build cache itself makes a rebuild after a change cheap.
func buildGolangciLint() (string, error) {
	modDir := filepath.Join(root, "integration", "gcl")
	mod, err := os.ReadFile(filepath.Join(modDir, "go.mod"))
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(filepath.Join(modDir, "go.sum"))
	if err != nil {
		return "", err
	}
	gclModfile = filepath.Join(tmp, "gcl.mod")
	if err := os.WriteFile(gclModfile, mod, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "gcl.sum"), sum, 0o644); err != nil {
		return "", err
	}
	h := sha256.Sum256(append(mod, sum...))
	bin := filepath.Join(binDir("golangci-lint-"+hex.EncodeToString(h[:6])), "golangci-lint"+exe())

	start := time.Now()
	cmd := exec.Command("go", "build", "-modfile="+gclModfile, "-mod=mod", "-o", bin, ".")
	cmd.Dir = modDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building golangci-lint with the plugin: %v\n%s", err, out)
	}
	fmt.Fprintf(os.Stderr, "integration: built golangci-lint with the leakvet plugin in %s: %s\n",
		time.Since(start).Round(100*time.Millisecond), bin)
	if now, err := os.ReadFile(gclModfile); err == nil && !bytes.Equal(now, mod) {
		fmt.Fprintln(os.Stderr, "integration: integration/gcl/go.mod lags the root module; run 'go mod tidy' there")
	}
	return bin, nil
}

// binDir returns a directory for built tools that outlives the test run:
// beside GOCACHE when there is one, else the temporary directory.
func binDir(name string) string {
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	cache := strings.TrimSpace(string(out))
	if err == nil && cache != "" && cache != "off" {
		dir := filepath.Join(filepath.Dir(cache), "leakvet-e2e", name)
		if os.MkdirAll(dir, 0o755) == nil {
			return dir
		}
	}
	return tmp
}

func requireE2E(t *testing.T) {
	t.Helper()
	if gcl == "" {
		t.Skip("set LEAKVET_E2E=1 to build golangci-lint with the plugin and compare the drivers")
	}
}

type result struct {
	code           int
	stdout, stderr string
}

func runCmd(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
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

// finding is what every driver must agree on: the check, the position
// relative to the directory the driver ran in, and the message. A related
// position is a finding of its own whose check ends in " related".
type finding struct{ check, posn, message string }

func (f finding) String() string { return f.posn + ": " + f.message + " (" + f.check + ")" }

func newFinding(dir, check, posn, message string) finding {
	// posn is file:line:col; only the file is made relative.
	file, rest := posn, ""
	for range 2 {
		if i := strings.LastIndex(file, ":"); i >= 0 {
			file, rest = file[:i], file[i:]+rest
		}
	}
	if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsLocal(rel) {
		file = filepath.ToSlash(rel)
	}
	return finding{check, file + rest, message}
}

func sorted(fs []finding) []finding {
	slices.SortFunc(fs, func(a, b finding) int {
		return strings.Compare(a.posn+"\x00"+a.check+"\x00"+a.message, b.posn+"\x00"+b.check+"\x00"+b.message)
	})
	return slices.Compact(fs)
}

type jsonDiag struct {
	Posn    string
	Message string
	Related []struct{ Posn, Message string }
}

// standalone runs the leakvet binary with -json.
func standalone(t *testing.T, dir string, env, flags []string, patterns ...string) []finding {
	t.Helper()
	args := append(append([]string{"-json"}, flags...), patterns...)
	r := runCmd(t, dir, env, leakvet, args...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("leakvet %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var tree map[string]map[string][]jsonDiag
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("leakvet -json output: %v\n%s", err, r.stdout)
	}
	var out []finding
	for _, byCheck := range tree {
		for check, diags := range byCheck {
			out = append(out, flatten(dir, check, diags)...)
		}
	}
	return sorted(out)
}

// vet runs go vet -vettool=leakvet -json, which prints one object per
// package: {"pkg": {"check": [diagnostics] or {"error": ...}}}.
func vet(t *testing.T, dir string, env, flags []string, patterns ...string) []finding {
	t.Helper()
	args := append(append([]string{"vet", "-vettool=" + leakvet, "-json"}, flags...), patterns...)
	r := runCmd(t, dir, env, "go", args...)
	if r.code != 0 {
		t.Fatalf("go %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var out []finding
	dec := json.NewDecoder(strings.NewReader(r.stdout + r.stderr))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			break // the rest is go vet's own "# pkg" lines
		}
		for pkg, byCheck := range tree {
			for check, raw := range byCheck {
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("go vet: %s on %s failed: %s", check, pkg, raw)
				}
				out = append(out, flatten(dir, check, diags)...)
			}
		}
	}
	return sorted(out)
}

func flatten(dir, check string, diags []jsonDiag) []finding {
	var out []finding
	for _, d := range diags {
		out = append(out, newFinding(dir, check, d.Posn, d.Message))
		for _, r := range d.Related {
			out = append(out, newFinding(dir, check+" related", r.Posn, r.Message))
		}
	}
	return out
}

// golangci runs the custom golangci-lint with the plugin enabled alone and
// settings as the plugin's settings (YAML, at the indentation of a
// top-level key).
func golangci(t *testing.T, dir string, env []string, settings string, patterns ...string) []finding {
	t.Helper()
	r := runGolangci(t, dir, env, settings, patterns...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("golangci-lint: exit %d\n%s", r.code, r.stderr)
	}
	leakvetIssues, others := parseGolangci(t, dir, r.stdout, r.stderr)
	for _, o := range others {
		t.Errorf("golangci-lint reports from %s", o)
	}
	return leakvetIssues
}

// parseGolangci reads golangci-lint's JSON output: leakvet's issues as
// findings (the plugin folds each related position into the text as
// " [LINE:COL: TEXT]"; it becomes a finding of its own, as the other
// drivers report it), and the other linters' issues as "linter file:line".
func parseGolangci(t *testing.T, dir, stdout, stderr string) (leakvetIssues []finding, others []string) {
	t.Helper()
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%s\n%s", err, stdout, stderr)
	}
	var out []finding
	for _, is := range report.Issues {
		if is.FromLinter != "leakvet" {
			others = append(others, fmt.Sprintf("%s %s:%d", is.FromLinter, is.Pos.Filename, is.Pos.Line))
			continue
		}
		check, msg, ok := strings.Cut(is.Text, ": ")
		if !ok {
			t.Errorf("golangci-lint issue without a check name: %q", is.Text)
			continue
		}
		for {
			m := foldedRelated.FindStringSubmatch(msg)
			if m == nil {
				break
			}
			msg = m[1]
			out = append(out, newFinding(dir, check+" related", fmt.Sprintf("%s:%s:%s", is.Pos.Filename, m[2], m[3]), m[4]))
		}
		posn := fmt.Sprintf("%s:%d:%d", is.Pos.Filename, is.Pos.Line, is.Pos.Column)
		out = append(out, newFinding(dir, check, posn, msg))
	}
	return sorted(out), others
}

// foldedRelated matches the last related position the plugin folds into
// an issue's text.
var foldedRelated = regexp.MustCompile(`^(.*) \[(\d+):(\d+): ([^\[\]]*)\]$`)

func runGolangci(t *testing.T, dir string, env []string, settings string, patterns ...string) result {
	t.Helper()
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable: [leakvet]
  settings:
    custom:
      leakvet:
        type: module
        description: resource leaks
        settings:
`)
	for line := range strings.Lines(settings) {
		b.WriteString("          " + line)
	}
	b.WriteString(`
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`)
	cfg := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"run", "--allow-parallel-runners", "-c", cfg, "--path-mode=abs", "--show-stats=false",
		"--output.json.path=stdout", "--output.text.path=stderr"}, patterns...)
	return runCmd(t, dir, append(env, gclEnv...), gcl, args...)
}

// agree fails the test unless every driver's findings equal want's.
func agree(t *testing.T, want []finding, wantName string, others map[string][]finding) {
	t.Helper()
	for name, got := range others {
		if slices.Equal(got, want) {
			continue
		}
		var missing, extra []string
		for _, f := range want {
			if !slices.Contains(got, f) {
				missing = append(missing, "  "+f.String())
			}
		}
		for _, f := range got {
			if !slices.Contains(want, f) {
				extra = append(extra, "  "+f.String())
			}
		}
		t.Errorf("%s disagrees with %s\nonly %s:\n%s\nonly %s:\n%s", name, wantName,
			wantName, strings.Join(missing, "\n"), name, strings.Join(extra, "\n"))
	}
}

func countByCheck(fs []finding) string {
	n := map[string]int{}
	for _, f := range fs {
		if !strings.HasSuffix(f.check, " related") {
			n[f.check]++
		}
	}
	var parts []string
	for _, a := range analyzers.All() {
		parts = append(parts, a.Name+"="+strconv.Itoa(n[a.Name]))
	}
	return strings.Join(parts, " ")
}

// flippedBools sets every boolean flag of the suite to the value it does
// not default to, as command-line flags and as plugin settings (YAML
// lines by check).
func flippedBools() (cli []string, settings map[string][]string) {
	settings = map[string][]string{}
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			bf, ok := f.Value.(interface{ IsBoolFlag() bool })
			if !ok || !bf.IsBoolFlag() {
				return
			}
			v := strconv.FormatBool(f.DefValue != "true")
			cli = append(cli, "-"+a.Name+"."+f.Name+"="+v)
			settings[a.Name] = append(settings[a.Name], f.Name+": "+v)
		})
	}
	return cli, settings
}

// settingsYAML renders YAML lines by check as the plugin's settings.
func settingsYAML(byCheck map[string][]string) string {
	var b strings.Builder
	for _, a := range analyzers.All() {
		if lines := byCheck[a.Name]; len(lines) > 0 {
			b.WriteString(a.Name + ":\n")
			for _, l := range lines {
				b.WriteString("  " + l + "\n")
			}
		}
	}
	return b.String()
}

func TestDriversAgreeOnDemo(t *testing.T) {
	requireE2E(t)
	want := standalone(t, root, nil, nil, "./testdata/demo/...")
	if len(want) == 0 {
		t.Fatal("leakvet finds nothing in the demo")
	}
	t.Logf("demo: %d findings: %s", len(want), countByCheck(want))
	agree(t, want, "leakvet", map[string][]finding{
		"go vet":        vet(t, root, nil, nil, "./testdata/demo/..."),
		"golangci-lint": golangci(t, root, nil, "", "./testdata/demo/..."),
	})
}

// TestDriversAgreeOnFixtures runs the three drivers over each analyzer's
// analysistest fixtures. Those are GOPATH trees (testdata/src/IMPORTPATH,
// with third-party APIs stubbed by import path), so the drivers run in
// GOPATH mode there. Each tree is run with default flags and with every
// boolean flag flipped, which golangci-lint receives as settings.
func TestDriversAgreeOnFixtures(t *testing.T) {
	requireE2E(t)
	var trees []string
	for _, pattern := range []string{"analyzers/*/testdata/src", "analyzers/internal/*/testdata/src"} {
		m, _ := filepath.Glob(filepath.Join(root, pattern))
		trees = append(trees, m...)
	}
	if len(trees) == 0 {
		t.Fatal("no analyzer fixtures found")
	}
	cli, flipped := flippedBools()
	settings := settingsYAML(flipped)
	for _, src := range trees {
		name, _ := filepath.Rel(root, filepath.Dir(filepath.Dir(src)))
		env := []string{"GO111MODULE=off", "GOPATH=" + filepath.Dir(src)}
		for _, variant := range []struct {
			name     string
			cli      []string
			settings string
		}{{"defaults", nil, ""}, {"flipped", cli, settings}} {
			t.Run(filepath.ToSlash(name)+"/"+variant.name, func(t *testing.T) {
				want := standalone(t, src, env, variant.cli, "./...")
				t.Logf("%d findings: %s", len(want), countByCheck(want))
				agree(t, want, "leakvet", map[string][]finding{
					"go vet":        vet(t, src, env, variant.cli, "./..."),
					"golangci-lint": golangci(t, src, env, variant.settings, "./..."),
				})
			})
		}
	}
}

// driverPackages are the packages of testdata/driver that load (broken
// does not, on purpose).
var driverPackages = []string{"./clean", "./custom", "./files", "./leaky", "./pool", "./sqlleak"}

// TestSettingsReachFlags configures the plugin the way users do, with a
// YAML list of objects for user-defined resources (type and function
// names as values, in any case, with dots) and every boolean flag
// flipped, and expects what leakvet and go vet report with the same flags
// on the command line.
func TestSettingsReachFlags(t *testing.T) {
	requireE2E(t)
	dir := filepath.Join(root, "testdata", "driver")
	const resources = "(*example.com/driver/pool.Pool).Get => (*example.com/driver/pool.Pool).Put; example.com/driver/pool.Dial => .Close"
	cli, byCheck := flippedBools()
	cli = append(cli, "-closecheck.resources="+resources)
	byCheck["closecheck"] = append(byCheck["closecheck"],
		"resources:",
		`  - acquire: "(*example.com/driver/pool.Pool).Get"`,
		`    release: "(*example.com/driver/pool.Pool).Put"`,
		`  - Acquire: example.com/driver/pool.Dial`,
		`    Release: [Close]`,
	)
	settings := settingsYAML(byCheck)
	want := standalone(t, dir, nil, cli, driverPackages...)
	if !slices.ContainsFunc(want, func(f finding) bool { return strings.HasPrefix(f.posn, "custom/") }) {
		t.Fatalf("the user-defined resources found nothing in custom/: %v", want)
	}
	agree(t, want, "leakvet", map[string][]finding{
		"go vet":        vet(t, dir, nil, cli, driverPackages...),
		"golangci-lint": golangci(t, dir, nil, settings, driverPackages...),
	})
}

// TestSettingsErrors runs golangci-lint with bad plugin settings: the run
// must fail, and the message must name the offending key.
func TestSettingsErrors(t *testing.T) {
	requireE2E(t)
	// A boolean flag of the suite, whichever check has one, for the
	// wrong-type case.
	var check, boolFlag string
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() && boolFlag == "" {
				check, boolFlag = a.Name, f.Name
			}
		})
	}
	tests := []struct {
		name, settings, want string
	}{
		{"unknown top-level key", "nosuch: 1\n", `nosuch: unknown key: want "disable", "generated", "baseline" or a check name`},
		{"misspelled check", "httpbdy:\n  strict: true\n", `httpbdy: unknown key: want "disable", "generated", "baseline" or a check name`},
		{"capitalised unknown key", "NoSuch: [x]\n", `nosuch: unknown key`},
		{"unknown flag", check + ":\n  nosuchflag: true\n", check + ".nosuchflag: unknown key: " + check + "'s flags are "},
		{"flag of the wrong type", check + ":\n  " + boolFlag + ": \"yes\"\n", check + "." + boolFlag + `: want true or false, got a string ("yes")`},
		{"check not an object", check + ": false\n", check + ": want an object of the check's flags"},
		{"disable not a list", "disable: " + check + "\n", `disable: want a list of check names, got a string`},
		{"disable unknown check", "disable: [nosuch]\n", `disable[0]: no check named "nosuch"`},
		{"resource with an unknown key", "closecheck:\n  resources:\n    - acquire: example.com/x.Open\n      relase: Close\n",
			"closecheck.resources[0].relase: unknown key: want acquire, result, release"},
		{"resource without a release", "closecheck:\n  resources:\n    - acquire: example.com/x.Open\n",
			"closecheck.resources[0].release: want the method (Close) or function"},
		{"resource the flag rejects", "closecheck:\n  resources:\n    - {acquire: example.com/x.Open, release: Close}\n    - {acquire: \"not a function\", release: Close}\n",
			`closecheck.resources[1]: resource entry 1 ("not a function => .Close")`},
		{"resources not a list", "closecheck:\n  resources: {acquire: example.com/x.Open}\n",
			"closecheck.resources: want a list of entries, got an object"},
	}
	dir := filepath.Join(root, "testdata", "driver")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runGolangci(t, dir, nil, tt.settings, "./clean")
			if r.code == 0 || r.code == 1 {
				t.Errorf("exit %d, want golangci-lint's failure\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, r.stderr)
			}
		})
	}
}

// TestSARIFSchema validates leakvet -sarif on the demo against the SARIF
// 2.1.0 JSON schema, and checks that its results are the -json findings.
// The schema is the copy that ships in the module of gosec, one of
// golangci-lint's linters, so it is at hand wherever the gcl module builds.
func TestSARIFSchema(t *testing.T) {
	requireE2E(t)
	modDir := filepath.Join(root, "integration", "gcl")
	gosec := runCmd(t, modDir, nil, "go", "list", "-modfile="+gclModfile, "-m", "-f", "{{.Dir}}", "github.com/securego/gosec/v2")
	schema := filepath.Join(strings.TrimSpace(gosec.stdout), "report", "sarif", "testdata", "sarif-schema-2.1.0.json")
	if _, err := os.Stat(schema); gosec.code != 0 || err != nil {
		t.Skipf("no copy of the SARIF schema in the module cache (%s): %v", schema, gosec.stderr)
	}
	validator := filepath.Join(tmp, "sarifschema"+exe())
	if b := runCmd(t, modDir, nil, "go", "build", "-modfile="+gclModfile, "-mod=mod", "-o", validator, "./sarifschema"); b.code != 0 {
		t.Fatalf("building the validator: %s", b.stderr)
	}

	r := runCmd(t, root, nil, leakvet, "-sarif", "./testdata/demo/...")
	if r.code != 1 {
		t.Fatalf("leakvet -sarif: exit %d\n%s", r.code, r.stderr)
	}
	log := filepath.Join(t.TempDir(), "demo.sarif")
	if err := os.WriteFile(log, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := runCmd(t, root, nil, validator, schema, log); v.code != 0 {
		t.Fatalf("leakvet -sarif does not validate against the SARIF 2.1.0 schema:\n%s", v.stderr)
	}

	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				RelatedLocations []struct {
					Message          struct{ Text string }
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &sarif); err != nil {
		t.Fatal(err)
	}
	var got []finding
	for _, res := range sarif.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, finding{res.RuleID, fmt.Sprintf("%s:%d:%d", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn), res.Message.Text})
		for _, rel := range res.RelatedLocations {
			loc := rel.PhysicalLocation
			got = append(got, finding{res.RuleID + " related", fmt.Sprintf("%s:%d:%d", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn), rel.Message.Text})
		}
	}
	agree(t, standalone(t, root, nil, nil, "./testdata/demo/..."), "leakvet -json", map[string][]finding{"leakvet -sarif": sorted(got)})
}

// TestRepositoryLint runs the repository's own .golangci.yml, leakvet
// included, on the repository: it must pass.
func TestRepositoryLint(t *testing.T) {
	requireE2E(t)
	r := runCmd(t, root, gclEnv, gcl, "run", "--allow-parallel-runners", "--show-stats=false", "./...")
	if r.code != 0 {
		t.Errorf("golangci-lint run ./... with .golangci.yml: exit %d; run it with the binary built from integration/gcl\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestCustomGCLConfig keeps the two ways of building golangci-lint with
// the plugin in step: .custom-gcl.yml (golangci-lint custom) names the
// golangci-lint version that integration/gcl builds, and the plugin
// package.
func TestCustomGCLConfig(t *testing.T) {
	requireE2E(t)
	custom, err := os.ReadFile(filepath.Join(root, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	mod := runCmd(t, filepath.Join(root, "integration", "gcl"), nil, "go", "list", "-modfile="+gclModfile, "-m", "-f", "{{.Version}}", "github.com/golangci/golangci-lint/v2")
	version := strings.TrimSpace(mod.stdout)
	for _, want := range []string{
		"\nversion: " + version + "\n",
		"import: github.com/leakvet/leakvet/gclplugin\n",
		"module: github.com/leakvet/leakvet\n",
	} {
		if !strings.Contains(string(custom), want) {
			t.Errorf(".custom-gcl.yml lacks %q (integration/gcl builds golangci-lint %s)", strings.TrimSpace(want), version)
		}
	}
}

// TestFixesAgree applies the suggested fixes through go fix, leakvet -fix
// and golangci-lint --fix to copies of the driver fixture: the three
// results must be the same files, and build.
func TestFixesAgree(t *testing.T) {
	requireE2E(t)
	src := filepath.Join(root, "testdata", "driver")
	fixed := map[string]string{}
	for _, driver := range []string{"go fix", "leakvet -fix", "golangci-lint --fix"} {
		dir := filepath.Join(t.TempDir(), "driver")
		if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(dir, "broken")); err != nil {
			t.Fatal(err)
		}
		var r result
		switch driver {
		case "go fix":
			r = runCmd(t, dir, nil, "go", "fix", "-fixtool="+leakvet, "./...")
		case "leakvet -fix":
			r = runCmd(t, dir, nil, leakvet, "-fix", "./...")
		default:
			r = runGolangci(t, dir, nil, "", "--fix", "./...")
		}
		// leakvet and golangci-lint exit 1 for the findings that have no fix.
		if r.code != 0 && !(r.code == 1 && driver != "go fix") {
			t.Fatalf("%s: exit %d\n%s%s", driver, r.code, r.stdout, r.stderr)
		}
		if b := runCmd(t, dir, nil, "go", "build", "./..."); b.code != 0 {
			t.Errorf("after %s the fixture does not build:\n%s", driver, b.stderr)
		}
		fixed[driver] = snapshot(t, dir)
	}
	if fixed["go fix"] == snapshot(t, src) {
		t.Fatal("go fix changed nothing: the test proves nothing")
	}
	for driver, got := range fixed {
		if got != fixed["go fix"] {
			t.Errorf("%s and go fix leave different code:\n%s\n----- go fix:\n%s", driver, got, fixed["go fix"])
		}
	}
}

// snapshot concatenates the Go files of the driver fixture's packages
// that load, with their names.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.go"))
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(filepath.ToSlash(rel), "broken/") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "-- %s --\n%s", filepath.ToSlash(rel), data)
	}
	return b.String()
}

// TestFastOnlyDropsLeakvet pins what docs/integrations.md warns about:
// with --fast-only golangci-lint skips linters that need type information,
// the plugin included. Next to a fast linter it does so without a word;
// alone, the run has no linter left.
func TestFastOnlyDropsLeakvet(t *testing.T) {
	requireE2E(t)
	cfg := filepath.Join(t.TempDir(), "golangci.yml")
	err := os.WriteFile(cfg, []byte(`version: "2"
linters:
  default: none
  enable: [leakvet, misspell]
  settings:
    custom:
      leakvet:
        type: module
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	full := runCmd(t, root, gclEnv, gcl, "run", "--allow-parallel-runners", "-c", cfg, "--output.json.path=stdout", "./testdata/demo/...")
	if full.code != 1 || !strings.Contains(full.stdout, `"FromLinter":"leakvet"`) {
		t.Fatalf("without --fast-only leakvet reports nothing on the demo (exit %d)\n%s", full.code, full.stderr)
	}
	fast := runCmd(t, root, gclEnv, gcl, "run", "--allow-parallel-runners", "-c", cfg, "--fast-only", "--output.json.path=stdout", "./testdata/demo/...")
	if fast.code != 0 || strings.Contains(fast.stdout, `"FromLinter":"leakvet"`) || strings.Contains(fast.stderr, "leakvet") {
		t.Errorf("golangci-lint --fast-only: exit %d, leakvet not dropped silently; update docs/integrations.md\n%s\n%s", fast.code, fast.stdout, fast.stderr)
	}
	alone := runGolangci(t, root, nil, "", "--fast-only", "./testdata/demo/...")
	if alone.code == 0 || !strings.Contains(alone.stderr, "no linters enabled") {
		t.Errorf("golangci-lint --fast-only with leakvet alone: exit %d; update docs/integrations.md\n%s", alone.code, alone.stderr)
	}
}

// TestDocsConfig runs golangci-lint with the configuration that
// docs/integrations.md shows under "Enabling it", so that the example
// users copy is one the plugin accepts.
func TestDocsConfig(t *testing.T) {
	requireE2E(t)
	doc, err := os.ReadFile(filepath.Join(root, "docs", "integrations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "### Enabling it")
	_, block, ok2 := strings.Cut(section, "```yaml\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 || !strings.Contains(block, "type: module") {
		t.Fatalf("docs/integrations.md has no YAML example under \"### Enabling it\"")
	}
	cfg := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(cfg, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "testdata", "driver")
	r := runCmd(t, dir, gclEnv, gcl, "run", "--allow-parallel-runners", "-c", cfg, "--enable-only=leakvet", "--output.json.path=stdout", "./leaky")
	if r.code != 1 || !strings.Contains(r.stdout, `"FromLinter":"leakvet"`) {
		t.Errorf("the documented configuration does not run leakvet (exit %d):\n%s\n%s\n%s", r.code, block, r.stdout, r.stderr)
	}
}

// TestOtherLintersKeepLeakvetFindings enables leakvet beside linters that
// report the same lines (bodyclose, gosec, noctx, sqlclosecheck,
// rowserrcheck), with the issues settings docs/integrations.md gives for
// that: every finding of the leakvet binary must be printed, and the
// other linters must really share lines with leakvet.
func TestOtherLintersKeepLeakvetFindings(t *testing.T) {
	requireE2E(t)
	doc, err := os.ReadFile(filepath.Join(root, "docs", "integrations.md"))
	if err != nil {
		t.Fatal(err)
	}
	const issues = "issues:\n  uniq-by-line: false\n  max-issues-per-linter: 0\n  max-same-issues: 0\n"
	if !strings.Contains(string(doc), issues) {
		t.Fatalf("docs/integrations.md no longer shows\n%s", issues)
	}
	cfg := filepath.Join(t.TempDir(), "golangci.yml")
	config := `version: "2"
linters:
  default: none
  enable: [leakvet, bodyclose, gosec, noctx, sqlclosecheck, rowserrcheck]
  settings:
    custom:
      leakvet:
        type: module
        description: resource leaks
` + issues
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "testdata", "driver")
	patterns := []string{"./leaky", "./sqlleak", "./files"}
	r := runCmd(t, dir, gclEnv, gcl, append([]string{"run", "--allow-parallel-runners", "-c", cfg, "--path-mode=abs", "--show-stats=false",
		"--output.json.path=stdout", "--output.text.path=stderr"}, patterns...)...)
	if r.code != 1 {
		t.Fatalf("golangci-lint: exit %d\n%s", r.code, r.stderr)
	}
	got, others := parseGolangci(t, dir, r.stdout, r.stderr)
	want := standalone(t, dir, nil, nil, patterns...)
	agree(t, want, "leakvet -json", map[string][]finding{"golangci-lint beside other linters": got})

	shared := 0
	for _, o := range others {
		_, posn, _ := strings.Cut(o, " ")
		for _, f := range want {
			if strings.HasPrefix(f.posn, strings.TrimPrefix(posn, dir+string(filepath.Separator))+":") {
				shared++
				break
			}
		}
	}
	if shared == 0 {
		t.Errorf("no other linter reports a line leakvet reports; the test proves nothing\nothers: %v", others)
	}
}
