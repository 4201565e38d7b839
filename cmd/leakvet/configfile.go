package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/leakvet/leakvet/internal/settings"
	"golang.org/x/tools/go/analysis"
	"gopkg.in/yaml.v3"
)

// configFileName is the configuration file looked for in the module root.
const configFileName = ".leakvet.yml"

// configFlag returns the value of -config in args (flags end at the first
// argument that is not one), or "".
func configFlag(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "config" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		return value
	}
	return ""
}

// findConfigFile returns the configuration file in force: explicit if
// given, else .leakvet.yml in the root of the module around dir (the
// nearest directory upwards with a go.mod), else "".
func findConfigFile(explicit, dir string) string {
	if explicit != "" {
		return explicit
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			p := filepath.Join(d, configFileName)
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// loadConfigFile reads and checks a configuration file; its keys are the
// golangci-lint plugin's settings. Errors name the file and the key.
func loadConfigFile(path string, all []*analysis.Analyzer) (*settings.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("config file %s does not exist", path)
		}
		return nil, err
	}
	var raw any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	resolveBaseline(raw, filepath.Dir(path))
	cfg, err := settings.Parse(raw, all)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return cfg, nil
}

// applyConfigFile finds, reads and applies the configuration file for a
// run in dir, before the command line's flags (which override it) are
// parsed. It returns the checks the file leaves enabled (nil when there
// is no file).
func applyConfigFile(args []string, dir string, all []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	path := findConfigFile(configFlag(args), dir)
	if path == "" {
		return nil, nil
	}
	cfg, err := loadConfigFile(path, all)
	if err != nil {
		return nil, err
	}
	if err := cfg.Apply(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return cfg.Enabled, nil
}

// resolveBaseline makes a relative baseline path in a configuration file
// relative to the file's directory rather than to the current one (which
// go vet sets to each package's directory). It returns the path, or "".
func resolveBaseline(raw any, dir string) string {
	top, ok := raw.(map[string]any)
	if !ok {
		return ""
	}
	for k, v := range top {
		p, ok := v.(string)
		if !strings.EqualFold(k, "baseline") || !ok || p == "" {
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
			top[k] = p
		}
		return p
	}
	return ""
}
