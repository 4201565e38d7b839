package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// driverCopy copies the driver fixture, less the package that does not
// compile, into a temporary module.
func driverCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture(t))); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "broken"))
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConfigFile: .leakvet.yml in the module root takes the plugin's
// keys; flags override it; go vet reads it too, and editing it is not
// answered from go vet's cache.
func TestConfigFile(t *testing.T) {
	dir := driverCopy(t)
	writeFile(t, filepath.Join(dir, ".leakvet.yml"), "disable: [sqlclose]\ncloseCheck:\n  strict: true\n")

	r := runIn(t, dir, binary, "./...")
	if strings.Contains(r.stdout, "(sqlclose/") || !strings.Contains(r.stdout, "(closecheck/strict)") || !strings.Contains(r.stdout, "(httpbody/leak)") {
		t.Errorf("with the file: want closecheck's strict findings, httpbody's and no sqlclose\n%s%s", r.stdout, r.stderr)
	}
	r = runIn(t, dir, binary, "-closecheck.strict=false", "-sqlclose", "./...")
	if strings.Contains(r.stdout, "(closecheck/strict)") || !strings.Contains(r.stdout, "(sqlclose/leak)") || strings.Contains(r.stdout, "(httpbody/") {
		t.Errorf("flags do not override the file\n%s%s", r.stdout, r.stderr)
	}

	vet := func() string {
		t.Helper()
		return runIn(t, dir, "go", "vet", "-vettool="+binary, "./...").stderr
	}
	const strictText = "without defer: a panic in the calls before it leaves the file open"
	const sqlText = "rows from db.QueryContext is not closed"
	if out := vet(); !strings.Contains(out, strictText) || strings.Contains(out, sqlText) {
		t.Errorf("go vet does not apply the file:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, ".leakvet.yml"), "closecheck:\n  strict: false\n")
	if out := vet(); strings.Contains(out, strictText) || !strings.Contains(out, sqlText) {
		t.Errorf("go vet after editing the file still reports the old settings' findings:\n%s", out)
	}
}

// TestConfigFileErrors: an unknown key or a bad value is an error naming
// the file and the key, exit 2, once (under go vet, one line per package
// and no usage text); -config names another file.
func TestConfigFileErrors(t *testing.T) {
	dir := driverCopy(t)
	file := filepath.Join(dir, ".leakvet.yml")
	writeFile(t, file, "closecheck:\n  strikt: true\n")
	r := runIn(t, dir, binary, "./...")
	want := ".leakvet.yml: closecheck.strikt: unknown key"
	if r.code != exitBadInput || strings.Count(r.stderr, want) != 1 || r.stdout != "" {
		t.Errorf("unknown key: exit %d, want %d and %q once\n%s%s", r.code, exitBadInput, want, r.stdout, r.stderr)
	}
	vet := runIn(t, dir, "go", "vet", "-vettool="+binary, "./leaky", "./files")
	for _, l := range lines(vet.stderr) {
		if !strings.HasPrefix(l, "#") && !strings.Contains(l, want) {
			t.Errorf("go vet: unexpected line %q in\n%s", l, vet.stderr)
		}
	}
	if vet.code == 0 || strings.Count(vet.stderr, want) != 2 {
		t.Errorf("go vet: exit %d, want the error once per package:\n%s", vet.code, vet.stderr)
	}

	writeFile(t, file, "sqlclose:\n  rowserr: maybe\n")
	r = runIn(t, dir, binary, "./...")
	if r.code != exitBadInput || !strings.Contains(r.stderr, `.leakvet.yml: sqlclose.rowserr: want true or false, got a string ("maybe")`) {
		t.Errorf("bad value: exit %d\n%s", r.code, r.stderr)
	}

	other := filepath.Join(t.TempDir(), "other.yml")
	writeFile(t, other, "disable: [httpbody, sqlclose, goroutineleak, unboundedcache]\n")
	r = runIn(t, dir, binary, "-config", other, "./...")
	if r.code != exitFindings || strings.Contains(r.stdout, "(httpbody/") || !strings.Contains(r.stdout, "(closecheck/leak)") {
		t.Errorf("-config FILE: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, dir, binary, "-config", filepath.Join(dir, "missing.yml"), "./...")
	if r.code != exitBadInput || !strings.Contains(r.stderr, "missing.yml does not exist") {
		t.Errorf("-config of a missing file: exit %d\n%s", r.code, r.stderr)
	}
}

// TestConfigFileBaseline: a baseline named in the configuration file is
// relative to the file, and works under go vet.
func TestConfigFileBaseline(t *testing.T) {
	dir := driverCopy(t)
	if r := runIn(t, dir, binary, "-write-baseline", "leakvet.baseline", "./..."); r.code != exitClean {
		t.Fatalf("-write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(dir, ".leakvet.yml"), "baseline: leakvet.baseline\n")
	if r := runIn(t, filepath.Join(dir, "leaky"), binary, "./..."); r.code != exitClean || r.stdout != "" {
		t.Errorf("standalone in a subdirectory: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runIn(t, dir, "go", "vet", "-vettool="+binary, "./..."); r.code != 0 || r.stderr != "" {
		t.Errorf("go vet: exit %d\n%s", r.code, r.stderr)
	}
}
