package settings

import (
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
)

// listValue mimics leakvet's list flags: Set adds entries, Set("")
// clears them, and entries without "=>" are rejected.
type listValue struct{ spec string }

func (l *listValue) String() string { return l.spec }
func (l *listValue) Set(s string) error {
	if s == "" {
		l.spec = ""
		return nil
	}
	for _, e := range strings.Split(s, ";") {
		if !strings.Contains(e, "=>") {
			return errorString("entry " + strings.TrimSpace(e) + " lacks =>")
		}
	}
	if l.spec != "" {
		s = l.spec + ";" + s
	}
	l.spec = s
	return nil
}

type errorString string

func (e errorString) Error() string { return string(e) }

// fakeSuite returns two analyzers with a flag of every kind the settings
// support, so the decoder is tested independently of which flags the
// real checks have today.
func fakeSuite(t *testing.T) []*analysis.Analyzer {
	t.Helper()
	a := &analysis.Analyzer{Name: "alpha", Doc: "alpha: test"}
	a.Flags.Bool("strict", false, "a bool")
	a.Flags.Int("maxPaths", 8, "an int")
	a.Flags.Uint("depth", 2, "a uint")
	a.Flags.Float64("ratio", 0.5, "a float")
	a.Flags.String("mode", "fast", "a string")
	a.Flags.Duration("timeout", time.Second, "a duration")
	a.Flags.Var(&listValue{}, "entries", "entries 'A => B' separated by ';'")
	a.Flags.Var(&listValue{}, "rawspec", "a flag of its own syntax, not registered as a list")
	a.Flags.Bool("dotted.name", false, "a flag whose name has a dot")
	b := &analysis.Analyzer{Name: "beta", Doc: "beta: test"}

	listFlags["alpha.entries"] = listFlag{
		separator: ";",
		fields:    []string{"from", "to"},
		object: func(key string, obj map[string]any) (string, error) {
			from, _ := obj["from"].(string)
			to, _ := obj["to"].(string)
			return from + " => " + to, nil
		},
	}
	t.Cleanup(func() { delete(listFlags, "alpha.entries") })
	return []*analysis.Analyzer{a, b}
}

func TestSettingsApply(t *testing.T) {
	all := fakeSuite(t)
	raw := map[string]any{
		"disable": []string{"beta"},
		"alpha": map[string]any{
			// golangci-lint hands keys over lower-cased.
			"maxpaths": 12,
			"strict":   true,
			"depth":    uint8(3),
			"ratio":    0.25,
			"mode":     "Thorough",
			"timeout":  "1m30s",
			"entries": []any{
				map[string]any{"from": "(*example.com/pool.Pool).Get", "to": "Put"},
				"example.com/db.Open => .Close",
			},
			"rawspec": "x => y",
			// A dotted flag name arrives split, as viper splits keys.
			"dotted": map[string]any{"name": true},
		},
	}
	cfg, err := Parse(raw, all)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Enabled) != 1 || cfg.Enabled[0].Name != "alpha" {
		t.Fatalf("enabled = %v, want only alpha", cfg.Enabled)
	}
	if err := cfg.Apply(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"maxPaths":    "12",
		"strict":      "true",
		"depth":       "3",
		"ratio":       "0.25",
		"mode":        "Thorough",
		"timeout":     "1m30s",
		"entries":     "(*example.com/pool.Pool).Get => Put;example.com/db.Open => .Close",
		"rawspec":     "x => y",
		"dotted.name": "true",
	}
	for name, v := range want {
		if got := all[0].Flags.Lookup(name).Value.String(); got != v {
			t.Errorf("-alpha.%s = %q, want %q", name, got, v)
		}
	}
}

func TestSettingsErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  any
		want string // the error must contain this; it names the key
	}{
		{"not an object", []any{"alpha"}, "want an object with the keys \"disable\""},
		{"unknown top-level key", map[string]any{"alpah": map[string]any{}}, `alpah: unknown key: want "disable", "generated", "baseline" or a check name (alpha, beta)`},
		{"check not an object", map[string]any{"alpha": false}, `alpha: want an object of the check's flags`},
		{"unknown flag", map[string]any{"alpha": map[string]any{"stirct": true}}, "alpha.stirct: unknown key: alpha's flags are "},
		{"flag of a check without flags", map[string]any{"beta": map[string]any{"strict": true}}, "beta.strict: unknown key: beta has no flags"},
		{"bool as string", map[string]any{"alpha": map[string]any{"strict": "yes"}}, `alpha.strict: want true or false, got a string ("yes")`},
		{"bool as null", map[string]any{"alpha": map[string]any{"strict": nil}}, `alpha.strict: want true or false, got nothing (null)`},
		{"int as float", map[string]any{"alpha": map[string]any{"maxpaths": 1.5}}, `alpha.maxpaths: want an integer, got a number (1.5)`},
		{"int as string", map[string]any{"alpha": map[string]any{"maxpaths": "8"}}, `alpha.maxpaths: want an integer, got a string ("8")`},
		{"negative uint", map[string]any{"alpha": map[string]any{"depth": -1}}, `alpha.depth: want a non-negative integer`},
		{"float as bool", map[string]any{"alpha": map[string]any{"ratio": true}}, `alpha.ratio: want a number`},
		{"string as list", map[string]any{"alpha": map[string]any{"mode": []any{"a"}}}, `alpha.mode: want a string, got a list`},
		{"bad duration", map[string]any{"alpha": map[string]any{"timeout": "soon"}}, `alpha.timeout: want a duration`},
		{"duration as number", map[string]any{"alpha": map[string]any{"timeout": 30}}, `alpha.timeout: want a duration`},
		{"list flag as object", map[string]any{"alpha": map[string]any{"entries": map[string]any{"from": "x"}}}, `alpha.entries: want a list of entries, got an object`},
		{"list item of wrong type", map[string]any{"alpha": map[string]any{"entries": []any{"a => b", 7}}}, `alpha.entries[1]: want an object with the keys from, to`},
		{"list item unknown key", map[string]any{"alpha": map[string]any{"entries": []any{map[string]any{"form": "x"}}}}, `alpha.entries[0].form: unknown key: want from, to`},
		{"list entry rejected by the flag", map[string]any{"alpha": map[string]any{"entries": []any{"a => b", "nonsense"}}}, `alpha.entries[1]: entry nonsense lacks =>`},
		{"own-syntax flag given a list", map[string]any{"alpha": map[string]any{"rawspec": []any{"x => y"}}}, `alpha.rawspec: want a string in the flag's syntax`},
		{"own-syntax flag rejects", map[string]any{"alpha": map[string]any{"rawspec": "xy"}}, `alpha.rawspec: entry xy lacks =>`},
		{"disable not a list", map[string]any{"disable": "beta"}, `disable: want a list of check names, got a string ("beta")`},
		{"disable unknown check", map[string]any{"disable": []any{"beta", "gamma"}}, `disable[1]: no check named "gamma"; checks: alpha, beta`},
		{"disable non-string", map[string]any{"disable": []any{1}}, `disable[0]: want a check name, got a number (1)`},
		{"everything disabled", map[string]any{"disable": []any{"alpha", "beta"}}, `disable: every check is disabled`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			all := fakeSuite(t)
			cfg, err := Parse(tt.raw, all)
			if err == nil {
				err = cfg.Apply()
			}
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\ndoes not contain %q", err, tt.want)
			}
		})
	}
}

// TestSuiteFlagsAreSettings keeps the settings one-to-one with the real
// checks' flags as checks and flags are added: every flag is reachable by
// its lower-cased name (the way golangci-lint hands keys over), and every
// list flag the plugin renders exists.
func TestSuiteFlagsAreSettings(t *testing.T) {
	all := analyzers.All()
	for _, a := range all {
		if strings.EqualFold(a.Name, disableKey) {
			t.Errorf("a check is named %q, which the settings use for the list of disabled checks", a.Name)
		}
		seen := map[string]string{}
		a.Flags.VisitAll(func(f *flag.Flag) {
			low := strings.ToLower(f.Name)
			if other, ok := seen[low]; ok {
				t.Errorf("%s: flags %q and %q are one setting once golangci-lint lower-cases keys", a.Name, other, f.Name)
			}
			seen[low] = f.Name
		})
	}
	for key := range listFlags {
		check, name, _ := strings.Cut(key, ".")
		found := false
		for _, a := range all {
			if a.Name == check {
				if f := a.Flags.Lookup(name); f != nil && kindOf(f) == kindText {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("list setting %s names no flag of its own syntax in analyzers.All()", key)
		}
	}
}

// TestSuiteBoolFlags sets every boolean flag of the real suite through the
// settings, proving the lower-cased key reaches the flag.
func TestSuiteBoolFlags(t *testing.T) {
	raw := map[string]any{}
	var touched []*flag.Flag
	for _, a := range analyzers.All() {
		obj := map[string]any{}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if kindOf(f) == kindBool {
				obj[strings.ToLower(f.Name)] = f.DefValue != "true"
				touched = append(touched, f)
			}
		})
		raw[a.Name] = obj
	}
	t.Cleanup(func() {
		for _, f := range touched {
			f.Value.Set(f.DefValue)
		}
	})
	cfg, err := Parse(raw, analyzers.All())
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Apply(); err != nil {
		t.Fatal(err)
	}
	for _, f := range touched {
		if f.Value.String() == f.DefValue {
			t.Errorf("flag %s still has its default %s", f.Name, f.DefValue)
		}
	}
}

func TestResourceEntries(t *testing.T) {
	lf := listFlags["closecheck.resources"]
	tests := []struct {
		item any
		want string
	}{
		{map[string]any{"acquire": "(*example.com/pool.Pool).Get", "release": "(*example.com/pool.Pool).Put"},
			"(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Put"},
		{map[string]any{"acquire": "example.com/trace.Start", "result": 1, "release": "End"},
			"example.com/trace.Start#1 => .End"},
		{map[string]any{"acquire": "example.com/x.Open", "release": []any{"Close", ".Conn.Close", "example.com/x.Release"}},
			"example.com/x.Open => .Close, .Conn.Close, example.com/x.Release"},
		{"example.com/x.Open => .Close", "example.com/x.Open => .Close"},
	}
	for _, tt := range tests {
		item, _ := normalize(tt.item)
		got, err := lf.render("r[0]", item)
		if err != nil {
			t.Errorf("%v: %v", tt.item, err)
			continue
		}
		if got.value != tt.want {
			t.Errorf("%v rendered as %q, want %q", tt.item, got.value, tt.want)
		}
	}
	bad := []struct {
		item any
		want string
	}{
		{map[string]any{"release": "Close"}, "r[0].acquire: want the acquiring function"},
		{map[string]any{"acquire": "example.com/x.Open"}, "r[0].release: want the method (Close)"},
		{map[string]any{"acquire": "example.com/x.Open", "release": "Close", "result": -1}, "r[0].result: want the index"},
		{map[string]any{"acquire": "example.com/x.Open", "release": []any{"Close", 3}}, "r[0].release[1]: want a method or function name"},
	}
	for _, tt := range bad {
		item, _ := normalize(tt.item)
		_, err := lf.render("r[0]", item)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one containing %q", tt.item, err, tt.want)
		}
	}
}

// TestSuiteSettings: the suite's own settings are top-level keys that set
// the flags every driver shares (-generated), and a bad value names its
// key.
func TestSuiteSettings(t *testing.T) {
	all := fakeSuite(t)
	var generated *flag.Flag
	for _, f := range analyzers.SuiteFlags() {
		if f.Name == "generated" {
			generated = f
		}
	}
	if generated == nil {
		t.Fatal("no suite flag generated")
	}
	old := generated.Value.String()
	t.Cleanup(func() { generated.Value.Set(old) })
	cfg, err := Parse(map[string]any{"generated": true}, all)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Apply(); err != nil {
		t.Fatal(err)
	}
	if got := generated.Value.String(); got != "true" {
		t.Errorf("generated: true set -generated to %q", got)
	}
	if _, err := Parse(map[string]any{"generated": "yes"}, all); err == nil || !strings.Contains(err.Error(), "generated: want true or false") {
		t.Errorf("generated: \"yes\": err = %v, want one naming the key", err)
	}
}
