package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// cacheRun runs leakvet -v on ./app and ./testonly (test files only) of
// the module in dir with the fact cache in cache, and returns the findings and the cache's counts.
func cacheRun(t *testing.T, dir, cache string) (findings string, replayed, analysed, stored int, from string) {
	t.Helper()
	r := runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-v", "./app", "./testonly")
	if r.code != exitClean && r.code != exitFindings {
		t.Fatalf("leakvet exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	m := regexp.MustCompile(`fact cache .*: (\d+) dependencies replayed, (\d+) analysed, (\d+) stored[^;]*; dependencies loaded from (.*)`).FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("no fact cache line in -v output:\n%s", r.stderr)
	}
	replayed, _ = strconv.Atoi(m[1])
	analysed, _ = strconv.Atoi(m[2])
	stored, _ = strconv.Atoi(m[3])
	return r.stdout, replayed, analysed, stored, m[4]
}

// copyFactCacheModule copies testdata/factcache (app imports helper,
// whose Done closes what it is given) into a new directory.
func copyFactCacheModule(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("../../testdata/factcache")
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestFactCache runs the driver cold and warm on the same module and
// cache: the warm run replays every dependency's facts, loads the
// dependencies from export data and reports the same findings; a change
// to a dependency's file is a miss for it (the dependencies are loaded
// from source again), and its new facts change the findings.
func TestFactCache(t *testing.T) {
	dir := copyFactCacheModule(t)
	cache := t.TempDir()

	cold, replayed, analysed, stored, from := cacheRun(t, dir, cache)
	if replayed != 0 || analysed == 0 || stored != analysed || !strings.HasPrefix(from, "source") {
		t.Fatalf("cold run: %d replayed, %d analysed, %d stored, loaded from %s; want 0 replayed, every analysed dependency stored, loaded from source", replayed, analysed, stored, from)
	}
	if cold != "" {
		t.Fatalf("cold run: helper.Done closes the file, yet:\n%s", cold)
	}
	deps := analysed

	warm, replayed, analysed, _, from := cacheRun(t, dir, cache)
	if warm != cold {
		t.Errorf("warm findings differ from cold:\ncold:\n%s\nwarm:\n%s", cold, warm)
	}
	if replayed != deps || analysed != 0 || from != "export data" {
		t.Errorf("warm run: %d replayed, %d analysed, loaded from %s; want %d replayed, 0 analysed, loaded from export data", replayed, analysed, from, deps)
	}

	// A setting of a check is part of every key.
	r := runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-v", "-closecheck.strict", "./app")
	if !strings.Contains(r.stderr, "0 dependencies replayed") {
		t.Errorf("-closecheck.strict: want every dependency a miss, got:\n%s", r.stderr)
	}

	// helper.Done stops closing what it is given: helper's key changes
	// (a miss), and app's file is now leaked.
	helper := filepath.Join(dir, "helper", "helper.go")
	src, err := os.ReadFile(helper)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), "\tc.Close()", "\t_ = c", 1)
	if changed == string(src) {
		t.Fatal("helper.go has no c.Close() to remove")
	}
	if err := os.WriteFile(helper, []byte(changed), 0o666); err != nil {
		t.Fatal(err)
	}
	after, replayed, analysed, stored, from := cacheRun(t, dir, cache)
	if analysed != 1 || stored != 1 || replayed != deps-1 || !strings.HasPrefix(from, "source") {
		t.Errorf("after the change: %d replayed, %d analysed, %d stored, loaded from %s; want %d replayed, 1 (helper) analysed and stored, loaded from source", replayed, analysed, stored, from, deps-1)
	}
	if !strings.Contains(after, "app/app.go:12:12: file from os.Open is not closed") {
		t.Errorf("after helper stops closing: want the file reported, got:\n%s", after)
	}
	uncached := runEnv(t, dir, []string{"LEAKVET_CACHE=off"}, binary, "./app")
	if uncached.stdout != after {
		t.Errorf("with the cache off the findings differ:\nwithout:\n%s\nwith:\n%s", uncached.stdout, after)
	}
	again, replayed, analysed, _, from := cacheRun(t, dir, cache)
	if again != after || replayed != deps || analysed != 0 || from != "export data" {
		t.Errorf("warm after the change: %d replayed, %d analysed, loaded from %s, findings:\n%s\nwant %d replayed from export data and:\n%s", replayed, analysed, from, again, deps, after)
	}
	flagOff := runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-v", "-cache=false", "./app")
	if flagOff.stdout != after || !strings.Contains(flagOff.stderr, "fact cache off") || !strings.Contains(flagOff.stderr, lazyLine) {
		t.Errorf("-cache=false: want the same findings, the cache off and every package type-checked during the analysis, got:\n%s%s", flagOff.stdout, flagOff.stderr)
	}
}

// TestFactCacheRoots: the facts of a package given to leakvet are stored
// too, so that a later run that imports it as a dependency replays them
// (and loads its dependencies from export data) instead of analysing it.
// A first run with an empty cache skips the listing that looks entries
// up, and its entries are the ones the next run finds.
func TestFactCacheRoots(t *testing.T) {
	dir := copyFactCacheModule(t)
	cache := t.TempDir()

	// app imports helper: given both, helper is analysed as a package
	// given, not as a dependency.
	r := runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-v", "-test=false", "./app", "./helper")
	if r.code != exitClean {
		t.Fatalf("leakvet ./app ./helper exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, " 2 packages given stored;") || !strings.Contains(r.stderr, "(no entry for this build and settings)") {
		t.Fatalf("./app ./helper on an empty cache: want both stored and no listing, got:\n%s", r.stderr)
	}
	r = runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-v", "-test=false", "./app")
	if !strings.Contains(r.stderr, " 0 analysed, 0 stored") || !strings.Contains(r.stderr, "loaded from export data") {
		t.Errorf("./app after ./app ./helper: want helper and the rest replayed, from export data, got:\n%s", r.stderr)
	}
	uncached := runEnv(t, dir, []string{"LEAKVET_CACHE=off"}, binary, "-test=false", "./app")
	if r.stdout != uncached.stdout {
		t.Errorf("findings differ with the cache off:\nwithout:\n%s\nwith:\n%s", uncached.stdout, r.stdout)
	}
	// Given again, helper has its entry: nothing is written.
	r = runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-v", "-test=false", "./helper")
	if !strings.Contains(r.stderr, " 0 packages given stored;") {
		t.Errorf("./helper again: want nothing stored, got:\n%s", r.stderr)
	}
}

// TestFactCacheCorrupt: an entry that is not what leakvet wrote is a
// miss: the dependency is analysed again and its entry written anew.
func TestFactCacheCorrupt(t *testing.T) {
	dir := copyFactCacheModule(t)
	cache := t.TempDir()
	cold, _, deps, _, _ := cacheRun(t, dir, cache)
	// (The packages given that are never a dependency of another run,
	// test variants, are not stored; the others are.)

	var entries []string
	filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, "-facts") {
			entries = append(entries, path)
		}
		return nil
	})
	if len(entries) != deps+rootsStored(t, dir) {
		t.Fatalf("%d entries in the cache, want %d", len(entries), deps)
	}
	// Every kind of damage: garbage, an empty file, a truncated entry,
	// and an entry that cannot be read.
	for i, e := range entries {
		var err error
		switch i % 4 {
		case 0:
			err = os.WriteFile(e, []byte("not a gob stream"), 0o666)
		case 1:
			err = os.WriteFile(e, nil, 0o666)
		case 2:
			var data []byte
			if data, err = os.ReadFile(e); err == nil {
				err = os.WriteFile(e, data[:len(data)/2], 0o666)
			}
		case 3:
			if err = os.Remove(e); err == nil {
				err = os.Mkdir(e, 0o777)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	got, replayed, analysed, _, _ := cacheRun(t, dir, cache)
	if got != cold {
		t.Errorf("findings with corrupt entries differ:\ncold:\n%s\nnow:\n%s", cold, got)
	}
	if analysed != deps || replayed != 0 {
		t.Errorf("with corrupt entries: %d replayed, %d analysed; want every one of %d analysed", replayed, analysed, deps)
	}
}

// rootsStored reads how many of the packages given to cacheRun a first
// run stored, from a run on a new cache.
func rootsStored(t *testing.T, dir string) int {
	t.Helper()
	r := runEnv(t, dir, []string{"LEAKVET_CACHE=" + t.TempDir()}, binary, "-v", "./app", "./testonly")
	m := regexp.MustCompile(` (\d+) packages given stored;`).FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("no count of the packages given stored in:\n%s", r.stderr)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestFactCacheTrim: entries and marks that no run used for more than
// trimAge are removed by the next run that trims; those a run uses are
// kept.
func TestFactCacheTrim(t *testing.T) {
	dir := copyFactCacheModule(t)
	cache := t.TempDir()
	cacheRun(t, dir, cache)
	files := func() (n int) {
		filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Base(path) != "trim.txt" {
				n++
			}
			return nil
		})
		return n
	}
	first := files()
	// Every file of the first run grows old, and trimming is due.
	old := time.Now().Add(-trimAge - time.Hour)
	filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(path, old, old)
		}
		return nil
	})
	// Another setting: none of the first run's entries is used.
	r := runEnv(t, dir, []string{"LEAKVET_CACHE=" + cache}, binary, "-closecheck.strict", "./app", "./testonly")
	if r.code != exitClean && r.code != exitFindings {
		t.Fatalf("leakvet exited %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := files(); got != first {
		t.Errorf("after a run with another setting: %d files, want the %d it wrote (the first run's %d removed)", got, first, first)
	}
	// The next run with the first setting is cold again.
	_, replayed, _, _, _ := cacheRun(t, dir, cache)
	if replayed != 0 {
		t.Errorf("after trimming: %d dependencies replayed, want 0", replayed)
	}
}
