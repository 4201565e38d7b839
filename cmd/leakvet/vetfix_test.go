package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
)

// driverPackages are the driver fixture's packages that load; broken does
// not, on purpose.
var driverPackages = []string{"./clean", "./custom", "./files", "./leaky", "./pool", "./sqlleak"}

// userResources declares the driver fixture's pool types, in the syntax
// of -closecheck.resources.
const userResources = "(*example.com/driver/pool.Pool).Get => (*example.com/driver/pool.Pool).Put; " +
	"example.com/driver/pool.Dial => .Close"

// flippedFlags sets every boolean flag of the suite to the value it does
// not default to.
func flippedFlags() []string {
	var flags []string
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				flags = append(flags, "-"+a.Name+"."+f.Name+"="+strconv.FormatBool(f.DefValue != "true"))
			}
		})
	}
	return flags
}

// TestVetPassesFlags runs go vet with the checks' own flags (-CHECK.FLAG):
// the go command forwards them to the vettool, which must then report what
// the standalone driver reports with the same flags, and the flags must
// change what is reported.
func TestVetPassesFlags(t *testing.T) {
	dir := fixture(t)
	variants := []struct {
		name  string
		flags []string
	}{
		{"defaults", nil},
		{"booleans flipped", flippedFlags()},
		{"user resources", []string{"-closecheck.resources=" + userResources}},
	}
	results := map[string][]key{}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			standalone := runIn(t, dir, binary, slices.Concat([]string{"-json"}, v.flags, driverPackages)...)
			if standalone.code != exitFindings {
				t.Fatalf("standalone exit %d: %s", standalone.code, standalone.stderr)
			}
			vet := runIn(t, dir, "go", slices.Concat([]string{"vet", "-vettool=" + binary, "-json"}, v.flags, driverPackages)...)
			if vet.code != 0 {
				t.Fatalf("go vet exit %d: %s", vet.code, vet.stderr)
			}
			got, want := vetJSON(t, vet.stdout, dir), vetJSON(t, standalone.stdout, dir)
			if !slices.Equal(got, want) {
				t.Errorf("go vet and standalone disagree with %v\ngo vet:     %v\nstandalone: %v\nvet stderr:\n%s", v.flags, got, want, vet.stderr)
			}
			results[v.name] = want
		})
	}
	if slices.Equal(results["defaults"], results["booleans flipped"]) {
		t.Errorf("flipping every boolean flag changed nothing on the driver fixture: %v", results["defaults"])
	}
	inCustom := func(k key) bool { return strings.HasPrefix(k.posn, "custom"+string(filepath.Separator)) }
	if slices.ContainsFunc(results["defaults"], inCustom) || !slices.ContainsFunc(results["user resources"], inCustom) {
		t.Errorf("-closecheck.resources under go vet: want findings in custom/ only with the flag\ndefaults: %v\nwith it:  %v",
			results["defaults"], results["user resources"])
	}
}

// TestFixesBuildOnEveryFixture applies every suggested fix through go fix
// and builds the result: on the driver module with user resources
// declared, and on each analyzer's analysistest tree (GOPATH layout) with
// default flags and with every boolean flag flipped.
func TestFixesBuildOnEveryFixture(t *testing.T) {
	t.Run("driver with user resources", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(fixture(t))); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(filepath.Join(dir, "broken"))
		r := runIn(t, dir, "go", "fix", "-fixtool="+binary, "-closecheck.resources="+userResources, "./...")
		if r.code != 0 {
			t.Fatalf("go fix exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		src, err := os.ReadFile(filepath.Join(dir, "custom", "custom.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "defer s.Close()") {
			t.Errorf("the user resource's fix was not applied:\n%s", src)
		}
		mustBuild(t, dir, nil)
	})

	root, _ := filepath.Abs("../..")
	var trees []string
	for _, pattern := range []string{"analyzers/*/testdata", "analyzers/internal/*/testdata"} {
		m, _ := filepath.Glob(filepath.Join(root, pattern))
		trees = append(trees, m...)
	}
	changed := 0
	for _, tree := range trees {
		if _, err := os.Stat(filepath.Join(tree, "src")); err != nil {
			continue
		}
		name, _ := filepath.Rel(root, filepath.Dir(tree))
		for _, v := range []struct {
			name  string
			flags []string
		}{{"defaults", nil}, {"booleans flipped", flippedFlags()}} {
			t.Run(filepath.ToSlash(name)+"/"+v.name, func(t *testing.T) {
				gopath := t.TempDir()
				if err := os.CopyFS(gopath, os.DirFS(tree)); err != nil {
					t.Fatal(err)
				}
				src := filepath.Join(gopath, "src")
				env := []string{"GO111MODULE=off", "GOPATH=" + gopath}
				r := runInEnv(t, src, env, "go", slices.Concat([]string{"fix", "-fixtool=" + binary}, v.flags, []string{"./..."})...)
				if r.code != 0 {
					t.Fatalf("go fix exit %d\n%s%s", r.code, r.stdout, r.stderr)
				}
				if !sameTree(t, filepath.Join(tree, "src"), src) {
					changed++
				}
				mustBuild(t, src, env)
			})
		}
	}
	if changed == 0 {
		t.Errorf("go fix changed no analyzer fixture: the test proves nothing")
	}
}

// mustBuild builds every package under dir, type-checks its tests too,
// and insists on gofmt-clean files.
func mustBuild(t *testing.T, dir string, env []string) {
	t.Helper()
	if b := runInEnv(t, dir, env, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("after go fix the code does not build:\n%s", b.stderr)
	}
	// go vet type-checks test files as well; -atomic picks one cheap
	// analyzer so that vet's opinions of fixture code do not count.
	if b := runInEnv(t, dir, env, "go", "vet", "-atomic", "./..."); b.code != 0 {
		t.Fatalf("after go fix the tests do not type-check:\n%s", b.stderr)
	}
	if f := runIn(t, dir, "gofmt", "-l", "."); f.stdout != "" {
		t.Errorf("after go fix, files are not gofmt-clean:\n%s", f.stdout)
	}
}

func runInEnv(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	if len(env) > 0 {
		t.Setenv("GO111MODULE", "")
		for _, kv := range env {
			k, v, _ := strings.Cut(kv, "=")
			t.Setenv(k, v)
		}
	}
	return runIn(t, dir, name, args...)
}

// sameTree reports whether the files under a and b have the same contents.
func sameTree(t *testing.T, a, b string) bool {
	t.Helper()
	same := true
	err := filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		x, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			same = false
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return same
}
