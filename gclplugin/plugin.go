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
	return &plugin{analyzers: cfg.Enabled}, nil
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
