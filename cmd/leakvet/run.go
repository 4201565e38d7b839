package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"

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
	format string // text or json
	fix    bool
	tests  bool
	tags   string
	only   []*analysis.Analyzer

	cpuprofile string
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
	opts, patterns, err := parseFlags(args, all, stdout, stderr)
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

	pkgs, err := load(patterns, opts)
	if err != nil {
		fmt.Fprintf(stderr, "leakvet: %v\n", err)
		return exitBadInput
	}

	graph, err := checker.Analyze(opts.only, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "leakvet: %v\n", err)
		return exitInternal
	}
	findings, internal := collect(graph)
	for _, msg := range internal {
		fmt.Fprintf(stderr, "leakvet: internal error: %s\n", msg)
	}

	if opts.fix {
		fixed, err := applyFixes(findings, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "leakvet: %v\n", err)
			return exitInternal
		}
		findings = slices.DeleteFunc(findings, func(f finding) bool { return fixed[f.key()] })
	}

	cwd, _ := os.Getwd()
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
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// load loads the packages and every dependency from source (the checks
// exchange facts across packages), and turns load and type errors into
// one clear error.
func load(patterns []string, opts options) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: opts.tests}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("cannot load packages: %v", err)
	}
	var msgs []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			m := e.Error()
			if !seen[m] {
				seen[m] = true
				msgs = append(msgs, m)
			}
		}
	})
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	if len(msgs) > 0 {
		const limit = 20
		more := ""
		if len(msgs) > limit {
			more = fmt.Sprintf("\n\t(and %d more)", len(msgs)-limit)
			msgs = msgs[:limit]
		}
		return nil, fmt.Errorf("packages do not load or type-check; fix these errors first:\n\t%s%s",
			strings.Join(msgs, "\n\t"), more)
	}
	return pkgs, nil
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
func collect(graph *checker.Graph) ([]finding, []string) {
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

func writeText(w io.Writer, findings []finding, cwd string) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s (%s)\n", relPosn(f.File, f.Line, f.Col, cwd), f.Message, f.Check)
	}
}

func relPosn(file string, line, col int, cwd string) string {
	if cwd != "" {
		if rel, err := filepath.Rel(cwd, file); err == nil && !strings.HasPrefix(rel, "..") {
			file = rel
		}
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}
