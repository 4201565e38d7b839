package main

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Exit codes. They are part of the command's interface: CI scripts read them.
const (
	exitClean    = 0 // no findings
	exitFindings = 1 // at least one finding was reported (or fixed, with -fix)
	exitBadInput = 2 // bad flags, or packages that fail to load or type-check
	exitInternal = 3 // leakvet itself failed; please report it
)

type options struct {
	format  string // text or json
	fix     bool
	verbose bool // print each phase's time at the end
	diff    bool // print the fixes as a unified diff instead of applying them
	tests   bool
	tags    string
	cache   bool // keep dependencies' facts between runs (factcache.go)
	only    []*analysis.Analyzer

	// writeBaseline names the file to record every finding in.
	writeBaseline string

	cpuprofile string
	memprofile string
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "leakvet: internal error: %v\n", r)
			fmt.Fprintln(stderr, "leakvet: this is a bug in leakvet; please report it with the package that triggers it")
			if os.Getenv("LEAKVET_DEBUG") != "" {
				stderr.Write(debug.Stack())
			}
			code = exitInternal
		}
	}()

	all := analyzers.All()
	cwd, _ := os.Getwd()
	fileEnabled, err := applyConfigFile(args, cwd, all)
	if err != nil {
		fmt.Fprintf(stderr, "leakvet: %v\n", err)
		return exitBadInput
	}
	opts, patterns, err := parseFlags(args, all, fileEnabled, stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitClean
	}
	if err != nil {
		fmt.Fprintf(stderr, "leakvet: %v\n", err)
		fmt.Fprintln(stderr, "run 'leakvet -help' for usage")
		return exitBadInput
	}
	if len(patterns) == 0 {
		fmt.Fprintln(stderr, "leakvet: no packages given; for example: leakvet ./...")
		fmt.Fprintln(stderr, "run 'leakvet -help' for usage")
		return exitBadInput
	}

	if opts.cpuprofile != "" {
		f, err := os.Create(opts.cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitBadInput
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitInternal
		}
		defer pprof.StopCPUProfile()
	}

	tm := &timings{start: time.Now()}
	if opts.verbose {
		defer tm.print(stderr)
	}
	// A progress line on a terminal, for text output only (a -json or
	// -sarif run is read by programs).
	var prog *progress
	if opts.format == "text" && isTerminal(stderr) {
		prog = startProgress(stderr, tm.start, 250*time.Millisecond)
	}

	var fc *factCache
	if opts.cache {
		fc, err = newFactCache(factCacheDir(), opts.only, opts, findConfigFile(configFlag(args), cwd))
		if err != nil && opts.verbose {
			fmt.Fprintf(stderr, "leakvet: fact cache off: %v\n", err)
		}
	}
	if opts.verbose {
		defer func() { fmt.Fprintf(stderr, "leakvet: %s\n", fc.summary()) }()
	}
	restoreGC := collectAfterLoad()
	pkgs, lz, loadErr, err := load(patterns, opts, fc)
	restoreGC()
	tm.done("load")
	if opts.verbose {
		defer func() {
			if failed, _ := lz.Failed(); lz != nil && !failed {
				fmt.Fprintf(stderr, "leakvet: %s\n", lazyLine)
			}
		}()
	}
	if err != nil {
		prog.finish()
		fmt.Fprintf(stderr, "leakvet: %v\n", err)
		return exitBadInput
	}
	if lz == nil {
		if errs := checkResources(pkgs); len(errs) > 0 {
			prog.finish()
			for _, err := range errs {
				fmt.Fprintf(stderr, "leakvet: -closecheck.resources: %v\n", err)
			}
			return exitBadInput
		}
	}

	var findings []finding
	var internal []string
	if len(pkgs) > 0 {
		restoreGC := collectLessWhileLazy(lz)
		graph, err := analyse(pkgs, lz, opts, fc, prog)
		restoreGC()
		if failed, why := lz.Failed(); failed {
			// A package does not parse or type-check: load everything
			// with go/packages, which reports the errors, and analyse
			// what loads.
			if opts.verbose {
				fmt.Fprintf(stderr, "leakvet: lazy load stopped (%s); loading every package first\n", why)
			}
			if fc != nil {
				fc.keys = nil
			}
			restoreGC := collectAfterLoad()
			pkgs, loadErr, err = loadSource(patterns, opts)
			restoreGC()
			if err != nil {
				prog.finish()
				fmt.Fprintf(stderr, "leakvet: %v\n", err)
				return exitBadInput
			}
			if errs := checkResources(pkgs); len(errs) > 0 {
				prog.finish()
				for _, err := range errs {
					fmt.Fprintf(stderr, "leakvet: -closecheck.resources: %v\n", err)
				}
				return exitBadInput
			}
			graph = nil
			if len(pkgs) > 0 {
				graph, err = analyse(pkgs, nil, opts, fc, prog)
			}
		}
		prog.finish()
		if err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitInternal
		}
		if graph != nil {
			findings, internal = collect(graph, opts.writeBaseline != "")
		}
		if opts.memprofile != "" {
			if err := writeHeapProfile(opts.memprofile); err != nil {
				fmt.Fprintf(stderr, "leakvet: %v\n", err)
				return exitInternal
			}
			runtime.KeepAlive(graph)
		}
	}
	prog.finish()
	fc.trim()
	tm.done("analysis")
	defer tm.done("output")
	if loadErr != nil {
		// The packages that load are still analysed: their findings are
		// printed, and the exit code says the run was incomplete.
		fmt.Fprintf(stderr, "leakvet: %v\n", loadErr)
	}
	for _, msg := range internal {
		fmt.Fprintf(stderr, "leakvet: internal error: %s\n", msg)
	}

	if opts.writeBaseline != "" {
		var fps []string
		for _, f := range findings {
			fps = append(fps, f.Fingerprint)
		}
		if err := os.WriteFile(opts.writeBaseline, analyzers.FormatBaseline(fps), 0o666); err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitBadInput
		}
		fmt.Fprintf(stderr, "leakvet: recorded %d findings in %s\n", len(fps), opts.writeBaseline)
		switch {
		case len(internal) > 0:
			return exitInternal
		case loadErr != nil:
			return exitBadInput
		}
		return exitClean
	}

	if opts.diff {
		if err := diffFixes(findings, cwd, stdout, stderr); err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitInternal
		}
		switch {
		case len(internal) > 0:
			return exitInternal
		case loadErr != nil:
			return exitBadInput
		case len(findings) > 0:
			return exitFindings
		}
		return exitClean
	}

	if opts.fix {
		fixed, changed, err := applyFixes(findings, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitInternal
		}
		findings = slices.DeleteFunc(findings, func(f finding) bool { return fixed[f.key()] })
		if changed && len(findings) > 0 {
			// The fixes moved lines: analyse the fixed files again so
			// that what remains is reported where it now is.
			again, againInternal, err := reanalyse(patterns, opts)
			if err != nil {
				fmt.Fprintf(stderr, "leakvet: after applying the fixes: %v\n", err)
				return exitInternal
			}
			findings = again
			internal = append(internal, againInternal...)
		}
	}

	switch opts.format {
	case "json":
		err = writeJSON(stdout, findings)
	case "sarif":
		err = writeSARIF(stdout, findings, opts.only, sarifRoot(cwd))
	default:
		writeText(stdout, findings, cwd)
	}
	if err != nil {
		fmt.Fprintf(stderr, "leakvet: writing output: %v\n", err)
		return exitInternal
	}
	switch {
	case len(internal) > 0:
		return exitInternal
	case loadErr != nil:
		return exitBadInput
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// analyse runs the checks on pkgs; lz, when not nil, is the lazy load
// that listed them (see lazyload.go).
func analyse(pkgs []*packages.Package, lz *lazyLoader, opts options, fc *factCache, prog *progress) (*checker.Graph, error) {
	checks := opts.only
	if prog != nil {
		var total int
		checks, total = prog.counting(checks, pkgs)
		prog.analysing(total)
	}
	// The SSA form of each package is freed once its checks are done:
	// the driver keeps every result until the run ends.
	roots := map[*types.Package]bool{}
	for _, p := range pkgs {
		roots[p.Types] = true
	}
	isRoot := func(p *types.Package) bool { return roots[p] }
	run := append(slices.Clip(checks), analyzers.ReleaseSSA(checks, isRoot)...)
	// A dependency's syntax and type information are dropped once
	// its analyzers are done: importers read only its types and
	// facts.
	keep := map[*analysis.Analyzer]bool{}
	if a := analyzers.ReleaseSyntax(run, isRoot); a != nil {
		run = append(run, a)
		keep[a] = true
	}
	if fc != nil {
		if fc.keys == nil {
			fc.computeKeys(pkgs)
		}
		fc.setRun(run)
		fc.assign(pkgs, isRoot)
		run = fc.wrap(run, keep)
	}
	if lz != nil {
		run = lz.wrap(run)
	}
	return checker.Analyze(run, pkgs, nil)
}

// reanalyse loads and analyses the packages again, after fixes were
// written, and returns the findings as they are now. A package that loaded
// before and does not now means a fix broke it: that is leakvet's error.
func reanalyse(patterns []string, opts options) ([]finding, []string, error) {
	pkgs, loadErr, err := loadSource(patterns, opts)
	if err != nil {
		return nil, nil, err
	}
	if loadErr != nil {
		return nil, nil, loadErr
	}
	if len(pkgs) == 0 {
		return nil, nil, nil
	}
	graph, err := checker.Analyze(opts.only, pkgs, nil)
	if err != nil {
		return nil, nil, err
	}
	findings, internal := collect(graph, false)
	return findings, internal, nil
}

// load loads the packages given: when the fact cache fc holds the facts
// of every dependency, the dependencies from export data (see
// factCache.loadFromExport); else, when every package lists without
// errors, lazily (lz is then the loader: see lazyload.go); else every
// package from source (see loadSource).
func load(patterns []string, opts options, fc *factCache) (pkgs []*packages.Package, lz *lazyLoader, loadErr, err error) {
	var listed []*packages.Package
	if fc != nil {
		if pkgs, ok := fc.loadFromExport(patterns, opts); ok {
			return pkgs, nil, nil, nil
		}
		listed = fc.listed
	}
	if pkgs, lz, _ := loadLazily(patterns, opts, listed); lz != nil {
		return pkgs, lz, nil, nil
	}
	if fc != nil {
		fc.keys = nil // the listing's packages are not the ones loaded
	}
	pkgs, loadErr, err = loadSource(patterns, opts)
	return pkgs, nil, loadErr, err
}

// loadSource loads the packages and every dependency from source (the
// checks exchange facts across packages). Packages that do not load or
// type-check, and roots that import one, are left out: it returns the
// rest, and the errors as one clear error (loadErr). err is for a
// failure that leaves nothing to analyse.
func loadSource(patterns []string, opts options) (pkgs []*packages.Package, loadErr, err error) {
	// (The module is part of each package's key in the fact cache.)
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: opts.tests, ParseFile: parseFile}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot load packages: %v", err)
	}
	if len(roots) == 0 {
		return nil, nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	var msgs []string
	seen := map[string]bool{}
	broken := map[*packages.Package]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			m := e.Error()
			if !seen[m] {
				seen[m] = true
				msgs = append(msgs, m)
			}
		}
		// Visit calls post after every import: a package is broken if it
		// or anything it imports has errors.
		bad := len(p.Errors) > 0 || p.IllTyped
		for _, imp := range p.Imports {
			bad = bad || broken[imp]
		}
		if bad {
			broken[p] = true
		}
	})
	var skipped []string
	for _, p := range roots {
		if broken[p] {
			if !slices.Contains(skipped, p.ID) {
				skipped = append(skipped, p.ID)
			}
			continue
		}
		pkgs = append(pkgs, p)
	}
	pkgs = coveredByTestVariants(pkgs)
	if len(msgs) > 0 || len(skipped) > 0 {
		const limit = 20
		more := ""
		if len(msgs) > limit {
			more = fmt.Sprintf("\n\t(and %d more)", len(msgs)-limit)
			msgs = msgs[:limit]
		}
		msg := fmt.Sprintf("packages do not load or type-check:\n\t%s%s", strings.Join(msgs, "\n\t"), more)
		if len(skipped) > 0 {
			msg += fmt.Sprintf("\nleakvet: not analysed (they or their imports have errors): %s", strings.Join(skipped, ", "))
		}
		loadErr = errors.New(msg)
	}
	return pkgs, loadErr, nil
}

// collectAfterLoad turns the garbage collector off for the load and
// returns the function that turns it back on at the percentage in force
// before. go/packages keeps every package it parses and type-checks
// until the load ends, so a collection during the load marks a heap that
// only grows: on group 4 of the real-world corpus with tests and an
// empty fact cache, fourteen of the fifteen collections of a run were
// the load's, marking what they could not free. Without them the heap
// at the end of the load is what it would have grown to by the next
// collection anyway, about twice what it holds live (the default GOGC
// lets the heap reach twice the live heap); the first collection after
// the load frees the load's garbage. A GOGC in the environment is the
// user's choice and is left alone.
func collectAfterLoad() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	before := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(before) }
}

// lazyGCPercent is the collector's percentage while a lazy load type-checks
// and analyses: each dependency's syntax and types.Info go as soon as its
// checks are done, so the heap stays a fraction of what a whole load
// holds, and letting it grow to three times what is live instead of twice
// buys fewer collections with that room (see docs/benchmarks.md).
const lazyGCPercent = 200

// collectLessWhileLazy sets the collector's percentage to lazyGCPercent
// for the analysis of a lazy load (lz not nil) and returns the function
// that restores the one in force before. A GOGC in the environment is
// the user's choice and is left alone.
func collectLessWhileLazy(lz *lazyLoader) (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set || lz == nil {
		return func() {}
	}
	before := debug.SetGCPercent(lazyGCPercent)
	return func() { debug.SetGCPercent(before) }
}

// parseFile parses a file as go/packages does by default, without
// resolving identifiers to ast.Objects: the type checker and every check
// resolve names through types.Info, and the objects, the scopes and the
// unresolved lists of every file of every package, dependencies and the
// standard library included, would stay live until the run ends.
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

// checkResources checks the user-defined resources against every loaded
// package (roots and dependencies).
func checkResources(pkgs []*packages.Package) []error {
	byPath := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			byPath[p.PkgPath] = p.Types
		}
	})
	return analyzers.CheckResources(func(path string) *types.Package { return byPath[path] })
}

// finding is one diagnostic of a root package, with positions resolved.
type finding struct {
	Check    string
	Category string
	Posn     string // file:line:col
	File     string
	Line     int
	Col      int
	EndLine  int
	EndCol   int
	Message  string
	Related  []related
	Fixes    []fix
	// Fingerprint identifies the finding in a baseline (see
	// analyzers.Fingerprint); set only when a baseline is being written.
	Fingerprint string
}

type related struct {
	Posn    string
	File    string
	Line    int
	Col     int
	Message string
}

type fix struct {
	Message string
	Edits   []edit
}

type edit struct {
	File       string
	Start, End int // byte offsets
	New        string
}

func (f finding) key() string { return f.Check + "\x00" + f.Posn + "\x00" + f.Message }

// collect gathers the root diagnostics, once each (a package and its test
// variant report the same finding), in a stable order.
func collect(graph *checker.Graph, fingerprints bool) ([]finding, []string) {
	var out []finding
	var internal []string
	seen := map[string]bool{}
	for act := range graph.All() {
		if act.Err != nil && act.IsRoot {
			internal = append(internal, fmt.Sprintf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err))
			continue
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			p := fset.Position(d.Pos)
			if d.Category == "internal" {
				// Every lifetime check relays the engine's own failures;
				// they are leakvet's errors, not the user's findings.
				msg := p.String() + ": " + d.Message
				if !seen[msg] {
					seen[msg] = true
					internal = append(internal, msg)
				}
				continue
			}
			end := p
			if d.End.IsValid() {
				end = fset.Position(d.End)
			}
			f := finding{
				Check: act.Analyzer.Name, Category: d.Category,
				Posn: p.String(), File: p.Filename, Line: p.Line, Col: p.Column,
				EndLine: end.Line, EndCol: end.Column, Message: d.Message,
			}
			for _, r := range d.Related {
				rp := fset.Position(r.Pos)
				f.Related = append(f.Related, related{Posn: rp.String(), File: rp.Filename, Line: rp.Line, Col: rp.Column, Message: r.Message})
			}
			for _, sf := range d.SuggestedFixes {
				fx := fix{Message: sf.Message}
				for _, te := range sf.TextEdits {
					start := fset.Position(te.Pos)
					stop := start
					if te.End.IsValid() {
						stop = fset.Position(te.End)
					}
					fx.Edits = append(fx.Edits, edit{File: start.Filename, Start: start.Offset, End: stop.Offset, New: string(te.NewText)})
				}
				f.Fixes = append(f.Fixes, fx)
			}
			if fingerprints {
				f.Fingerprint = fingerprint(act, d)
			}
			if !seen[f.key()] {
				seen[f.key()] = true
				out = append(out, f)
			}
		}
	}
	slices.SortFunc(out, func(a, b finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		if c := strings.Compare(a.Check, b.Check); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	slices.Sort(internal)
	return out, internal
}

// fingerprint is d's fingerprint for a baseline.
func fingerprint(act *checker.Action, d analysis.Diagnostic) string {
	fset := act.Package.Fset
	name := fset.Position(d.Pos).Filename
	for _, file := range act.Package.Syntax {
		if file.FileStart <= d.Pos && d.Pos <= file.FileEnd {
			src, err := os.ReadFile(name)
			if err != nil {
				return ""
			}
			return analyzers.Fingerprint(fset, file, src, act.Package.Types.Path(), act.Analyzer.Name, d.Category, d.Pos, d.End)
		}
	}
	return ""
}

// writeText prints one line a finding: position, message, and the check
// with its category, which //nolint:CHECK/CATEGORY names.
func writeText(w io.Writer, findings []finding, cwd string) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s (%s)\n", relPosn(f.File, f.Line, f.Col, cwd), f.Message, checkCategory(f))
	}
}

func checkCategory(f finding) string {
	if f.Category == "" {
		return f.Check
	}
	return f.Check + "/" + f.Category
}

func relPosn(file string, line, col int, cwd string) string {
	if cwd != "" {
		if rel, err := filepath.Rel(cwd, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = rel
		}
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// writeHeapProfile writes a heap profile to path, after a collection, so
// that its in-use figures are what the run still holds.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// coveredByTestVariants leaves out each package that another of pkgs
// compiles, under the same package path, from a strict superset of its
// files: with tests, the variant that go test builds from the package's
// files and its in-package test files. That variant is analysed in its
// place, as go vet does; analysing both would repeat every check on the
// shared files and build their SSA twice. Where another package imports
// it, the package is still analysed as a dependency, for its facts.
func coveredByTestVariants(pkgs []*packages.Package) []*packages.Package {
	byPath := map[string][]*packages.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = append(byPath[p.PkgPath], p)
	}
	covered := func(p *packages.Package) bool {
		for _, q := range byPath[p.PkgPath] {
			if q != p && len(q.CompiledGoFiles) > len(p.CompiledGoFiles) && containsAll(q.CompiledGoFiles, p.CompiledGoFiles) {
				return true
			}
		}
		return false
	}
	return slices.DeleteFunc(slices.Clone(pkgs), covered)
}

func containsAll(set, sub []string) bool {
	in := make(map[string]bool, len(set))
	for _, f := range set {
		in[f] = true
	}
	for _, f := range sub {
		if !in[f] {
			return false
		}
	}
	return true
}
