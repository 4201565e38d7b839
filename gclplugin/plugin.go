// Package gclplugin is leakvet as a golangci-lint v2 module plugin: every
// check of analyzers.All, configured from golangci-lint's settings.
//
// A custom golangci-lint binary blank-imports this package (see
// .custom-gcl.yml and integration/gcl) and enables the linter with
//
//	linters:
//	  enable: [leakvet]
//	  settings:
//	    custom:
//	      leakvet:
//	        type: module
//	        settings:
//	          disable: [CHECK, ...]
//	          CHECK:
//	            FLAG: VALUE
//
// Each CHECK's FLAG is that analyzer's flag (-CHECK.FLAG on the command
// line), so the settings, the leakvet binary and go vet -vettool agree by
// construction. docs/integrations.md lists them.
package gclplugin

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/internal/settings"
	"golang.org/x/tools/go/analysis"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name that findings and //nolint directives carry.
const Name = "leakvet"

func init() {
	register.Plugin(Name, New)
}

// New validates settings (the value of linters.settings.custom.leakvet.settings)
// and applies them to the analyzers' flags.
//
// The analyzers and their flags are process-wide, as they are under go
// vet: golangci-lint builds the plugin once per run, so the settings of
// that run are the ones in force.
func New(raw any) (register.LinterPlugin, error) {
	all := analyzers.All()
	cfg, err := settings.Parse(raw, all)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	if err := cfg.Apply(); err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	var folded []*analysis.Analyzer
	for _, a := range cfg.Enabled {
		folded = append(folded, foldRelated(a))
	}
	return &plugin{analyzers: folded}, nil
}

// foldRelated returns a copy of check whose diagnostics carry their
// related positions in the message, " [LINE:COL: TEXT]" each, instead of
// as related information: golangci-lint turns each related position into
// an issue of its own, which counts against its issue limits and which
// uniq-by-line can keep in place of the finding itself. Related positions
// are always in the finding's own file (report.Report drops others).
func foldRelated(check *analysis.Analyzer) *analysis.Analyzer {
	c := *check
	run := check.Run
	c.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			for _, r := range d.Related {
				pos := pass.Fset.Position(r.Pos)
				d.Message += fmt.Sprintf(" [%d:%d: %s]", pos.Line, pos.Column, r.Message)
			}
			d.Related = nil
			pass.Report(d)
		}
		return run(&p)
	}
	return &c
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: every check follows values
// through types and SSA, and shares facts across packages.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
