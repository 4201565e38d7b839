// Package evidence holds pairs: a container an exported function fills
// with its caller's data (silent: the callers are out of sight, and a
// registration at start-up looks the same) next to one with evidence that
// the data is traffic (reported).
package evidence

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

var mu sync.Mutex

// Registry: an exported function appends its parameter. Programs call it
// from main or init, once per hook; nothing here says otherwise.
var initializers []func()

func OnInitialize(y ...func()) {
	initializers = append(initializers, y...)
}

var ignored []string

func IgnoreGoroutine(s string) { // want IgnoreGoroutine:`growsWith\(0, slice evidence.ignored\)`
	ignored = append(ignored, s)
}

// Cache: the same append from a function that runs per operation (it
// receives the operation's context).
var seenQueries []string // want `package-level slice seenQueries grows without bound: Query appends values from parameter q to it and nothing removes elements`

func Query(ctx context.Context, q string) {
	mu.Lock()
	seenQueries = append(seenQueries, q)
	mu.Unlock()
}

// Memo of an exported function keyed by its parameter: a component name
// the callers pass as a constant, or a user ID; the code does not tell.
var components = map[string]*component{}

type component struct{ name string }

func Component(name string) *component { // want Component:`growsWith\(0, map evidence.components\)`
	mu.Lock()
	defer mu.Unlock()
	if c, ok := components[name]; ok {
		return c
	}
	c := &component{name}
	components[name] = c
	return c
}

// The same memo called by this package's own handler with request data.
var profiles = map[string]*component{} // want `package-level map profiles grows without bound: Profile writes it with keys from parameter name`

func Profile(name string) *component {
	mu.Lock()
	defer mu.Unlock()
	if c, ok := profiles[name]; ok {
		return c
	}
	c := &component{name}
	profiles[name] = c
	return c
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		Profile(r.URL.Path)
	})
}

// Traffic by type: a key read from a request or a connection, or an
// error's message, whoever calls the function.
var byPeer = map[string]int{} // want `package-level map byPeer grows without bound: CountPeer writes it with keys from c.RemoteAddr\(\).String\(\) \(parameter c\)`

func CountPeer(c net.Conn) {
	mu.Lock()
	byPeer[c.RemoteAddr().String()]++
	mu.Unlock()
}

var byError = map[string]int{} // want `package-level map byError grows without bound: RecordError writes it with keys from err.Error\(\) \(parameter err\)`

func RecordError(err error) {
	mu.Lock()
	byError[err.Error()]++
	mu.Unlock()
}

// A setter keyed by a name: configuration, not traffic.
var passwords = map[string]string{}

func SetPassword(location, password string) { // want SetPassword:`growsWith\(0, map evidence.passwords\)`
	mu.Lock()
	passwords[location] = password
	mu.Unlock()
}

// A set whose length is checked against a bound through a local: capped.
var methods = map[string]int{}

func methodsHandler(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	n := len(methods)
	if n > 60 {
		http.Error(w, "too many methods", http.StatusBadRequest)
		return
	}
	methods[r.Method] = n
}

var _ = http.HandlerFunc(methodsHandler)

// Entries that grow on every call, whatever the key: each event carries
// the clock, so no two appended values are the same.
type event struct {
	at   time.Time
	what string
}

var byActor = map[string][]event{} // want `package-level map byActor grows without bound: Record appends values from e \(time.Now\) to its entries and nothing deletes from it`

func Record(actor, what string) {
	e := event{at: time.Now(), what: what}
	mu.Lock()
	byActor[actor] = append(byActor[actor], e)
	mu.Unlock()
}

// Entries that hold what the caller passes: hooks registered per name.
var hooks = map[string][]string{}

func AddHook(name, hook string) { // want AddHook:`growsWith\(0, map evidence.hooks\)`
	mu.Lock()
	hooks[name] = append(hooks[name], hook)
	mu.Unlock()
}
