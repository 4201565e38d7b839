package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// The fact cache keeps, between runs of the standalone driver, the facts
// that the analyzers export about each dependency of the packages given
// to it, the standard library included, as go vet keeps its vetx files.
// A dependency whose entry is found is not analysed: its facts are
// decoded onto its objects and exported again, so that its importers see
// the facts a fresh analysis would have given them. The packages given
// to the driver are always analysed (their findings are the output).
//
// An entry's key covers everything its facts depend on: the leakvet
// executable's content, the options that can change facts (every
// analyzer flag, the configuration file, -tags, -test, the checks that
// run), the package's ID, path, module and the content of its compiled
// Go files, and the keys of its imports, recursively.

// factCacheVersion changes when the format of an entry changes.
const factCacheVersion = "leakvet-facts-1"

// factCacheDir returns the cache directory in force, or "" when the
// cache is off: $LEAKVET_CACHE (off disables it), else leakvet under the
// user's cache directory.
func factCacheDir() string {
	switch dir := os.Getenv("LEAKVET_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "leakvet")
	default:
		return dir
	}
}

// factCache is the cache for one run.
type factCache struct {
	dir  string
	base []byte // the hash of the executable and the options

	// factAnalyzers are the analyzers of the run that declare facts, by
	// name; each runs on every dependency.
	factAnalyzers map[string]*analysis.Analyzer

	// keys are the packages' keys by ID; a package that does not load
	// has none, nor has any package that imports it.
	keys map[string]string
	// entries are the entries read, by key (nil: none, or unreadable).
	entries map[string]*cacheEntry
	// fromExport says the dependencies were loaded from export data;
	// otherwise notExport says why not.
	fromExport bool
	notExport  string
	// listed is the listing that computed the keys, when the
	// dependencies could not be loaded from export data after it.
	listed []*packages.Package
	// hits are the dependencies whose facts are replayed, by their types.
	hits map[*types.Package]*cacheEntry
	// analysed are the dependencies analysed from source whose facts are
	// to be stored, by their types.
	analysed map[*types.Package]*pendingEntry
	// rootsToStore are the packages given to the driver that have a key
	// and no entry yet: they are analysed in any case, and their facts
	// are stored as a dependency's would be, for a later run that
	// imports one of them without analysing it.
	rootsToStore map[*types.Package]*pendingEntry

	stored, rootsStored, storeFailed atomic.Int64
	// marked is set once this run's mark (see markPath) is written.
	marked sync.Once
}

// cacheEntry is what the cache holds for one package: the facts each
// analyzer exported about the package and its objects.
type cacheEntry struct {
	Version string
	Facts   map[string][]cachedFact // by analyzer name
}

// cachedFact is one fact; Path is the object's path in its package
// (golang.org/x/tools/go/types/objectpath), empty for a package fact.
type cachedFact struct {
	Path string
	Fact analysis.Fact
}

// pendingEntry gathers the facts of a dependency analysed from source as
// its analyzers finish; the entry is written when the last one has.
type pendingEntry struct {
	key string
	mu  sync.Mutex
	// facts holds, by analyzer name, the facts it exported (the last
	// one exported for an object and type wins, as in the driver).
	facts map[string]*exportedFacts
	done  int
}

type exportedFacts struct {
	objects  map[objectFactKey]analysis.Fact
	order    []objectFactKey
	packages map[reflect.Type]analysis.Fact
	pkgOrder []reflect.Type
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

// newFactCache returns the cache for a run of analyzers (every analyzer
// of the run, what they require included) with opts, or nil when the
// cache is off. configPath is the configuration file in force, or "".
func newFactCache(dir string, analyzers []*analysis.Analyzer, opts options, configPath string) (*factCache, error) {
	if dir == "" {
		return nil, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(h, "\x00%s\x00tags=%s\x00test=%t\x00", factCacheVersion, opts.tags, opts.tests)
	for _, a := range opts.only {
		fmt.Fprintf(h, "check=%s\x00", a.Name)
	}
	// Every flag of every analyzer that runs, as set by the
	// configuration file and the command line (the resources a check is
	// told about change its facts).
	fc := &factCache{dir: dir, entries: map[string]*cacheEntry{}}
	var flags []string
	for _, a := range requiredClosure(analyzers) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			flags = append(flags, a.Name+"."+f.Name+"="+f.Value.String())
		})
		for _, ft := range a.FactTypes {
			gob.Register(ft)
		}
	}
	sort.Strings(flags)
	for _, f := range flags {
		fmt.Fprintf(h, "flag %s\x00", f)
	}
	if configPath != "" {
		data, _ := os.ReadFile(configPath)
		fmt.Fprintf(h, "config %s\x00%s\x00", configPath, data)
	}
	for _, v := range []string{"GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT"} {
		fmt.Fprintf(h, "env %s=%s\x00", v, os.Getenv(v))
	}
	fc.base = h.Sum(nil)
	return fc, nil
}

// setRun records the analyzers of the run (with what they require):
// those that declare facts run on every dependency.
func (fc *factCache) setRun(run []*analysis.Analyzer) {
	fc.factAnalyzers = map[string]*analysis.Analyzer{}
	for _, a := range requiredClosure(run) {
		if len(a.FactTypes) > 0 {
			fc.factAnalyzers[a.Name] = a
			for _, ft := range a.FactTypes {
				gob.Register(ft)
			}
		}
	}
}

// requiredClosure lists analyzers and what they require, directly or
// not, once each.
func requiredClosure(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		out = append(out, a)
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range analyzers {
		visit(a)
	}
	return out
}

// computeKeys sets the key of every package reachable from pkgs that
// loaded without errors, and of whose imports all have keys.
func (fc *factCache) computeKeys(pkgs []*packages.Package) {
	fc.keys = map[string]string{}
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) { all = append(all, p) })

	// The content of every compiled file, hashed in parallel.
	fileHash := make([]map[string]string, len(all))
	parallelFor(len(all), func(i int) {
		m := map[string]string{}
		for _, name := range all[i].CompiledGoFiles {
			data, err := os.ReadFile(name)
			if err != nil {
				m = nil
				break
			}
			sum := sha256.Sum256(data)
			m[name] = hex.EncodeToString(sum[:])
		}
		fileHash[i] = m
	})

	// all is in postorder: imports come before their importers.
	for i, p := range all {
		// (A package with test files only has no compiled files of its
		// own: it has a key all the same.)
		if fileHash[i] == nil || len(p.Errors) > 0 || p.IllTyped {
			continue
		}
		h := sha256.New()
		h.Write(fc.base)
		fmt.Fprintf(h, "id %s\x00path %s\x00name %s\x00", p.ID, p.PkgPath, p.Name)
		if m := p.Module; m != nil {
			fmt.Fprintf(h, "module %s@%s go%s\x00", m.Path, m.Version, m.GoVersion)
			if m.Replace != nil {
				fmt.Fprintf(h, "replace %s@%s\x00", m.Replace.Path, m.Replace.Version)
			}
		}
		for _, name := range p.CompiledGoFiles {
			fmt.Fprintf(h, "file %s %s\x00", name, fileHash[i][name])
		}
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		ok := true
		for _, path := range paths {
			k, has := fc.keys[p.Imports[path].ID]
			if !has {
				ok = false
				break
			}
			fmt.Fprintf(h, "import %s %s\x00", path, k)
		}
		if ok {
			fc.keys[p.ID] = hex.EncodeToString(h.Sum(nil))
		}
	}
}

// prefetch reads, in parallel, the entries of the packages with these
// IDs that have keys and were not read yet.
func (fc *factCache) prefetch(ids []string) {
	var keys []string
	for _, id := range ids {
		if k, ok := fc.keys[id]; ok {
			if _, read := fc.entries[k]; !read {
				keys = append(keys, k)
			}
		}
	}
	got := make([]*cacheEntry, len(keys))
	parallelFor(len(keys), func(i int) { got[i] = fc.read(keys[i]) })
	for i, k := range keys {
		fc.entries[k] = got[i]
	}
}

// assign decides, for each dependency (each package reachable from pkgs
// that isRoot rejects) that has a key, whether its facts are replayed
// (its entry was read) or it is analysed and its entry stored. An entry
// that cannot be read or decoded, or that names analyzers or fact types
// of another run, is a miss.
func (fc *factCache) assign(pkgs []*packages.Package, isRoot func(*types.Package) bool) {
	fc.hits = map[*types.Package]*cacheEntry{}
	fc.analysed = map[*types.Package]*pendingEntry{}
	fc.rootsToStore = map[*types.Package]*pendingEntry{}
	var deps, roots []*packages.Package
	var ids []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if _, ok := fc.keys[p.ID]; !ok || p.Types == nil {
			return
		}
		if isRoot(p.Types) {
			// (A test variant, or a test's main package, is given
			// with the package it tests: never a dependency alone.)
			if p.ID == p.PkgPath {
				roots = append(roots, p)
			}
		} else {
			deps = append(deps, p)
			ids = append(ids, p.ID)
		}
	})
	fc.prefetch(ids)
	// A root's entry is only looked for: the root is analysed whatever
	// it holds.
	has := make([]bool, len(roots))
	parallelFor(len(roots), func(i int) {
		_, err := os.Stat(fc.path(fc.keys[roots[i].ID]))
		has[i] = err == nil
	})
	for i, p := range roots {
		if !has[i] {
			fc.rootsToStore[p.Types] = &pendingEntry{key: fc.keys[p.ID], facts: map[string]*exportedFacts{}}
		}
	}
	for _, p := range deps {
		k := fc.keys[p.ID]
		if e := fc.entries[k]; e != nil && fc.valid(e) {
			fc.hits[p.Types] = e
		} else {
			fc.analysed[p.Types] = &pendingEntry{key: k, facts: map[string]*exportedFacts{}}
		}
	}
}

// valid reports whether every fact of e belongs to an analyzer of the
// run and is of one of its fact types.
func (fc *factCache) valid(e *cacheEntry) bool {
	for name, facts := range e.Facts {
		a := fc.factAnalyzers[name]
		if a == nil {
			return false
		}
		for _, f := range facts {
			if f.Fact == nil || !slices.ContainsFunc(a.FactTypes, func(t analysis.Fact) bool { return reflect.TypeOf(t) == reflect.TypeOf(f.Fact) }) {
				return false
			}
		}
	}
	return true
}

// markPath names the file that says entries were stored under fc.base
// (the executable and the settings): without it every entry of the run
// would be a miss, and the listing that looks them up is skipped. The
// mark is written with the first entry, so a run ended before its first
// entry leaves none, and a cache cleared by hand loses both.
func (fc *factCache) markPath() string {
	return filepath.Join(fc.dir, "runs", hex.EncodeToString(fc.base))
}

func (fc *factCache) mark() {
	fc.marked.Do(func() {
		name := fc.markPath()
		if os.MkdirAll(filepath.Dir(name), 0o777) == nil {
			// Best effort: without the mark, the next run with these
			// settings lists the packages before it looks entries up.
			_ = os.WriteFile(name, nil, 0o666)
		}
	})
}

func (fc *factCache) path(key string) string {
	return filepath.Join(fc.dir, key[:2], key+"-facts")
}

// read returns the entry under key, or nil if there is none or it
// cannot be read or decoded. An entry read is marked used (see trim).
func (fc *factCache) read(key string) (e *cacheEntry) {
	name := fc.path(key)
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	info, err := f.Stat()
	var data []byte
	if err == nil {
		data, err = io.ReadAll(f)
	}
	f.Close()
	if err != nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			e = nil
		}
	}()
	e = new(cacheEntry)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(e); err != nil || e.Version != factCacheVersion {
		return nil
	}
	touch(name, info.ModTime())
	return e
}

// The cache is trimmed as the go build cache is: a file's modification
// time says when a run last used it (refreshed at most once an hour, so
// that a warm run writes almost nothing), and once a day a run removes
// what no run used for five days. Every new build of leakvet, and every
// change of settings, starts a new set of entries; trimming keeps the
// old sets from piling up.
const (
	touchInterval = time.Hour
	trimInterval  = 24 * time.Hour
	trimAge       = 5 * 24 * time.Hour
)

// touch marks the file name, last marked at mtime, as used now.
func touch(name string, mtime time.Time) {
	if now := time.Now(); now.Sub(mtime) > touchInterval {
		// Best effort: an entry not touched is trimmed earlier and
		// computed again.
		_ = os.Chtimes(name, now, now)
	}
}

// trim removes, at most once every trimInterval, the entries, marks and
// temporary files that no run used for trimAge. It is not an error of the
// run when it fails.
func (fc *factCache) trim() {
	if fc == nil {
		return
	}
	stamp := filepath.Join(fc.dir, "trim.txt")
	if info, err := os.Stat(stamp); err == nil && time.Since(info.ModTime()) < trimInterval {
		return
	}
	if _, err := os.Stat(fc.dir); err != nil {
		return
	}
	cutoff := time.Now().Add(-trimAge)
	dirs, _ := os.ReadDir(fc.dir)
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		sub := filepath.Join(fc.dir, d.Name())
		files, _ := os.ReadDir(sub)
		for _, f := range files {
			name := f.Name()
			if !f.Type().IsRegular() || !(d.Name() == "runs" || strings.HasSuffix(name, "-facts") || strings.HasSuffix(name, ".tmp")) {
				continue
			}
			if info, err := f.Info(); err == nil && info.ModTime().Before(cutoff) {
				os.Remove(filepath.Join(sub, name))
			}
		}
	}
	// Best effort: without the stamp, the next run trims again.
	_ = os.WriteFile(stamp, nil, 0o666)
}

// write stores an entry under key, atomically (a temporary file renamed
// into place).
func (fc *factCache) write(key string, e *cacheEntry) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		return err
	}
	name := fc.path(key)
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), key+"-*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// wrap returns copies of the analyzers of a run (and of everything they
// require) whose Run, on a dependency with an entry, replays the
// entry's facts and returns its result type's zero value instead of
// analysing the package; on a dependency without one, it records the
// facts exported and stores them when the last analyzer with facts is
// done. keep are analyzers that run in any case (they read no other
// analyzer's result). Names, flags and fact types are unchanged; each
// copy hands the original Run a pass whose ResultOf is keyed by the
// originals.
func (fc *factCache) wrap(run []*analysis.Analyzer, keep map[*analysis.Analyzer]bool) []*analysis.Analyzer {
	return copyAnalyzers(run, nil, func(orig *analysis.Analyzer, pass *analysis.Pass) (any, error) {
		return fc.runOne(orig, keep[orig], pass)
	})
}

// copyAnalyzers returns copies of the analyzers of run, and of everything
// they require, each requiring pre first when pre is not nil. A copy's Run
// hands body the original analyzer and the pass, with pass.Analyzer the
// original and pass.ResultOf keyed by the originals (pre's result left
// out), so that the original Run sees the graph it was written for.
func copyAnalyzers(run []*analysis.Analyzer, pre *analysis.Analyzer, body func(orig *analysis.Analyzer, pass *analysis.Pass) (any, error)) []*analysis.Analyzer {
	copies := map[*analysis.Analyzer]*analysis.Analyzer{}
	originals := map[*analysis.Analyzer]*analysis.Analyzer{}
	var cp func(a *analysis.Analyzer) *analysis.Analyzer
	cp = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		c := *a
		copies[a] = &c
		originals[&c] = a
		c.Requires = make([]*analysis.Analyzer, 0, len(a.Requires)+1)
		if pre != nil {
			c.Requires = append(c.Requires, pre)
		}
		for _, r := range a.Requires {
			c.Requires = append(c.Requires, cp(r))
		}
		orig := a
		c.Run = func(pass *analysis.Pass) (any, error) {
			resultOf := make(map[*analysis.Analyzer]any, len(pass.ResultOf))
			for k, v := range pass.ResultOf {
				if pre != nil && k == pre {
					continue
				}
				if o, ok := originals[k]; ok {
					k = o
				}
				resultOf[k] = v
			}
			pass.ResultOf = resultOf
			pass.Analyzer = orig
			return body(orig, pass)
		}
		return &c
	}
	out := make([]*analysis.Analyzer, len(run))
	for i, a := range run {
		out[i] = cp(a)
	}
	return out
}

func (fc *factCache) runOne(a *analysis.Analyzer, keep bool, pass *analysis.Pass) (any, error) {
	// (A dependency loaded from export data has no syntax to drop.)
	if e, ok := fc.hits[pass.Pkg]; ok && !(keep && pass.TypesInfo != nil) {
		if len(a.FactTypes) > 0 {
			fc.replay(a, e, pass)
		}
		if a.ResultType == nil {
			return nil, nil
		}
		return reflect.Zero(a.ResultType).Interface(), nil
	}
	pending := fc.analysed[pass.Pkg]
	if pending == nil {
		pending = fc.rootsToStore[pass.Pkg]
	}
	if pending == nil || len(a.FactTypes) == 0 {
		return a.Run(pass)
	}
	ef := &exportedFacts{objects: map[objectFactKey]analysis.Fact{}, packages: map[reflect.Type]analysis.Fact{}}
	exportObject, exportPackage := pass.ExportObjectFact, pass.ExportPackageFact
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		exportObject(obj, fact)
		k := objectFactKey{obj, reflect.TypeOf(fact)}
		if _, ok := ef.objects[k]; !ok {
			ef.order = append(ef.order, k)
		}
		ef.objects[k] = fact
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		exportPackage(fact)
		t := reflect.TypeOf(fact)
		if _, ok := ef.packages[t]; !ok {
			ef.pkgOrder = append(ef.pkgOrder, t)
		}
		ef.packages[t] = fact
	}
	res, err := a.Run(pass)
	pending.mu.Lock()
	defer pending.mu.Unlock()
	if err != nil {
		pending.done = -1 // never stored
		return res, err
	}
	pending.facts[a.Name] = ef
	if pending.done >= 0 {
		pending.done++
	}
	if pending.done == len(fc.factAnalyzers) {
		fc.store(pass.Pkg, pending)
	}
	return res, err
}

// replay exports the facts of a's entry onto the package's objects. An
// object its path no longer names is skipped (the key covers the
// package's files, so this happens only for objects a package's
// importers cannot see).
func (fc *factCache) replay(a *analysis.Analyzer, e *cacheEntry, pass *analysis.Pass) {
	for _, f := range e.Facts[a.Name] {
		if f.Path == "" {
			pass.ExportPackageFact(f.Fact)
			continue
		}
		obj, err := objectpath.Object(pass.Pkg, objectpath.Path(f.Path))
		if err != nil {
			continue
		}
		pass.ExportObjectFact(obj, f.Fact)
	}
}

// store encodes a dependency's facts (those on objects that have a
// path: as under go vet, a fact on an object its importers cannot name
// is not kept) and writes its entry. Failing to write is not an error
// of the run.
func (fc *factCache) store(pkg *types.Package, p *pendingEntry) {
	e := &cacheEntry{Version: factCacheVersion, Facts: map[string][]cachedFact{}}
	enc := new(objectpath.Encoder)
	names := make([]string, 0, len(p.facts))
	for name := range p.facts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ef := p.facts[name]
		var facts []cachedFact
		for _, t := range ef.pkgOrder {
			facts = append(facts, cachedFact{Fact: ef.packages[t]})
		}
		for _, k := range ef.order {
			path, err := enc.For(k.obj)
			if err != nil {
				continue
			}
			facts = append(facts, cachedFact{Path: string(path), Fact: ef.objects[k]})
		}
		e.Facts[name] = facts
	}
	p.facts = nil // the driver keeps the facts; the record is done
	if err := fc.write(p.key, e); err != nil {
		fc.storeFailed.Add(1)
		return
	}
	fc.mark()
	if fc.rootsToStore[pkg] == p {
		fc.rootsStored.Add(1)
		return
	}
	fc.stored.Add(1)
}

// summary is the line -v prints about the cache.
func (fc *factCache) summary() string {
	if fc == nil {
		return "fact cache off"
	}
	from := "source"
	if fc.fromExport {
		from = "export data"
	} else if fc.notExport != "" {
		from += " (" + fc.notExport + ")"
	}
	return fmt.Sprintf("fact cache %s: %d dependencies replayed, %d analysed, %d stored%s, %d packages given stored; dependencies loaded from %s",
		fc.dir, len(fc.hits), len(fc.analysed), fc.stored.Load(), failedSuffix(fc.storeFailed.Load()), fc.rootsStored.Load(), from)
}

func failedSuffix(n int64) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d could not be written", n)
}

// loadFromExport loads the packages the way the x/tools drivers load
// them for analyzers without facts, the roots from source and their
// dependencies from export data (go list -export, from the go build
// cache), when the cache holds the facts of every dependency: nothing
// but the roots is then analysed. It first lists the packages (no
// parsing) to compute every key. It reports false, and the caller loads
// everything from source, when a package does not load, a dependency has
// no entry, or user-defined resources are given (they are resolved
// against every loaded package, which export data holds only in part).
func (fc *factCache) loadFromExport(patterns []string, opts options) ([]*packages.Package, bool) {
	if len(analyzers.CheckResources(func(string) *types.Package { return nil })) > 0 {
		fc.notExport = "user-defined resources"
		return nil, false
	}
	if info, err := os.Stat(fc.markPath()); err == nil {
		touch(fc.markPath(), info.ModTime())
	} else {
		// A first run with this build and these settings: no
		// dependency can have an entry, and listing the packages
		// to look for them (a go list of its own) is skipped.
		fc.notExport = "no entry for this build and settings"
		return nil, false
	}
	meta := listConfig(opts)
	listed, err := packages.Load(meta, patterns...)
	if err != nil || len(listed) == 0 {
		fc.notExport = "listing failed"
		return nil, false
	}
	fc.computeKeys(listed)
	rootIDs, why := fc.rootsAndDeps(listed)
	if why != "" {
		fc.notExport = why
		fc.listed = listed
		return nil, false
	}

	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule | packages.NeedExportFile, Tests: opts.tests, ParseFile: parseFile, BuildFlags: meta.BuildFlags}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil || len(roots) == 0 {
		fc.notExport = "loading from export data failed"
		return nil, false
	}
	bad := ""
	packages.Visit(roots, nil, func(p *packages.Package) {
		switch {
		case bad != "":
		case len(p.Errors) > 0 || p.IllTyped || p.Types == nil:
			bad = p.ID + " does not load from export data"
		default:
			if _, ok := fc.keys[p.ID]; !ok {
				bad = p.ID + " was not listed"
			}
		}
	})
	pkgs := coveredByTestVariants(roots)
	if bad == "" && len(pkgs) != len(rootIDs) {
		bad = "the packages differ from the listing's"
	}
	for _, p := range pkgs {
		if bad == "" && !rootIDs[p.ID] {
			bad = p.ID + " was not listed as a root"
		}
	}
	if bad == "" {
		bad = completeFromExport(roots)
	}
	if bad != "" {
		fc.notExport = bad
		return nil, false
	}
	fc.fromExport = true
	return pkgs, true
}

// rootsAndDeps returns the IDs of the packages that will be analysed as
// roots of a listing, as load chooses them, or says why the listing
// cannot be loaded from export data: a package that does not load, or a
// dependency without an entry in the cache.
func (fc *factCache) rootsAndDeps(listed []*packages.Package) (map[string]bool, string) {
	why := ""
	packages.Visit(listed, nil, func(p *packages.Package) {
		if _, has := fc.keys[p.ID]; !has && why == "" {
			why = p.ID + " does not load"
		}
	})
	if why != "" {
		return nil, why
	}
	// The dependencies are what the roots import, directly or not (a
	// package covered by its test variant and imported by none is not
	// analysed at all).
	rootIDs := map[string]bool{}
	roots := coveredByTestVariants(listed)
	for _, p := range roots {
		rootIDs[p.ID] = true
	}
	var deps []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !rootIDs[p.ID] {
			deps = append(deps, p.ID)
		}
	})
	fc.prefetch(deps)
	missing := 0
	for _, id := range deps {
		if fc.entries[fc.keys[id]] == nil {
			missing++
		}
	}
	if missing > 0 {
		return nil, fmt.Sprintf("%d dependencies not in the cache", missing)
	}
	return rootIDs, ""
}

// completeFromExport reads the whole export data of every dependency
// that go/packages left incomplete (an indirect dependency holds only
// what its importers' export data mention), and sets each dependency's
// imports to its direct imports, as type-checking it from source would:
// the checks look types up by path among a package and its imports,
// directly or not. It says why it could not, or returns "".
func completeFromExport(roots []*packages.Package) string {
	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { all = append(all, p) })
	for _, p := range all { // imports first
		if p.TypesInfo != nil || p.Types == types.Unsafe {
			continue // from source
		}
		if !p.Types.Complete() {
			if p.ExportFile == "" {
				return p.ID + " has no export data"
			}
			view := map[string]*types.Package{p.PkgPath: p.Types}
			seen := map[*packages.Package]bool{}
			var visit func(q *packages.Package)
			visit = func(q *packages.Package) {
				for _, imp := range q.Imports {
					if !seen[imp] {
						seen[imp] = true
						view[imp.PkgPath] = imp.Types
						visit(imp)
					}
				}
			}
			visit(p)
			if err := readExportData(p, view); err != nil {
				return fmt.Sprintf("reading the export data of %s: %v", p.ID, err)
			}
		}
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		imports := make([]*types.Package, 0, len(paths))
		for _, path := range paths {
			if t := p.Imports[path].Types; t != nil && t != types.Unsafe {
				imports = append(imports, t)
			}
		}
		p.Types.SetImports(imports)
	}
	return ""
}

func readExportData(p *packages.Package, view map[string]*types.Package) error {
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	// Up to Go 1.27, go list -export names an archive (it begins with
	// "!<arch>"), from which NewReader takes the export data section; Read
	// alone refuses it. go/packages reads dependencies the same way.
	r, err := gcexportdata.NewReader(f) //nolint:staticcheck // the export file is an archive until Go 1.28 (see above)
	if err != nil {
		return err
	}
	tpkg, err := gcexportdata.Read(r, p.Fset, view, p.PkgPath)
	if err != nil {
		return err
	}
	if tpkg != p.Types || !tpkg.Complete() {
		return errors.New("not the package loaded")
	}
	return nil
}

// parallelFor calls f(i) for every i in [0, n), on GOMAXPROCS goroutines,
// and returns when all calls have returned.
func parallelFor(n int, f func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
