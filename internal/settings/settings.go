// Package settings reads leakvet's settings as a tree of keys (the
// golangci-lint plugin's settings, the .leakvet.yml file): the top-level
// keys disable, the suite's own settings (generated, baseline) and one
// object per check whose keys are that check's flags. Both the plugin and
// the leakvet binary use it, so the two accept the same keys and values
// and name a bad one the same way.
package settings

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
)

// disableKey lists checks that do not run. It cannot collide with a check:
// check names are analyzer names, and no analyzer is called "disable".
const disableKey = "disable"

// Config is validated settings, ready to apply to the analyzers' flags.
type Config struct {
	// Enabled are the checks that run.
	Enabled     []*analysis.Analyzer
	assignments []assignment
}

// assignment sets one analyzer flag.
type assignment struct {
	key   string // where the value came from in the settings: "closecheck.resources"
	flags *flag.FlagSet
	name  string
	value string
	// entries are the rendered items of a list setting, each with its own
	// key, checked one by one (on a fresh value of the flag's type) before
	// value is set, so that a bad entry is named by its index rather than
	// by the whole list.
	entries []entry
	// list marks a list flag: its Set adds entries and Set("") clears
	// them, so it is cleared before value is set.
	list bool
}

type entry struct{ key, value string }

// Apply sets the analyzers' flags to the settings.
func (c *Config) Apply() error {
	for _, a := range c.assignments {
		v := a.flags.Lookup(a.name).Value
		for _, e := range a.entries {
			fresh := reflect.New(reflect.TypeOf(v).Elem()).Interface().(flag.Value)
			if err := fresh.Set(e.value); err != nil {
				return fmt.Errorf("%s: %v", e.key, err)
			}
		}
		if a.list {
			if err := a.flags.Set(a.name, ""); err != nil {
				return fmt.Errorf("%s: %v", a.key, err)
			}
		}
		if err := a.flags.Set(a.name, a.value); err != nil {
			return fmt.Errorf("%s: %v", a.key, err)
		}
	}
	return nil
}

// Parse checks raw settings against the analyzers' flags. Keys
// are matched without regard to case because golangci-lint's config
// loader lower-cases every key it reads; values keep their case. Errors
// name the offending key as a dotted path with list indexes
// ("closecheck.resources[1].acquire").
func Parse(raw any, all []*analysis.Analyzer) (*Config, error) {
	v, err := normalize(raw)
	if err != nil {
		return nil, err
	}
	cfg := &Config{}
	disabled := map[*analysis.Analyzer]bool{}
	// The suite's own settings (generated, baseline) are top-level keys,
	// checked and set like a check's flags.
	suite := &analysis.Analyzer{Name: "leakvet"}
	for _, f := range analyzers.SuiteFlags() {
		suite.Flags.Var(f.Value, f.Name, f.Usage)
	}
	if v != nil {
		top, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("want an object with the keys %q and the check names (%s), got %s",
				disableKey, checkNames(all), describe(v))
		}
		for _, key := range slices.Sorted(maps.Keys(top)) {
			val := top[key]
			if strings.EqualFold(key, disableKey) {
				names, err := parseDisable(key, val, all)
				if err != nil {
					return nil, err
				}
				for _, a := range names {
					disabled[a] = true
				}
				continue
			}
			if f := suite.Flags.Lookup(strings.ToLower(key)); f != nil {
				as, err := parseValue(suite, f, key, val)
				if err != nil {
					return nil, err
				}
				cfg.assignments = append(cfg.assignments, as)
				continue
			}
			i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return strings.EqualFold(a.Name, key) })
			if i < 0 {
				return nil, fmt.Errorf("%s: unknown key: want %q, %s or a check name (%s)", key, disableKey, suiteNames(), checkNames(all))
			}
			as, err := parseCheck(all[i], key, val)
			if err != nil {
				return nil, err
			}
			cfg.assignments = append(cfg.assignments, as...)
		}
	}
	for _, a := range all {
		if !disabled[a] {
			cfg.Enabled = append(cfg.Enabled, a)
		}
	}
	if len(cfg.Enabled) == 0 {
		return nil, fmt.Errorf("%s: every check is disabled; remove the leakvet linter instead", disableKey)
	}
	return cfg, nil
}

// suiteNames lists the suite's own settings, quoted.
func suiteNames() string {
	var names []string
	for _, f := range analyzers.SuiteFlags() {
		names = append(names, strconv.Quote(f.Name))
	}
	return strings.Join(names, ", ")
}

func parseDisable(key string, v any, all []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: want a list of check names, got %s", key, describe(v))
	}
	var out []*analysis.Analyzer
	for i, item := range list {
		name, ok := item.(string)
		if !ok {
			return nil, fmt.Errorf("%s[%d]: want a check name, got %s", key, i, describe(item))
		}
		j := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name })
		if j < 0 {
			return nil, fmt.Errorf("%s[%d]: no check named %q; checks: %s", key, i, name, checkNames(all))
		}
		out = append(out, all[j])
	}
	return out, nil
}

// parseCheck validates the settings of one check: an object whose keys are
// the analyzer's flag names.
func parseCheck(a *analysis.Analyzer, key string, v any) ([]assignment, error) {
	if v == nil {
		return nil, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: want an object of the check's flags (%s), got %s; to turn the check off, list it under %q",
			key, flagNames(a), describe(v), disableKey)
	}
	return parseFlags(a, key, "", obj)
}

// parseFlags walks obj, whose keys are flag names after prefix. golangci-lint's
// loader splits keys at dots, so a flag named "x.y" arrives as x: {y: ...};
// prefix rebuilds such names.
func parseFlags(a *analysis.Analyzer, key, prefix string, obj map[string]any) ([]assignment, error) {
	var out []assignment
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		path, name := key+"."+k, prefix+k
		var f *flag.Flag
		nested := false
		a.Flags.VisitAll(func(g *flag.Flag) {
			switch {
			case strings.EqualFold(g.Name, name):
				f = g
			case len(g.Name) > len(name) && strings.EqualFold(g.Name[:len(name)+1], name+"."):
				nested = true
			}
		})
		if f == nil {
			if sub, ok := obj[k].(map[string]any); ok && nested {
				as, err := parseFlags(a, path, name+".", sub)
				if err != nil {
					return nil, err
				}
				out = append(out, as...)
				continue
			}
			if flagNames(a) == "" {
				return nil, fmt.Errorf("%s: unknown key: %s has no flags", path, a.Name)
			}
			return nil, fmt.Errorf("%s: unknown key: %s's flags are %s", path, a.Name, flagNames(a))
		}
		as, err := parseValue(a, f, path, obj[k])
		if err != nil {
			return nil, err
		}
		out = append(out, as)
	}
	return out, nil
}

// valueKind is what a flag accepts, read from its flag.Value.
type valueKind int

const (
	kindText valueKind = iota // a syntax of the flag's own; see its usage
	kindBool
	kindInt
	kindUint
	kindFloat
	kindString
	kindDuration
)

func kindOf(f *flag.Flag) valueKind {
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			return kindBool
		case int, int64:
			return kindInt
		case uint, uint64:
			return kindUint
		case float64:
			return kindFloat
		case string:
			return kindString
		case time.Duration:
			return kindDuration
		}
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return kindBool
	}
	return kindText
}

// parseValue checks v against the type of flag f and renders it in the
// flag's command-line syntax.
func parseValue(a *analysis.Analyzer, f *flag.Flag, key string, v any) (assignment, error) {
	as := assignment{key: key, flags: &a.Flags, name: f.Name}
	wrong := func(want string) (assignment, error) {
		return as, fmt.Errorf("%s: want %s, got %s", key, want, describe(v))
	}
	switch kindOf(f) {
	case kindBool:
		b, ok := v.(bool)
		if !ok {
			return wrong("true or false")
		}
		as.value = strconv.FormatBool(b)
	case kindInt:
		n, ok := v.(json.Number)
		if _, err := strconv.ParseInt(string(n), 10, 64); !ok || err != nil {
			return wrong("an integer")
		}
		as.value = string(n)
	case kindUint:
		n, ok := v.(json.Number)
		if _, err := strconv.ParseUint(string(n), 10, 64); !ok || err != nil {
			return wrong("a non-negative integer")
		}
		as.value = string(n)
	case kindFloat:
		n, ok := v.(json.Number)
		if !ok {
			return wrong("a number")
		}
		as.value = string(n)
	case kindDuration:
		s, ok := v.(string)
		if _, err := time.ParseDuration(s); !ok || err != nil {
			return wrong(`a duration such as "30s" or "5m"`)
		}
		as.value = s
	case kindString:
		s, ok := v.(string)
		if !ok {
			return wrong("a string")
		}
		as.value = s
	default:
		lf, isList := listFlags[a.Name+"."+f.Name]
		as.list = isList
		switch v := v.(type) {
		case string:
			as.value = v
		case []any:
			if !isList {
				return wrong("a string in the flag's syntax: " + f.Usage)
			}
			var values []string
			for i, item := range v {
				e, err := lf.render(fmt.Sprintf("%s[%d]", key, i), item)
				if err != nil {
					return as, err
				}
				as.entries = append(as.entries, e)
				values = append(values, e.value)
			}
			as.value = strings.Join(values, lf.separator)
		default:
			if isList {
				return wrong("a list of entries")
			}
			return wrong("a string in the flag's syntax: " + f.Usage)
		}
	}
	return as, nil
}

// normalize turns settings as golangci-lint decodes them (YAML, TOML or
// JSON, through viper) into JSON-shaped values: map[string]any, []any,
// string, bool, json.Number and nil, so that type checks see one
// representation whatever the config file format.
func normalize(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(rv.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return json.Number(strconv.FormatUint(rv.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if f == float64(int64(f)) {
			return json.Number(strconv.FormatInt(int64(f), 10)), nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			n, err := normalize(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out[i] = n
		}
		return out, nil
	case reflect.Map:
		out := make(map[string]any, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			n, err := normalize(iter.Value().Interface())
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(iter.Key().Interface())] = n
		}
		return out, nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil, nil
		}
		return normalize(rv.Elem().Interface())
	}
	return nil, fmt.Errorf("unsupported value %v of type %T", v, v)
}

// describe names a settings value's type for error messages, in the
// config file's terms.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing (null)"
	case bool:
		return fmt.Sprintf("a boolean (%t)", v)
	case json.Number:
		return fmt.Sprintf("a number (%s)", v)
	case string:
		return fmt.Sprintf("a string (%q)", v)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func checkNames(all []*analysis.Analyzer) string {
	var names []string
	for _, a := range all {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

func flagNames(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return strings.Join(names, ", ")
}
