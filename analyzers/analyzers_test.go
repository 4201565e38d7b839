package analyzers_test

import (
	"bytes"
	"encoding/gob"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
	"github.com/leakvet/leakvet/analyzers/internal/config"
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

// TestDocPagesAreGenerated: each docs/checks/NAME.md is what go generate
// makes of the check's doc.go and flags, so the page, `leakvet help NAME`
// and the SARIF rule say the same thing.
func TestDocPagesAreGenerated(t *testing.T) {
	for _, a := range analyzers.All() {
		page := filepath.Join("..", "docs", "checks", a.Name+".md")
		got, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		if want := checkdoc.Page(a); !bytes.Equal(got, want) {
			t.Errorf("%s differs from analyzers/%s/doc.go: edit doc.go, then run go generate ./analyzers", page, a.Name)
		}
		if !bytes.HasPrefix(got, []byte("<!-- Code generated ")) || !bytes.Contains(got, []byte("DO NOT EDIT.")) {
			t.Errorf("%s is not marked as generated", page)
		}
	}
}

// TestSettingsAreConfig: every check requires the config analyzer, every
// flag of a check is a view of the config analyzer's flag CHECK.FLAG (so
// drivers that set the check's flags set the configuration), and every
// setting is exposed by some check (or no driver could set it).
func TestSettingsAreConfig(t *testing.T) {
	exposed := map[string]bool{}
	for _, a := range analyzers.All() {
		if !slices.Contains(a.Requires, config.Analyzer) {
			t.Errorf("%s does not require config.Analyzer", a.Name)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			name := a.Name + "." + f.Name
			exposed[name] = true
			c := config.Analyzer.Flags.Lookup(name)
			if c == nil || c.Value != f.Value {
				t.Errorf("flag -%s is not the config analyzer's setting %s", name, name)
			}
		})
	}
	for _, name := range config.SuiteSettings() {
		if config.Analyzer.Flags.Lookup(name) == nil {
			t.Errorf("suite setting %s is not a config flag", name)
		}
		exposed[name] = true // the drivers expose it under its own name
	}
	config.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		if !exposed[f.Name] {
			t.Errorf("setting %s is exposed by no check", f.Name)
		}
	})
}

// TestFactsRoundTrip: every fact type of every check (and of what they
// require) encodes with gob to the same bytes each time and decodes to an
// equal value, as go vet's separate processes need.
func TestFactsRoundTrip(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		for _, r := range a.Requires {
			visit(r)
		}
		for _, f := range a.FactTypes {
			typ := reflect.TypeOf(f).Elem()
			if seen[typ] {
				continue
			}
			seen[typ] = true
			in := reflect.New(typ).Interface()
			var first, second bytes.Buffer
			if err := gob.NewEncoder(&first).Encode(in); err != nil {
				t.Errorf("%s: %s does not encode: %v", a.Name, typ, err)
				continue
			}
			gob.NewEncoder(&second).Encode(in)
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("%s: %s encodes differently each time", a.Name, typ)
			}
			out := reflect.New(typ).Interface()
			if err := gob.NewDecoder(&first).Decode(out); err != nil {
				t.Errorf("%s: %s does not decode: %v", a.Name, typ, err)
				continue
			}
			if !reflect.DeepEqual(in, out) {
				t.Errorf("%s: %s changes in a round trip: %v -> %v", a.Name, typ, in, out)
			}
		}
	}
	for _, a := range analyzers.All() {
		visit(a)
	}
	if len(seen) < 2 {
		t.Errorf("only %d fact types found; the suite declares facts in lifetime and goroutineleak at least", len(seen))
	}
}
