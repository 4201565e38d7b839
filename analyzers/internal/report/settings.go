package report

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Settings decide which findings Report drops before any driver sees
// them, so the leakvet binary, go vet and golangci-lint agree. The config
// analyzer's result carries them: report cannot import config (config
// uses Guard), so Report finds them among the pass's results through
// SettingsProvider. A pass without one gets the zero Settings.
type Settings struct {
	// Generated reports findings in generated files too (files marked
	// "// Code generated ... DO NOT EDIT.", see ast.IsGenerated).
	Generated bool
	// Baseline holds the fingerprints of findings not to report.
	Baseline *Baseline
}

// SettingsProvider is implemented by the configuration in force.
type SettingsProvider interface {
	ReportSettings() Settings
}

func settingsOf(pass *analysis.Pass) Settings {
	for _, r := range pass.ResultOf {
		if p, ok := r.(SettingsProvider); ok {
			return p.ReportSettings()
		}
	}
	return Settings{}
}

// Baseline is a set of finding fingerprints read from a file written by
// leakvet -write-baseline. As a flag.Value it is set to the file's name
// and reads the file at once, so a missing or malformed file is a flag
// error before any package is analysed.
type Baseline struct {
	path string
	set  map[string]bool
}

func (b *Baseline) String() string {
	if b == nil {
		return ""
	}
	return b.path
}

// Set reads the baseline file named by path ("" clears the baseline).
func (b *Baseline) Set(path string) error {
	if path == "" {
		*b = Baseline{}
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	set, err := ParseBaseline(data)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	*b = Baseline{path: path, set: set}
	return nil
}

// Has reports whether fingerprint fp is recorded in the baseline.
func (b *Baseline) Has(fp string) bool { return b != nil && b.set[fp] }

// Len is the number of fingerprints recorded.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	return len(b.set)
}

// baselineHeader starts every baseline file.
const baselineHeader = "# leakvet baseline: findings not to report (leakvet -baseline FILE).\n" +
	"# Written by leakvet -write-baseline FILE; one finding a line:\n" +
	"# CHECK/CATEGORY <tab> PACKAGE <tab> FUNCTION <tab> OCCURRENCE <tab> SOURCE\n"

// ParseBaseline reads the fingerprints of a baseline file: one a line,
// blank lines and lines starting with # ignored.
func ParseBaseline(data []byte) (map[string]bool, error) {
	set := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.Count(line, "\t") != 4 {
			return nil, fmt.Errorf("line %d: want 5 tab-separated fields (check/category, package, function, occurrence, source), got %q", n, line)
		}
		set[line] = true
	}
	return set, sc.Err()
}

// FormatBaseline renders fingerprints as a baseline file, sorted.
func FormatBaseline(fingerprints []string) []byte {
	fps := slices.Clone(fingerprints)
	slices.Sort(fps)
	fps = slices.Compact(fps)
	var buf bytes.Buffer
	buf.WriteString(baselineHeader)
	for _, fp := range fps {
		buf.WriteString(fp)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// Fingerprint identifies a finding in a way that survives unrelated
// edits: no line numbers, only the check and category, the package, the
// enclosing top-level declaration, the reported code's own source text
// with white space normalised, and the occurrence index of that text
// among the same declaration's earlier text (for repeated identical
// code). file is the syntax of the file holding pos and src its content.
func Fingerprint(fset *token.FileSet, file *ast.File, src []byte, pkgPath, check, category string, pos, end token.Pos) string {
	tf := fset.File(pos)
	if tf == nil || file == nil {
		return ""
	}
	off := func(p token.Pos) int {
		o := tf.Offset(p)
		return min(max(o, 0), len(src))
	}
	start := off(pos)
	stop := start
	if end.IsValid() && fset.File(end) == tf {
		stop = max(off(end), start)
	}
	if stop == start {
		// No extent: the rest of the reported line.
		stop = start
		for stop < len(src) && src[stop] != '\n' {
			stop++
		}
	}
	text := cut(sourceText(fset, file, src, start, stop), maxText)

	declName, declStart := "-", start
	for _, decl := range file.Decls {
		if decl.Pos() <= pos && pos < decl.End() {
			declName = declNameOf(decl)
			declStart = off(decl.Pos())
			break
		}
	}
	occurrence := strings.Count(sourceText(fset, file, src, declStart, start), text)
	kind := check
	if category != "" {
		kind += "/" + category
	}
	return strings.Join([]string{kind, pkgPath, declName, strconv.Itoa(occurrence), text}, "\t")
}

func declNameOf(decl ast.Decl) string {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			return "(" + types.ExprString(d.Recv.List[0].Type) + ")." + d.Name.Name
		}
		return d.Name.Name
	case *ast.GenDecl:
		var names []string
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			}
		}
		if len(names) > 0 {
			return d.Tok.String() + " " + strings.Join(names, ",")
		}
	}
	return "-"
}

// maxText is how much of the reported code a fingerprint keeps: enough to
// tell calls apart, without making a long go statement's whole body part
// of its identity.
const maxText = 120

// sourceText is src[start:stop] without comments, its white space
// normalised.
func sourceText(fset *token.FileSet, file *ast.File, src []byte, start, stop int) string {
	var b strings.Builder
	last := start
	tf := fset.File(file.FileStart)
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			cs, ce := tf.Offset(c.Slash), tf.Offset(c.End())
			if cs >= last && ce <= stop {
				b.Write(src[last:cs])
				b.WriteByte(' ')
				last = ce
			}
		}
	}
	b.Write(src[last:stop])
	return normalizeSpace(b.String())
}

// cut shortens text to at most n bytes, on a rune boundary.
func cut(text string, n int) string {
	if len(text) <= n {
		return text
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

// normalizeSpace turns every run of white space into one space and trims
// the ends.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
