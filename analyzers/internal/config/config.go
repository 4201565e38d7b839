// Package config owns leakvet's configuration: the one analyzer whose
// result every check requires, and whose flags hold every setting.
//
// Drivers (the leakvet binary, go vet's unitchecker, golangci-lint) expose
// only the flags of the analyzers in the suite's list, each prefixed with
// the analyzer's name, and the config analyzer is not in that list. So each
// check declares the settings it owns as its own flags, and those flags
// share their flag.Value with the config analyzer's flag of the same
// setting (see Expose): -httpbody.strict sets the value that the config
// analyzer's flag "httpbody.strict" holds. The values live in the
// analyzers' FlagSets and nowhere else, and the config analyzer reads them
// through its own pass into a *Config, so the lifetime engine gets the
// resource table from a pass result rather than from a process global.
package config

import (
	"flag"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/leakvet/leakvet/analyzers/internal/report"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/analysis"
)

// The config analyzer's flags, named CHECK.FLAG after the check that
// exposes each one as -CHECK.FLAG.
const (
	HTTPBodyStrict   = "httpbody.strict"
	SQLCloseStrict   = "sqlclose.strict"
	SQLCloseRowsErr  = "sqlclose.rowserr"
	CloseCheckStrict = "closecheck.strict"
	// Resources extends the resource table with the user's own
	// acquire/release pairs (resource.UserResources syntax).
	Resources = "closecheck.resources"

	// Generated reports findings in generated files too.
	Generated = "generated"
	// Baseline names a file of findings not to report (see
	// report.Baseline).
	Baseline = "baseline"
)

// SuiteSettings are the settings of the whole suite rather than of one
// check: their names have no CHECK. prefix, and drivers expose each under
// its own name (-generated, -baseline; the plugin's top-level keys).
func SuiteSettings() []string { return []string{Generated, Baseline} }

// StrictUsage is the help text of every check's strict flag.
const StrictUsage = "also report releases that are not deferred while calls that can fail or panic run before them"

// Analyzer provides the *Config in force. It reads its flags and nothing
// else: it costs nothing per package.
var Analyzer = newAnalyzer()

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "config",
		Doc:        "provide leakvet's settings (the checks' flags) and the resource table they extend",
		URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/config",
		Run:        report.Guard(run),
		ResultType: reflect.TypeFor[*Config](),
	}
	a.Flags.Bool(HTTPBodyStrict, false, StrictUsage)
	a.Flags.Bool(SQLCloseStrict, false, StrictUsage)
	a.Flags.Bool(CloseCheckStrict, false, StrictUsage)
	// Off by default: an unchecked iteration error loses data, not a
	// resource (Next returning false has closed the rows).
	a.Flags.Bool(SQLCloseRowsErr, false,
		"also report rows whose Next loop ends without a call of rows.Err (category rowserr; not a leak, so off by default)")
	a.Flags.Var(new(resource.UserResources), Resources,
		"user-defined resources: 'ACQUIRE[#RESULT] => RELEASE[, RELEASE...]' entries separated by ';' "+
			"(RELEASE is .Method or a function that releases its argument)")
	a.Flags.Bool(Generated, false,
		"also report findings in generated files (marked '// Code generated ... DO NOT EDIT.')")
	a.Flags.Var(new(report.Baseline), Baseline,
		"report only findings not recorded in this baseline file (written by leakvet -write-baseline)")
	return a
}

// Expose declares the config flag CHECK.NAME on check's own FlagSet as
// NAME, sharing its value, so that whatever sets -CHECK.NAME (a command
// line, go vet, golangci-lint settings) sets the configuration. It panics
// if there is no such config flag: that is a programming error caught by
// every test.
func Expose(check *analysis.Analyzer, name string) {
	f := Analyzer.Flags.Lookup(check.Name + "." + name)
	if f == nil {
		panic(fmt.Sprintf("config: no setting %s.%s", check.Name, name))
	}
	check.Flags.Var(f.Value, name, f.Usage)
}

// Config is the configuration in force for a pass.
type Config struct {
	// Table is the built-in resource table extended by the user's entries.
	Table   *resource.Table
	strict  map[string]bool
	rowsErr bool
	report  report.Settings
}

// ReportSettings are the settings report.Report applies to every finding.
func (c *Config) ReportSettings() report.Settings { return c.report }

// Strict reports whether the named check reports strict-mode findings.
func (c *Config) Strict(check string) bool { return c.strict[check] }

// RowsErr reports whether sqlclose reports unchecked rows.Err.
func (c *Config) RowsErr() bool { return c.rowsErr }

// Of returns the configuration of a pass whose analyzer requires Analyzer.
func Of(pass *analysis.Pass) *Config {
	return pass.ResultOf[Analyzer].(*Config)
}

func run(pass *analysis.Pass) (any, error) {
	flags := &pass.Analyzer.Flags
	c := &Config{strict: map[string]bool{}}
	for _, name := range []string{HTTPBodyStrict, SQLCloseStrict, CloseCheckStrict} {
		check, _, _ := strings.Cut(name, ".")
		c.strict[check] = boolFlag(flags, name)
	}
	c.rowsErr = boolFlag(flags, SQLCloseRowsErr)
	c.report = report.Settings{
		Generated: boolFlag(flags, Generated),
		Baseline:  flags.Lookup(Baseline).Value.(*report.Baseline),
	}
	c.Table = tableFor(flags.Lookup(Resources).Value.(*resource.UserResources))
	return c, nil
}

// lastTable is the table built last and the resources flag's text it was
// built for. Every package of a run sees the same flags, and a table is
// only read once built, so the packages share one table instead of each
// holding its own copy until the driver's run ends.
var lastTable struct {
	sync.Mutex
	spec  string
	table *resource.Table
}

func tableFor(user *resource.UserResources) *resource.Table {
	spec := user.String()
	lastTable.Lock()
	defer lastTable.Unlock()
	if lastTable.table == nil || lastTable.spec != spec {
		lastTable.spec, lastTable.table = spec, resource.Builtin().WithUser(user.Entries())
	}
	return lastTable.table
}

func boolFlag(flags *flag.FlagSet, name string) bool {
	return flags.Lookup(name).Value.(flag.Getter).Get().(bool)
}
