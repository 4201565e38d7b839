package analyzers

import (
	"flag"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
)

// SuiteFlags returns the settings of the whole suite rather than of one
// check (-generated, -baseline), as flags whose values are the
// configuration's own: a driver exposes each under its name, and setting
// it sets what every check reads.
func SuiteFlags() []*flag.Flag {
	var out []*flag.Flag
	for _, name := range config.SuiteSettings() {
		out = append(out, config.Analyzer.Flags.Lookup(name))
	}
	return out
}

// Fingerprint identifies a finding of check (with category) at pos..end
// in file (whose content is src) of the package pkgPath, the way the
// -baseline setting matches findings: by check, category, package,
// enclosing declaration and the reported code's own text, never by line.
func Fingerprint(fset *token.FileSet, file *ast.File, src []byte, pkgPath, check, category string, pos, end token.Pos) string {
	return report.Fingerprint(fset, file, src, pkgPath, check, category, pos, end)
}

// FormatBaseline renders fingerprints as a baseline file that -baseline
// reads.
func FormatBaseline(fingerprints []string) []byte { return report.FormatBaseline(fingerprints) }

// CheckResources checks the user-defined resources in force
// (-closecheck.resources) against a loaded program: lookup returns the
// loaded package of an import path, nil if none. Each error names the
// entry: a function, method or type that does not exist, a result index
// out of range, a release method the acquired value lacks.
func CheckResources(lookup func(path string) *types.Package) []error {
	u := config.Analyzer.Flags.Lookup(config.Resources).Value.(*resource.UserResources)
	return resource.CheckUser(u.Entries(), lookup)
}
