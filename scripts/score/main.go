// Command score joins a leakvet run's findings with the triage verdicts
// and prints the judged precision of each check.
//
// Usage:
//
//	go run ./scripts/score [-strip PREFIX] VERDICTS FINDINGS
//
// VERDICTS is one of the committed triage files:
//
//   - docs/triage/realcorpus-verdicts.tsv: "position<TAB>T|F<TAB>class<TAB>reason",
//     the position "module@version/path:line:col";
//   - docs/triage/fresh.md: its table rows "| `position` | check | TRUE|FALSE | class | reason |";
//   - docs/triage/std.md: its table rows "| n | path:line | check | TRUE|FALSE | class | reason |",
//     positions without a column (the findings' columns are dropped to match).
//
// FINDINGS is leakvet's output, one "position: message (check/category)"
// a line; -strip removes a prefix from each position first (the GOROOT's
// src/ directory for a run over std). A finding in the drained category is
// counted apart: it is FALSE by construction (the body was read to its end,
// so its connection is reused) and is reported for the documented contract.
// Findings with no verdict, other than drained ones, are listed as NEW:
// judge them before quoting a precision.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type verdict struct {
	true  bool
	class string
}

var (
	findingRE = regexp.MustCompile(`^(\S+?:\d+):(\d+): .*\((\w+)(/[\w-]+)?\)$`)
	freshRE   = regexp.MustCompile("^\\| `(\\S+?:\\d+:\\d+)` \\| \\S+ \\| (TRUE|FALSE) \\| ([^|]*)\\|")
	stdRE     = regexp.MustCompile(`^\| *\d+ \| ([^ |]+?:\d+)(?: \(non-test\))? \| [^|]+ \| (TRUE|FALSE) \| ([^|]*)\|`)
)

func main() {
	strip := flag.String("strip", "", "remove this prefix from each finding's position")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/score [-strip PREFIX] VERDICTS FINDINGS")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	verdicts, lineOnly, err := readVerdicts(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(2)
	}
	if err := score(os.Stdout, verdicts, lineOnly, flag.Arg(1), *strip); err != nil {
		fmt.Fprintln(os.Stderr, "score:", err)
		os.Exit(2)
	}
}

// readVerdicts reads a triage file; lineOnly reports that its positions
// have no column.
func readVerdicts(path string) (map[string]verdict, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	v := make(map[string]verdict)
	tsv := filepath.Ext(path) == ".tsv"
	lineOnly := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if tsv {
			p := strings.Split(line, "\t")
			if len(p) < 2 || (p[1] != "T" && p[1] != "F") {
				continue
			}
			class := ""
			if len(p) > 2 {
				class = p[2]
			}
			v[p[0]] = verdict{true: p[1] == "T", class: class}
			continue
		}
		if m := freshRE.FindStringSubmatch(line); m != nil {
			v[m[1]] = verdict{true: m[2] == "TRUE", class: strings.TrimSpace(m[3])}
		} else if m := stdRE.FindStringSubmatch(line); m != nil {
			v[m[1]] = verdict{true: m[2] == "TRUE", class: strings.TrimSpace(m[3])}
			lineOnly = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, false, err
	}
	if len(v) == 0 {
		return nil, false, fmt.Errorf("%s: no verdicts found", path)
	}
	return v, lineOnly, nil
}

type tally struct{ t, f, unjudged int }

func (c *tally) add(v verdict, ok bool) {
	switch {
	case !ok:
		c.unjudged++
	case v.true:
		c.t++
	default:
		c.f++
	}
}

func (c tally) String() string {
	s := fmt.Sprintf("n=%d TRUE=%d FALSE=%d", c.t+c.f+c.unjudged, c.t, c.f)
	if c.unjudged > 0 {
		s += fmt.Sprintf(" unjudged=%d", c.unjudged)
	}
	if c.t+c.f > 0 {
		s += fmt.Sprintf(" precision=%.2f", float64(c.t)/float64(c.t+c.f))
	}
	return s
}

func score(w *os.File, verdicts map[string]verdict, lineOnly bool, path, strip string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	byCheck := make(map[string]*tally)
	var all, test, nonTest, drained tally
	classes := make(map[string]int)
	var unjudged []string
	seen := make(map[string]bool)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \r")
		m := findingRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		pos := strings.TrimPrefix(m[1], strip)
		if !lineOnly {
			pos += ":" + m[2]
		}
		if seen[pos] {
			continue
		}
		seen[pos] = true
		check := m[3]
		v, ok := verdicts[pos]
		if m[4] == "/drained" {
			drained.add(v, ok)
			check += "/drained"
		} else {
			all.add(v, ok)
			if strings.Contains(pos, "_test.go:") {
				test.add(v, ok)
			} else {
				nonTest.add(v, ok)
			}
			if ok && !v.true {
				classes[v.class]++
			}
		}
		if byCheck[check] == nil {
			byCheck[check] = new(tally)
		}
		byCheck[check].add(v, ok)
		if !ok && m[4] != "/drained" {
			unjudged = append(unjudged, line)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	checks := make([]string, 0, len(byCheck))
	for c := range byCheck {
		checks = append(checks, c)
	}
	sort.Strings(checks)
	for _, c := range checks {
		fmt.Fprintf(w, "%-22s %v\n", c, *byCheck[c])
	}
	fmt.Fprintf(w, "%-22s %v\n", "all but drained", all)
	fmt.Fprintf(w, "%-22s %v\n", "  in test files", test)
	fmt.Fprintf(w, "%-22s %v\n", "  in other files", nonTest)
	fmt.Fprintf(w, "%-22s %v\n", "drained", drained)
	type kv struct {
		k string
		n int
	}
	var cls []kv
	for k, n := range classes {
		cls = append(cls, kv{k, n})
	}
	sort.Slice(cls, func(i, j int) bool { return cls[i].n > cls[j].n || cls[i].n == cls[j].n && cls[i].k < cls[j].k })
	for _, c := range cls {
		fmt.Fprintf(w, "FALSE class %-28s %d\n", c.k, c.n)
	}
	for _, l := range unjudged {
		fmt.Fprintln(w, "NEW", l)
	}
	return nil
}
