package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
)

// parseFlags parses the command line. Every check gets a boolean flag of
// its own name and its analyzer flags as -CHECK.FLAG, as under go vet.
// fileEnabled are the checks a configuration file leaves enabled (nil:
// every check); -CHECK=false turns more off, -CHECK selects checks
// regardless of the file.
func parseFlags(args []string, all []*analysis.Analyzer, fileEnabled []*analysis.Analyzer, stdout, stderr io.Writer) (options, []string, error) {
	var opts options
	fs := flag.NewFlagSet("leakvet", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	jsonOut := fs.Bool("json", false, "print findings as JSON (the go vet -json shape)")
	sarifOut := fs.Bool("sarif", false, "print findings as SARIF 2.1.0, for code scanning (same as -format=sarif)")
	fs.StringVar(&opts.format, "format", "text", "output format: text, json or sarif")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes, then report what remains")
	fs.BoolVar(&opts.verbose, "v", false, "print how long each phase (load, analysis, output) took")
	fs.BoolVar(&opts.diff, "diff", false, "print the suggested fixes as a unified diff; change no file")
	fs.BoolVar(&opts.tests, "test", true, "also analyze test files")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags")
	fs.BoolVar(&opts.cache, "cache", true, "keep the facts of dependencies between runs in $LEAKVET_CACHE (default: leakvet in the user cache directory; LEAKVET_CACHE=off also disables it)")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "record every finding in this file and exit 0; -baseline FILE then reports only new ones")
	for _, f := range analyzers.SuiteFlags() {
		fs.Var(f.Value, f.Name, f.Usage)
	}
	fs.String("config", "", "read settings from this file instead of "+configFileName+" in the module root (applied before the flags, which override it)")
	version := fs.Bool("V", false, "print the version and exit")
	fs.StringVar(&opts.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file")
	fs.StringVar(&opts.memprofile, "memprofile", "", "write a heap profile to this file when the analysis ends (what is still held then, and every allocation)")

	enabled := map[string]*triState{}
	for _, a := range all {
		ts := new(triState)
		enabled[a.Name] = ts
		fs.Var(ts, a.Name, "enable the "+a.Name+" check (all checks run unless some are enabled by name)")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}

	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			usage(stdout, fs, all)
			return opts, nil, err
		}
		return opts, nil, err
	}
	rest := fs.Args()
	if len(rest) > 0 && rest[0] == "help" {
		if len(rest) == 1 {
			usage(stdout, fs, all)
			return opts, nil, flag.ErrHelp
		}
		for _, name := range rest[1:] {
			i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name })
			if i < 0 {
				return opts, nil, fmt.Errorf("no check named %q; checks: %s", name, names(all))
			}
			checkHelp(stdout, all[i])
		}
		return opts, nil, flag.ErrHelp
	}
	if *version {
		fmt.Fprintln(stdout, "leakvet", buildVersion())
		return opts, nil, flag.ErrHelp
	}
	if opts.writeBaseline != "" && fs.Lookup("baseline").Value.String() != "" {
		return opts, nil, fmt.Errorf("-write-baseline records every finding; it cannot be combined with -baseline")
	}
	if opts.diff && (opts.fix || *jsonOut || *sarifOut || opts.format != "text") {
		return opts, nil, fmt.Errorf("-diff prints a diff; it cannot be combined with -fix, -json or -sarif")
	}
	if *jsonOut && *sarifOut {
		return opts, nil, fmt.Errorf("-json and -sarif ask for different outputs; give one")
	}
	if *jsonOut {
		opts.format = "json"
	}
	if *sarifOut {
		opts.format = "sarif"
	}
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return opts, nil, fmt.Errorf("unknown -format %q: want text, json or sarif", opts.format)
	}

	// Same selection rule as go vet: naming checks with -NAME (or
	// -NAME=true) runs only those; -NAME=false runs all but those.
	anyTrue := false
	for _, ts := range enabled {
		if ts.set && ts.on {
			anyTrue = true
		}
	}
	for _, a := range all {
		ts := enabled[a.Name]
		switch {
		case anyTrue && ts.set && ts.on:
			opts.only = append(opts.only, a)
		case !anyTrue && !(ts.set && !ts.on) && (fileEnabled == nil || slices.Contains(fileEnabled, a)):
			opts.only = append(opts.only, a)
		}
	}
	if len(opts.only) == 0 {
		return opts, nil, fmt.Errorf("every check is disabled")
	}
	return opts, rest, nil
}

// triState is a boolean flag that remembers whether it was set.
type triState struct{ set, on bool }

func (t *triState) String() string {
	if t == nil || !t.set {
		return ""
	}
	return fmt.Sprint(t.on)
}

func (t *triState) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "1", "t":
		t.on = true
	case "false", "0", "f":
		t.on = false
	default:
		return fmt.Errorf("want true or false, got %q", s)
	}
	t.set = true
	return nil
}

func (t *triState) IsBoolFlag() bool { return true }

func names(all []*analysis.Analyzer) string {
	var ns []string
	for _, a := range all {
		ns = append(ns, a.Name)
	}
	return strings.Join(ns, ", ")
}

func usage(w io.Writer, fs *flag.FlagSet, all []*analysis.Analyzer) {
	fmt.Fprint(w, `leakvet reports resource leaks in Go packages.

Usage:
  leakvet [flags] packages...        for example: leakvet ./...
  leakvet help CHECK                 full documentation of one check
  go vet -vettool=$(command -v leakvet) ./...
  go fix -fixtool=$(command -v leakvet) ./...

Checks:
`)
	for _, a := range all {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %-15s %s\n", a.Name, strings.TrimPrefix(summary, a.Name+": "))
	}
	fmt.Fprint(w, `
Every check runs by default. -CHECK runs only the named checks; -CHECK=false
runs all checks but those.

Flags:
`)
	fs.VisitAll(func(f *flag.Flag) {
		def := ""
		if f.DefValue != "" && f.DefValue != "false" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  -%s\n    \t%s%s\n", f.Name, f.Usage, def)
	})
	fmt.Fprint(w, `
Suppressing a finding:
  //nolint:leakvet                  on the reported line, or alone on the line above
  //nolint:httpbody,sqlclose        only the named checks
  //nolint:sqlclose/rowserr         only one category of a check (printed after each finding)
  //nolint:bodyclose, sqlclosecheck aliases of httpbody and sqlclose

Fact cache:
  The facts computed about each dependency (the standard library included)
  are kept between runs in $LEAKVET_CACHE, else leakvet in the user cache
  directory; the next run analyses only the packages given, and loads the
  dependencies from export data when all of theirs are cached. The key
  covers the leakvet binary, the settings, -tags, -test, the checks run,
  and each package's files and imports. The packages given are stored too.
  Entries no run used for five days are removed. -cache=false or
  LEAKVET_CACHE=off turns it off; deleting the directory clears it.

Adopting on an existing code base:
  leakvet -write-baseline leakvet.baseline ./...   record today's findings
  leakvet -baseline leakvet.baseline ./...         report only new ones

Exit codes:
  0  no findings
  1  findings were reported
  2  bad flags, or packages that do not load or type-check (the others
     are still analysed and their findings printed)
  3  internal error in leakvet (please report it)
`)
}

func checkHelp(w io.Writer, a *analysis.Analyzer) {
	fmt.Fprintf(w, "%s\n\n", a.Doc)
	if a.URL != "" {
		fmt.Fprintf(w, "Documentation: %s\n", a.URL)
	}
	first := true
	a.Flags.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprintln(w, "\nFlags:")
			first = false
		}
		fmt.Fprintf(w, "  -%s.%s\n    \t%s\n", a.Name, f.Name, f.Usage)
	})
}
