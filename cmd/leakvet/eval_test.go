package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The held-out evaluation corpus (testdata/eval, its own module) is
// realistic service and library code with the ground truth written next
// to it: every real leak carries a "// eval:leak CHECK" comment on the
// line where leakvet must report it: the acquiring call (for rows.Err, the
// rows.Next loop), the go statement of a goroutine that never finishes,
// the name of a package-level container that grows without bound (or, for
// a container declared in another package, the statement that grows it).
// Correct code carries nothing. TestEval runs leakvet over the
// corpus the way a user does and scores every finding against those
// markers. docs/eval.md describes the method and the current numbers.

type evalBar struct {
	check             string
	precision, recall float64
	// floor, when set, is what the check measures today while it is
	// short of the bar: the test fails below the floor (a regression) and
	// reports the bar as not met above it. docs/eval.md says why.
	floor *evalFloor
}

type evalFloor struct{ precision, recall float64 }

// evalBars are the precision and recall each check must reach on the
// corpus.
var evalBars = []evalBar{
	{"httpbody", 0.95, 0.90, nil},
	{"sqlclose", 0.95, 0.90, nil},
	{"closecheck", 0.95, 0.90, nil},
	{"goroutineleak", 0.95, 0.80, nil},
	{"unboundedcache", 0.95, 0.85, nil},
}

// evalKinds are the things a marker can name: the checks, and sqlclose's
// rowserr category, scored on its own.
var evalKinds = []string{"httpbody", "sqlclose", "closecheck", "rowserr", "goroutineleak", "unboundedcache"}

// minEvalCases guards the corpus itself: each check has at least this
// many cases.
const minEvalCases = 60

var markerRE = regexp.MustCompile(`^//\s*eval:leak\s+(\S+)\s*$`)

// evalSite is a line of the corpus that a marker or a finding names.
type evalSite struct {
	file string // slash-separated, relative to the corpus root
	line int
	kind string // one of evalKinds
}

func (s evalSite) String() string { return fmt.Sprintf("%s:%d", s.file, s.line) }

// evalCorpus is what the corpus says about itself.
type evalCorpus struct {
	markers map[evalSite]bool
	// funcs maps file to the functions declared in it, for naming a line.
	funcs map[string][]evalFunc
	// cases counts the cases per check directory: functions, and for
	// unboundedcache package-level variables; leakCases counts, per kind,
	// the cases with at least one marker of that kind.
	cases, leakCases map[string]int
}

type evalFunc struct {
	name       string
	start, end int
}

// funcAt names the function declared around line of file.
func (c *evalCorpus) funcAt(file string, line int) string {
	for _, f := range c.funcs[file] {
		if f.start <= line && line <= f.end {
			return f.name
		}
	}
	return "(top level)"
}

// readEvalCorpus parses every Go file of the corpus for markers and cases.
// Every function of a check's directory (httpbody/, sqlclose/, ...) is a
// case, and in unboundedcache/ every package-level variable, except in the
// support.go files that hold the types and helpers the cases use;
// internal/ holds the helpers shared across packages.
func readEvalCorpus(t *testing.T, root string) *evalCorpus {
	t.Helper()
	c := &evalCorpus{
		markers:   map[evalSite]bool{},
		funcs:     map[string][]evalFunc{},
		cases:     map[string]int{},
		leakCases: map[string]int{},
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		lines := strings.Split(string(src), "\n")
		var fileMarkers []evalSite
		for _, cg := range f.Comments {
			for _, cm := range cg.List {
				if !strings.Contains(cm.Text, "eval:") {
					continue
				}
				m := markerRE.FindStringSubmatch(cm.Text)
				pos := fset.Position(cm.Pos())
				if m == nil {
					t.Errorf("%s:%d: malformed marker %q (want // eval:leak CHECK)", rel, pos.Line, cm.Text)
					continue
				}
				if !slices.Contains(evalKinds, m[1]) {
					t.Errorf("%s:%d: marker names %q, want one of %v", rel, pos.Line, m[1], evalKinds)
					continue
				}
				if strings.TrimSpace(lines[pos.Line-1][:pos.Column-1]) == "" {
					t.Errorf("%s:%d: marker alone on its line; it belongs at the end of the acquiring line", rel, pos.Line)
					continue
				}
				c.markers[evalSite{rel, pos.Line, m[1]}] = true
				fileMarkers = append(fileMarkers, evalSite{rel, pos.Line, m[1]})
			}
		}
		// A marker sits where findings point: on the line where the
		// acquiring call (or the rows.Next loop) begins, where the go
		// statement begins, or where the growing variable is named.
		callLines, goLines, varLines, stmtLines := map[int]bool{}, map[int]bool{}, map[int]bool{}, map[int]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				callLines[fset.Position(n.Pos()).Line] = true
			case *ast.GoStmt:
				goLines[fset.Position(n.Pos()).Line] = true
			case ast.Stmt:
				stmtLines[fset.Position(n.Pos()).Line] = true
			}
			return true
		})
		var pkgVars []evalFunc
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					line := fset.Position(name.Pos()).Line
					varLines[line] = true
					pkgVars = append(pkgVars, evalFunc{name: name.Name, start: line, end: line})
				}
			}
		}
		for _, m := range fileMarkers {
			switch m.kind {
			case "goroutineleak":
				if !goLines[m.line] {
					t.Errorf("%s: goroutineleak marker on a line where no go statement begins", m)
				}
			case "unboundedcache":
				if !varLines[m.line] && !stmtLines[m.line] {
					t.Errorf("%s: unboundedcache marker neither on a package-level variable's name nor on a statement", m)
				}
			default:
				if !callLines[m.line] {
					t.Errorf("%s: marker on a line where no call begins; put it on the first line of the acquiring call", m)
				}
			}
		}
		top, _, _ := strings.Cut(rel, "/")
		_, isCheckDir := evalBarFor(top)
		isCaseFile := isCheckDir && filepath.Base(rel) != "support.go"
		if top == "unboundedcache" {
			// Its cases are the package-level variables; the functions
			// are what writes them.
			if isCaseFile {
				c.cases[top] += len(pkgVars)
				for _, v := range pkgVars {
					if slices.Contains(fileMarkers, evalSite{rel, v.start, top}) {
						c.leakCases[top]++
					}
				}
			}
			isCaseFile = false
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ef := evalFunc{name: funcName(fd), start: fset.Position(fd.Pos()).Line, end: fset.Position(fd.End()).Line}
			c.funcs[rel] = append(c.funcs[rel], ef)
			if !isCaseFile {
				continue
			}
			c.cases[top]++
			for _, kind := range evalKinds {
				if slices.ContainsFunc(fileMarkers, func(m evalSite) bool {
					return m.kind == kind && ef.start <= m.line && m.line <= ef.end
				}) {
					c.leakCases[kind]++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func evalBarFor(check string) (evalBar, bool) {
	for _, bar := range evalBars {
		if bar.check == check {
			return bar, true
		}
	}
	return evalBar{}, false
}

func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	if ix, ok := typ.(*ast.IndexExpr); ok {
		typ = ix.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// evalFinding is one reported diagnostic, reduced to where it points.
type evalFinding struct {
	site     evalSite
	category string
	message  string
}

// readEvalFindings decodes leakvet -json output ({"file": {"check":
// [diagnostics]}}) into the findings that are scored: categories leak and
// deferinloop of the three lifetime checks, sqlclose's rowserr, and every
// finding of goroutineleak and unboundedcache. Other categories (strict is
// off by default) are not part of the evaluation.
func readEvalFindings(t *testing.T, out, root string) (scored []evalFinding, ignored int) {
	t.Helper()
	var tree map[string]map[string][]struct {
		Category string `json:"category"`
		Posn     string `json:"posn"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("decoding leakvet -json output: %v\n%s", err, out)
	}
	for _, byCheck := range tree {
		for check, diags := range byCheck {
			if _, scored := evalBarFor(check); !scored {
				ignored += len(diags)
				continue
			}
			for _, d := range diags {
				kind := check
				switch {
				case check == "sqlclose" && d.Category == "rowserr":
					kind = "rowserr"
				case check == "goroutineleak" || check == "unboundedcache":
				case d.Category == "leak" || d.Category == "deferinloop":
				default:
					ignored++
					continue
				}
				file, line := splitPosn(t, d.Posn)
				rel, err := filepath.Rel(root, file)
				if err != nil {
					t.Fatalf("finding outside the corpus: %s", d.Posn)
				}
				scored = append(scored, evalFinding{
					site:     evalSite{filepath.ToSlash(rel), line, kind},
					category: d.Category,
					message:  d.Message,
				})
			}
		}
	}
	return scored, ignored
}

// splitPosn splits "file:line:col" (file may itself contain colons).
func splitPosn(t *testing.T, posn string) (string, int) {
	t.Helper()
	i := strings.LastIndexByte(posn, ':')
	j := strings.LastIndexByte(posn[:max(i, 0)], ':')
	if i < 0 || j < 0 {
		t.Fatalf("malformed position %q", posn)
	}
	line, err := strconv.Atoi(posn[j+1 : i])
	if err != nil {
		t.Fatalf("malformed position %q", posn)
	}
	file := posn[:j]
	if !filepath.IsAbs(file) {
		t.Fatalf("position %q is not absolute", posn)
	}
	return file, line
}

// evalScore is the outcome for one kind.
type evalScore struct {
	kind       string
	tp, fp, fn int
	fps        []evalFinding
	fns        []evalSite
}

func (s evalScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s evalScore) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func scoreEval(c *evalCorpus, findings []evalFinding) map[string]*evalScore {
	scores := map[string]*evalScore{}
	for _, k := range evalKinds {
		scores[k] = &evalScore{kind: k}
	}
	// Several findings on one line (two messages for one acquisition)
	// count once.
	found := map[evalSite][]evalFinding{}
	for _, f := range findings {
		found[f.site] = append(found[f.site], f)
	}
	for site, fs := range found {
		s := scores[site.kind]
		if c.markers[site] {
			s.tp++
		} else {
			s.fp++
			s.fps = append(s.fps, fs...)
		}
	}
	for site := range c.markers {
		if _, ok := found[site]; !ok {
			s := scores[site.kind]
			s.fn++
			s.fns = append(s.fns, site)
		}
	}
	for _, s := range scores {
		slices.SortFunc(s.fps, func(a, b evalFinding) int { return compareSites(a.site, b.site) })
		slices.SortFunc(s.fns, compareSites)
	}
	return scores
}

func compareSites(a, b evalSite) int {
	if c := strings.Compare(a.file, b.file); c != 0 {
		return c
	}
	return a.line - b.line
}

func TestEval(t *testing.T) {
	if testing.Short() {
		t.Skip("the evaluation corpus loads pgx and sqlx; skipped in -short mode")
	}
	root, err := filepath.Abs("../../testdata/eval")
	if err != nil {
		t.Fatal(err)
	}
	corpus := readEvalCorpus(t, root)
	for _, bar := range evalBars {
		if n := corpus.cases[bar.check]; n < minEvalCases {
			t.Errorf("corpus has %d %s cases, want at least %d", n, bar.check, minEvalCases)
		}
	}

	// rowserr is off by default; the corpus scores it on its own.
	r := runIn(t, root, binary, "-json", "-sqlclose.rowserr=true", "./...")
	if r.code != exitClean && r.code != exitFindings {
		t.Fatalf("leakvet -json ./... exited %d\nstderr:\n%s", r.code, r.stderr)
	}
	findings, ignored := readEvalFindings(t, r.stdout, root)
	scores := scoreEval(corpus, findings)

	var report strings.Builder
	fmt.Fprintf(&report, "\n%-14s %6s %6s %8s %5s %5s %5s %10s %8s  %s\n",
		"check", "cases", "leaky", "markers", "TP", "FP", "FN", "precision", "recall", "bar")
	for _, k := range evalKinds {
		s := scores[k]
		cases, bar := "-", "(reported only)"
		if b, ok := evalBarFor(k); ok {
			cases = strconv.Itoa(corpus.cases[k])
			bar = fmt.Sprintf("P>=%.2f R>=%.2f", b.precision, b.recall)
			if s.precision() < b.precision || s.recall() < b.recall {
				bar += " NOT MET"
			}
		}
		leaky := strconv.Itoa(corpus.leakCases[k])
		fmt.Fprintf(&report, "%-14s %6s %6s %8d %5d %5d %5d %10.3f %8.3f  %s\n",
			k, cases, leaky, s.tp+s.fn, s.tp, s.fp, s.fn, s.precision(), s.recall(), bar)
	}
	fmt.Fprintf(&report, "(%d findings of other checks or categories not scored)\n", ignored)
	for _, k := range evalKinds {
		s := scores[k]
		for _, f := range s.fps {
			fmt.Fprintf(&report, "FP %-14s %s (%s): %s [%s]\n", k, f.site, corpus.funcAt(f.site.file, f.site.line), f.message, f.category)
		}
		for _, site := range s.fns {
			fmt.Fprintf(&report, "FN %-14s %s (%s): marked leak, not reported\n", k, site, corpus.funcAt(site.file, site.line))
		}
	}
	t.Log(report.String())

	for _, bar := range evalBars {
		s := scores[bar.check]
		if s.precision() >= bar.precision && s.recall() >= bar.recall {
			continue
		}
		if f := bar.floor; f != nil && s.precision() >= f.precision && s.recall() >= f.recall {
			t.Logf("%s: short of the bar (precision %.3f, recall %.3f), above its floor (%.2f, %.2f)",
				bar.check, s.precision(), s.recall(), f.precision, f.recall)
			continue
		}
		var msg strings.Builder
		fmt.Fprintf(&msg, "%s: precision %.3f (bar %.2f), recall %.3f (bar %.2f)",
			bar.check, s.precision(), bar.precision, s.recall(), bar.recall)
		if f := bar.floor; f != nil {
			fmt.Fprintf(&msg, ", below its floor (%.2f, %.2f)", f.precision, f.recall)
		}
		for _, f := range s.fps {
			fmt.Fprintf(&msg, "\n\tfalse positive %s (%s): %s", f.site, corpus.funcAt(f.site.file, f.site.line), f.message)
		}
		for _, site := range s.fns {
			fmt.Fprintf(&msg, "\n\tfalse negative %s (%s): real leak not reported", site, corpus.funcAt(site.file, site.line))
		}
		t.Error(msg.String())
	}
}
