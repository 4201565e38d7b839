package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leakvet/leakvet/analyzers/internal/config"
	"golang.org/x/tools/go/analysis"
)

// set sets one of the config analyzer's flags for the test.
func set(t *testing.T, name, value string) {
	t.Helper()
	f := config.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func runConfig(t *testing.T) *config.Config {
	t.Helper()
	res, err := config.Analyzer.Run(&analysis.Pass{Analyzer: config.Analyzer})
	if err != nil {
		t.Fatal(err)
	}
	return res.(*config.Config)
}

// TestDefaults: nothing strict, rows.Err not reported (not a leak), the
// built-in table.
func TestDefaults(t *testing.T) {
	c := runConfig(t)
	for _, check := range []string{"httpbody", "sqlclose", "closecheck"} {
		if c.Strict(check) {
			t.Errorf("Strict(%q) is on by default", check)
		}
	}
	if c.RowsErr() {
		t.Errorf("RowsErr is on by default")
	}
	for _, k := range c.Table.Kinds() {
		if strings.HasPrefix(k.ID, "user:") {
			t.Errorf("default table has a user kind %s", k.ID)
		}
	}
}

// TestStrictIsPerCheck: one check's strict flag leaves the others alone.
func TestStrictIsPerCheck(t *testing.T) {
	set(t, config.CloseCheckStrict, "true")
	c := runConfig(t)
	if !c.Strict("closecheck") || c.Strict("httpbody") || c.Strict("sqlclose") {
		t.Errorf("closecheck.strict=true: Strict = closecheck %t, httpbody %t, sqlclose %t; want only closecheck",
			c.Strict("closecheck"), c.Strict("httpbody"), c.Strict("sqlclose"))
	}
}

// TestExposeSharesTheValue: setting the flag a check exposes sets the
// configuration, and the resources reach the table.
func TestExposeSharesTheValue(t *testing.T) {
	check := &analysis.Analyzer{Name: "closecheck"}
	config.Expose(check, "resources")
	config.Expose(check, "strict")
	for name, value := range map[string]string{"resources": "example.com/pool.Get => .Put", "strict": "true"} {
		f := check.Flags.Lookup(name)
		old := f.Value.String()
		if err := check.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Value.Set(old) })
	}
	c := runConfig(t)
	if !c.Strict("closecheck") {
		t.Errorf("-closecheck.strict set through the check does not reach the config")
	}
	k := c.Table.Kind("user:example.com/pool.Get#0")
	if k == nil || k.Check != "closecheck" || len(k.Release) != 1 || k.Release[0] != "Put" {
		t.Errorf("user kind = %+v, want one released by .Put and reported by closecheck", k)
	}
}

// TestExposeUnknownSetting: a check cannot expose a setting the config
// analyzer does not hold.
func TestExposeUnknownSetting(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("Expose of an unknown setting did not panic")
		}
	}()
	config.Expose(&analysis.Analyzer{Name: "goroutineleak"}, "strict")
}

// TestReportSettings: generated files are left out by default, -generated
// includes them, and -baseline reads its file into the settings report
// applies.
func TestReportSettings(t *testing.T) {
	if s := runConfig(t).ReportSettings(); s.Generated || s.Baseline.Len() != 0 {
		t.Errorf("default report settings = %+v, want generated files left out and no baseline", s)
	}
	set(t, config.Generated, "true")
	file := filepath.Join(t.TempDir(), "baseline")
	fp := "httpbody/leak\texample.com/p\tF\t0\thttp.Get(url)"
	if err := os.WriteFile(file, []byte("# comment\n"+fp+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set(t, config.Baseline, file)
	s := runConfig(t).ReportSettings()
	if !s.Generated || !s.Baseline.Has(fp) || s.Baseline.Len() != 1 {
		t.Errorf("report settings = %+v, want generated files and the one baseline entry", s)
	}
	if err := config.Analyzer.Flags.Set(config.Baseline, filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Errorf("a missing baseline file is accepted")
	}
}
