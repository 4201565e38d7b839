// Package checkdoc turns a check's doc.go package comment into its
// Analyzer.Doc and its page docs/checks/NAME.md, so that the text users
// read in `leakvet help NAME`, in the docs and in SARIF rules is written
// once. The pages are generated (go generate in analyzers/) and a test
// checks that the committed ones are current.
package checkdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the section "# Analyzer name" of the package comment in
// the Go source src, starting at the "name: summary" line and running to
// the next "# Analyzer" heading or the end: the headings inside it (Bad,
// Good, the rules) are part of the check's documentation. It panics if the
// section is missing: that is a programming error caught by every test.
func Extract(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("checkdoc: no package comment for %s: %v", name, err))
	}
	text := f.Doc.Text()
	head := "# Analyzer " + name
	i := strings.Index(text, head)
	if i < 0 {
		panic("checkdoc: missing " + head)
	}
	text = strings.TrimSpace(text[i+len(head):])
	if j := strings.Index(text, "\n# Analyzer "); j >= 0 {
		text = strings.TrimSpace(text[:j])
	}
	if !strings.HasPrefix(text, name+": ") {
		panic("checkdoc: section " + head + " must start with \"" + name + ": summary\"")
	}
	return text
}
