// Package guards holds writes whose key comes from traffic (an exported
// function taking a context runs per operation) and the guards around
// them, each beside the same write without the guard.
package guards

import (
	"context"
	"errors"
	"log"
	"strings"
	"sync"
)

// A duplicate key panics: a registry.
var kinds = map[string]int{}

func AddKind(ctx context.Context, name string, n int) {
	if _, dup := kinds[name]; dup {
		panic("kind " + name + " added twice")
	}
	kinds[name] = n
}

// A duplicate key is only logged: every new key stays.
var kindsLogged = map[string]int{} // want `package-level map kindsLogged grows without bound: AddKindLogged writes it with keys from parameter name and nothing deletes from it`

func AddKindLogged(ctx context.Context, name string, n int) {
	if _, dup := kindsLogged[name]; dup {
		log.Printf("kind %s added twice", name)
	}
	kindsLogged[name] = n
}

// A duplicate key compared with nil returns an error: a registry.
var sinks = map[string]*strings.Builder{}

var errTaken = errors.New("sink taken")

func AddSink(ctx context.Context, name string) error {
	if sinks[name] != nil {
		return errTaken
	}
	sinks[name] = new(strings.Builder)
	return nil
}

// The same check returning nil rejects nothing.
var sinksQuiet = map[string]*strings.Builder{} // want `package-level map sinksQuiet grows without bound: AddSinkQuiet writes it with keys from parameter name and nothing deletes from it`

func AddSinkQuiet(ctx context.Context, name string) error {
	if sinksQuiet[name] != nil {
		return nil
	}
	sinksQuiet[name] = new(strings.Builder)
	return nil
}

// The write is left out where a lookup of the same key in a fixed table
// misses: only known keys are counted.
var allowed = map[string]bool{"read": true, "write": true}

var hits = map[string]int{}

func Hit(ctx context.Context, op string) {
	_, ok := allowed[op]
	if !ok {
		return
	}
	hits[op]++
}

// The miss is only logged: unknown keys are counted too.
var hitsLogged = map[string]int{} // want `package-level map hitsLogged grows without bound: HitLogged writes it with keys from parameter op and nothing deletes from it`

func HitLogged(ctx context.Context, op string) {
	_, ok := allowed[op]
	if !ok {
		log.Printf("unknown op %s", op)
	}
	hitsLogged[op]++
}

// The same in a loop, where a miss goes on with the next key.
var batchHits = map[string]int{}

func HitAll(ctx context.Context, ops []string) {
	for _, op := range ops {
		if !allowed[op] {
			continue
		}
		batchHits[op]++
	}
}

// A lookup of another key guards nothing.
var batchHitsOther = map[string]int{} // want `package-level map batchHitsOther grows without bound: HitAllOther writes it with keys from op \(loop over ops\) and nothing deletes from it`

func HitAllOther(ctx context.Context, ops []string, kind string) {
	for _, op := range ops {
		if !allowed[kind] {
			continue
		}
		batchHitsOther[op]++
	}
}

// LoadOrStore reports a duplicate that then panics: a registry.
var handlers sync.Map

func Handle(ctx context.Context, name string, h func()) {
	if _, loaded := handlers.LoadOrStore(name, h); loaded {
		panic("handler " + name + " registered twice")
	}
}

// The key compared with constants on every path to the write: a bounded
// set, whether the comparison is a switch case or an if.
var methods = map[string]int{}

func Method(ctx context.Context, m string) {
	if m == "GET" || m == "HEAD" {
		methods[m]++
	}
}

// One path reaches the write with any key.
var methodsAny = map[string]int{} // want `package-level map methodsAny grows without bound: MethodAny writes it with keys from parameter m and nothing deletes from it`

func MethodAny(ctx context.Context, m string) {
	if m == "GET" || strings.HasPrefix(m, "X-") {
		methodsAny[m]++
	}
}

// A cache filled where the key is missing, by a function that goes on to
// return an error after the lookup's found branch joins the write's: the
// error rejects an empty answer, not a duplicate key.
var owners = map[string]string{} // want `package-level map owners grows without bound: Owner writes it with keys from parameter key and nothing deletes from it`

var errNoOwner = errors.New("no owner")

func Owner(ctx context.Context, key string, find func(string) string) (string, error) {
	owner, cached := owners[key]
	if !cached {
		owner = find(key)
		owners[key] = owner
	}
	if owner == "" {
		return "", errNoOwner
	}
	return owner, nil
}
