// Package builtins registers its functions from init in a table, each
// wrapped in a literal that a helper returns: the table is consulted at
// run time, so the functions run per evaluation and their operands are
// that evaluation's data.
package builtins

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

type Term struct{ Value string }

type Func func(operands []*Term, iter func(*Term) error) error

var funcs = map[string]Func{}

// withName returns a literal that calls fn: storing its result keeps fn.
func withName(name string, fn Func) Func {
	return func(operands []*Term, iter func(*Term) error) error {
		if err := fn(operands, iter); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
}

func Register(name string, f Func) { funcs[name] = withName(name, f) }

// Call runs a registered function: run time.
func Call(name string, operands []*Term) error {
	return funcs[name](operands, func(*Term) error { return nil })
}

var (
	mu       sync.Mutex
	compiled map[string]*regexp.Regexp // want `package-level map compiled grows without bound: compile writes it with keys from parameter pat`
)

func compile(pat string) (*regexp.Regexp, error) {
	mu.Lock()
	defer mu.Unlock()
	if re, ok := compiled[pat]; ok {
		return re, nil
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil, err
	}
	compiled[pat] = re
	return re, nil
}

func match(operands []*Term, iter func(*Term) error) error {
	re, err := compile(operands[0].Value)
	if err != nil {
		return err
	}
	if re.MatchString(operands[1].Value) {
		return iter(operands[1])
	}
	return nil
}

// The same shape run once through the wrapper's result during init:
// start-up, not reported.
var (
	warmed = map[string]*regexp.Regexp{}
)

func warm(operands []*Term, iter func(*Term) error) error {
	re, err := regexp.Compile(operands[0].Value)
	if err != nil {
		return err
	}
	warmed[operands[0].Value] = re
	return nil
}

// A key built in a strings.Builder from an operand: what the builder
// holds comes from what is written into it.
var globs = map[string]*regexp.Regexp{} // want `package-level map globs grows without bound: glob writes it with keys from id`

func glob(operands []*Term, iter func(*Term) error) error {
	b := strings.Builder{}
	b.WriteString(operands[0].Value)
	b.WriteRune('-')
	id := b.String()
	if _, ok := globs[id]; !ok {
		globs[id] = regexp.MustCompile(regexp.QuoteMeta(operands[0].Value))
	}
	return nil
}

// The same builder written only with constants: two keys at most.
var modes = map[string]bool{}

func mode(operands []*Term, iter func(*Term) error) error {
	var b strings.Builder
	b.WriteString("mode")
	if len(operands) > 1 {
		b.WriteRune('+')
	}
	modes[b.String()] = true
	return nil
}

func init() {
	compiled = map[string]*regexp.Regexp{}
	Register("match", match)
	Register("glob", glob)
	Register("mode", mode)
	_ = withName("warm", warm)([]*Term{{Value: "a+"}}, nil)
}

// Zones cached only once time.LoadLocation accepted the name: the time
// zone database bounds the keys.
var (
	zoneMu sync.Mutex
	zones  = map[string]*time.Location{}
)

func zone(operands []*Term, iter func(*Term) error) error {
	name := operands[0].Value
	zoneMu.Lock()
	defer zoneMu.Unlock()
	loc, ok := zones[name]
	if !ok {
		var err error
		loc, err = time.LoadLocation(name)
		if err != nil {
			return err
		}
		zones[name] = loc
	}
	_ = loc
	return nil
}

// The same cache filled whatever LoadLocation answered: a failed name is
// stored too.
var anyZones = map[string]*time.Location{} // want `package-level map anyZones grows without bound: anyZone writes it with keys from name`

func anyZone(operands []*Term, iter func(*Term) error) error {
	name := operands[0].Value
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = time.UTC
	}
	anyZones[name] = loc
	return nil
}

func init() {
	Register("zone", zone)
	Register("anyZone", anyZone)
}
