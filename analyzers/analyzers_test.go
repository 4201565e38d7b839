package analyzers_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
)

// TestSuite keeps the suite honest: it validates, every check has a doc
// page that its URL names and that documents each of its flags, and check
// names (which users put in configs and //nolint comments) are stable.
func TestSuite(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	const urlPrefix = "https://github.com/leakvet/leakvet/blob/main/"
	for _, a := range all {
		if !strings.HasPrefix(a.Doc, a.Name+": ") {
			t.Errorf("%s: Doc must start with %q", a.Name, a.Name+": ")
		}
		if a.Name != strings.ToLower(a.Name) || strings.ContainsAny(a.Name, " _-.") {
			t.Errorf("%s: check names are one lowercase word", a.Name)
		}
		page := strings.TrimPrefix(a.URL, urlPrefix)
		if page == a.URL || page != "docs/checks/"+a.Name+".md" {
			t.Errorf("%s: URL %q, want %sdocs/checks/%s.md", a.Name, a.URL, urlPrefix, a.Name)
			continue
		}
		text, err := os.ReadFile(filepath.Join("..", page))
		if err != nil {
			t.Errorf("%s: doc page: %v", a.Name, err)
			continue
		}
		for _, want := range []string{"# " + a.Name, "Bad", "Good"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("%s: %s lacks %q (a title and bad and good examples)", a.Name, page, want)
			}
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(string(text), "-"+a.Name+"."+f.Name) {
				t.Errorf("%s: flag -%s.%s is not documented in %s", a.Name, a.Name, f.Name, page)
			}
		})
	}
}
