// Package lifecycle holds the cases where start-up and run time are told
// apart from what the program does, never from a function's name.
package main

import (
	"net/http"
	"time"

	"example.com/bus"
)

// A set-up function with no telling name that only main reaches creates
// the map; it does not reset it, so the handler's writes still count.
var carts map[string]int // want `package-level map carts grows without bound: addToCart writes it with keys from r.URL.Path \(parameter r\)`

func prepare() { carts = make(map[string]int) }

func addToCart(w http.ResponseWriter, r *http.Request) { carts[r.URL.Path]++ }

// The same assignment in a function that a handler calls resets the map
// at run time: bounded.
var drafts map[string]int

func forget() { drafts = make(map[string]int) }

func saveDraft(w http.ResponseWriter, r *http.Request) {
	drafts[r.URL.Path]++
	if r.Method == http.MethodDelete {
		forget()
	}
}

// A handler attached to a bus that keeps it runs per event, whatever the
// bus's method is called: its parameters carry traffic.
var topics = map[string]string{} // want `package-level map topics grows without bound: onEvent writes it with keys from parameter topic`

func onEvent(topic, payload string) { topics[topic] = payload }

// The same handler shape handed to a method that calls it before
// returning runs during start-up.
var replayed = map[string]string{}

// Identical init code through methods named Get and Each: both call the
// function before returning, so both run at start-up and neither table
// is reported.
type table struct{ keys []string }

func (t *table) Get(fn func(k string)) {
	for _, k := range t.keys {
		fn(k)
	}
}

func (t *table) Each(fn func(k string)) {
	for _, k := range t.keys {
		fn(k)
	}
}

var (
	viaGet  = map[string]string{}
	viaEach = map[string]string{}
	known   = &table{keys: []string{"a", "b"}}
)

func init() {
	known.Get(func(k string) { viaGet[time.Now().String()] = k })
	known.Each(func(k string) { viaEach[time.Now().String()] = k })
}

func main() {
	prepare()
	b := &bus.Bus{}
	b.Attach(onEvent)
	b.Replay(func(topic, payload string) { replayed[topic] = payload })
	http.HandleFunc("/cart", addToCart)
	http.HandleFunc("/draft", saveDraft)
	http.ListenAndServe(":8080", nil)
}
