package settings

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// listFlag describes an analyzer flag whose value is a list written in a
// syntax of its own. In settings such a flag takes a YAML list: of strings
// in the flag's entry syntax, or of objects that the plugin renders into
// it. Type and function names must be values, never keys: golangci-lint's
// loader lower-cases keys and splits them at dots.
//
// The flag's Set must add the entries it is given and Set("") clear them,
// as leakvet's list flags do: the plugin checks each entry alone on a
// fresh value first, so that a bad one is reported under its own index,
// then clears the flag and sets the joined list.
type listFlag struct {
	separator string
	// fields are the keys an object entry may have; object receives only
	// those (absent ones are missing from the map).
	fields []string
	object func(key string, obj map[string]any) (string, error)
}

// listFlags is keyed by CHECK.FLAG. Each entry follows the syntax in that
// flag's usage text; a test checks that every key names a flag of the suite.
var listFlags = map[string]listFlag{
	// -closecheck.resources: "ACQUIRE[#RESULT] => RELEASE[, RELEASE...]",
	// entries separated by ';'.
	"closecheck.resources": {
		separator: "; ",
		fields:    []string{"acquire", "result", "release"},
		object:    renderResource,
	},
}

// render turns one list item into an entry of the flag's syntax.
func (lf listFlag) render(key string, item any) (entry, error) {
	switch item := item.(type) {
	case string:
		return entry{key, item}, nil
	case map[string]any:
		obj := map[string]any{}
		for _, k := range slices.Sorted(maps.Keys(item)) {
			i := slices.IndexFunc(lf.fields, func(f string) bool { return strings.EqualFold(f, k) })
			if i < 0 {
				return entry{}, fmt.Errorf("%s.%s: unknown key: want %s", key, k, strings.Join(lf.fields, ", "))
			}
			obj[lf.fields[i]] = item[k]
		}
		s, err := lf.object(key, obj)
		return entry{key, s}, err
	}
	return entry{}, fmt.Errorf("%s: want an object with the keys %s (or a string in the flag's syntax), got %s",
		key, strings.Join(lf.fields, ", "), describe(item))
}

// renderResource renders {acquire, result, release} as a user resource
// entry. A bare release name ("Close") is a method of the acquired value,
// as ".Close" is in the flag's syntax; a qualified name is a function
// that releases the value passed to it.
func renderResource(key string, obj map[string]any) (string, error) {
	acquire, ok := obj["acquire"].(string)
	if !ok || acquire == "" {
		return "", fmt.Errorf("%s.acquire: want the acquiring function or method, such as \"(*example.com/pool.Pool).Get\", got %s",
			key, describeField(obj, "acquire"))
	}
	spec := acquire
	if r, present := obj["result"]; present {
		n, ok := r.(json.Number)
		i, err := strconv.Atoi(string(n))
		if !ok || err != nil || i < 0 {
			return "", fmt.Errorf("%s.result: want the index of the acquired value among the results (0, 1, ...), got %s", key, describe(r))
		}
		spec += "#" + strconv.Itoa(i)
	}
	var releases []string
	switch r := obj["release"].(type) {
	case string:
		releases = []string{r}
	case []any:
		for i, item := range r {
			s, ok := item.(string)
			if !ok {
				return "", fmt.Errorf("%s.release[%d]: want a method or function name, got %s", key, i, describe(item))
			}
			releases = append(releases, s)
		}
	}
	if len(releases) == 0 {
		return "", fmt.Errorf("%s.release: want the method (Close) or function (\"(*example.com/pool.Pool).Put\") that releases the resource, or a list of them, got %s",
			key, describeField(obj, "release"))
	}
	for i, r := range releases {
		if isIdent(r) {
			releases[i] = "." + r
		}
	}
	return spec + " => " + strings.Join(releases, ", "), nil
}

func describeField(obj map[string]any, name string) string {
	v, ok := obj[name]
	if !ok {
		return "nothing (the key is missing)"
	}
	return describe(v)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		case i > 0 && '0' <= r && r <= '9':
		default:
			return false
		}
	}
	return true
}
