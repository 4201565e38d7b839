// Package report owns how leakvet findings reach the user: the diagnostic
// shape every check shares (position, related exit, suggested fix) and
// in-source suppression with //nolint comments, applied inside the
// analyzers so that every driver (the leakvet binary, go vet,
// golangci-lint) honours it the same way.
package report

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/token"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/analysis"
)

// Diagnostic is a finding ready to report.
type Diagnostic struct {
	Pos, End token.Pos
	// Category is a stable name users can filter on (for example "leak").
	Category string
	Message  string
	// Related is the position of the path's end (the leaking return) or of
	// a partner (the loop, the receive), with what it is.
	Related     token.Pos
	RelatedText string
	Fix         *analysis.SuggestedFix
}

// Report emits d for the check named by pass.Analyzer, unless a //nolint
// comment on its line (or alone on the line above) suppresses it, it lies
// in a generated file (unless Settings.Generated), or the baseline in
// force records it. Internal errors (category "internal") are always
// reported.
func Report(pass *analysis.Pass, d Diagnostic) {
	if Suppressed(pass, d.Pos, pass.Analyzer.Name, d.Category) || inExampleNeverRun(pass, d.Pos) {
		return
	}
	if d.Category != "internal" && filtered(pass, d) {
		return
	}
	diag := analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: d.Category, Message: d.Message}
	if d.Related.IsValid() && sameFile(pass, d.Pos, d.Related) {
		// A related position in another file is left out: golangci-lint
		// moves such positions onto the finding's own, and under go vet a
		// position in another package comes from export data, so the
		// drivers would disagree. Messages name such places in their text.
		diag.Related = []analysis.RelatedInformation{{Pos: d.Related, Message: d.RelatedText}}
	}
	if d.Fix != nil {
		diag.SuggestedFixes = []analysis.SuggestedFix{*d.Fix}
	}
	pass.Report(diag)
}

// filtered reports whether the settings in force drop d: a finding in a
// generated file, or one the baseline records.
func filtered(pass *analysis.Pass, d Diagnostic) bool {
	s := settingsOf(pass)
	file := ssanav.FileOf(pass, d.Pos)
	if file == nil {
		return false
	}
	if !s.Generated && ast.IsGenerated(file) {
		return true
	}
	if s.Baseline.Len() > 0 {
		src, err := pass.ReadFile(pass.Fset.File(d.Pos).Name())
		if err == nil {
			fp := Fingerprint(pass.Fset, file, src, pass.Pkg.Path(), pass.Analyzer.Name, d.Category, d.Pos, d.End)
			return s.Baseline.Has(fp)
		}
	}
	return false
}

// Suppressed reports whether a //nolint directive covers pos for the check
// (or its category). Accepted forms, on the reported line or alone on the
// line above it:
//
//	//nolint                        every linter
//	//nolint:leakvet                every leakvet check
//	//nolint:httpbody,sqlclose      the named checks
//	//nolint:sqlclose/rowserr       one category of one check
//	//nolint:bodyclose              another linter's name for a check (aliases)
//
// Anything after "//" on the directive line (a reason) is ignored.
func Suppressed(pass *analysis.Pass, pos token.Pos, check, category string) bool {
	file := ssanav.FileOf(pass, pos)
	if file == nil {
		return false
	}
	line := pass.Fset.Position(pos).Line
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			cl := pass.Fset.Position(c.Slash).Line
			if cl != line && cl != line-1 {
				continue
			}
			if cl == line-1 && !aloneOnLine(pass, c) {
				continue
			}
			if directiveCovers(c.Text, check, category) {
				return true
			}
		}
	}
	return false
}

func directiveCovers(text, check, category string) bool {
	text = strings.TrimPrefix(text, "//")
	text = strings.TrimLeft(text, " ")
	if !strings.HasPrefix(text, "nolint") {
		return false
	}
	rest := strings.TrimPrefix(text, "nolint")
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return true
	}
	if rest[0] != ':' {
		return false
	}
	list := rest[1:]
	if i := strings.IndexAny(list, " \t"); i >= 0 {
		list = list[:i]
	}
	for _, name := range strings.Split(list, ",") {
		switch name {
		case "leakvet", check, check + "/" + category:
			return true
		}
		if aliases[name] == check {
			return true
		}
	}
	return false
}

// aliases are the names of other linters whose findings a leakvet check
// reports too, so that suppressions written for them keep working when
// code moves to leakvet: name -> check.
var aliases = map[string]string{
	"bodyclose":     "httpbody", // github.com/timakin/bodyclose: unclosed *http.Response bodies
	"sqlclosecheck": "sqlclose", // github.com/ryanrolds/sqlclosecheck: unclosed database/sql rows and statements
}

// aloneOnLine reports whether only white space precedes c on its line.
func aloneOnLine(pass *analysis.Pass, c *ast.Comment) bool {
	p := pass.Fset.Position(c.Slash)
	src, err := pass.ReadFile(p.Filename)
	if err != nil || p.Offset > len(src) {
		return false
	}
	start := p.Offset - (p.Column - 1)
	return strings.TrimSpace(string(src[start:p.Offset])) == ""
}

// inExampleNeverRun reports whether pos lies in an example function that
// go test compiles but never runs: one without an output comment. Code
// that never runs leaks nothing.
func inExampleNeverRun(pass *analysis.Pass, pos token.Pos) bool {
	file := ssanav.FileOf(pass, pos)
	if file == nil || !strings.HasSuffix(pass.Fset.File(pos).Name(), "_test.go") {
		return false
	}
	for _, ex := range doc.Examples(file) {
		if ex.Output != "" || ex.EmptyOutput {
			continue // runs, and its output is compared
		}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if ok && fd.Recv == nil && fd.Name.Name == "Example"+ex.Name && fd.Pos() <= pos && pos < fd.End() {
				return true
			}
		}
	}
	return false
}

// Guard wraps an analyzer's Run so that a panic becomes an error of that
// analyzer on that package (the driver reports it as an internal error and
// carries on with other packages) instead of killing the whole run.
func Guard(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if p := recover(); p != nil {
				reason := strings.SplitN(fmt.Sprint(p), "\n", 2)[0]
				result, err = nil, fmt.Errorf("internal error in %s: %s (this is a bug in leakvet; please report it)", pass.Analyzer.Name, reason)
			}
		}()
		return run(pass)
	}
}

func sameFile(pass *analysis.Pass, a, b token.Pos) bool {
	fa, fb := pass.Fset.File(a), pass.Fset.File(b)
	return fa != nil && fa == fb
}
