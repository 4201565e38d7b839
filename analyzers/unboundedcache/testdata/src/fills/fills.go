// Package fills holds keys read into a buffer by a call that fills it.
package fills

import (
	"context"
	"io"
	"net/http"
	"sync"
)

// A request body read into a buffer through io.Reader's Read: the buffer
// holds the request's data, not only a fresh allocation.
var bodies = map[string]int{} // want `package-level map bodies grows without bound: count writes it with keys from string\(buf\) \(parameter r\)`

func count(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 64)
	r.Body.Read(buf)
	bodies[string(buf)]++
}

// The same through io.ReadFull.
var prefixes = map[string]int{} // want `package-level map prefixes grows without bound: countFull writes it with keys from string\(buf\) \(parameter r\)`

func countFull(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 8)
	io.ReadFull(r.Body, buf)
	prefixes[string(buf)]++
}

func init() {
	http.HandleFunc("/count", count)
	http.HandleFunc("/full", countFull)
}

// A deferred Store after a duplicate check that panics: a registry.
var seen sync.Map

func Mark(ctx context.Context, name string, n int) {
	if _, dup := seen.Load(name); dup {
		panic("mark " + name + " set twice")
	}
	defer seen.Store(name, n)
}

// The same deferred Store after a check that only returns.
var seenQuiet sync.Map // want `package-level sync.Map seenQuiet grows without bound: MarkQuiet stores keys from parameter name in it`

func MarkQuiet(ctx context.Context, name string, n int) {
	if _, dup := seenQuiet.Load(name); dup {
		return
	}
	defer seenQuiet.Store(name, n)
}
