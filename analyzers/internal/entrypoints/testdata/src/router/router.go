// Package router keeps some of the functions it is given.
package router

import (
	"io"
	"net/http"
)

type Handler func(topic string)

type Router struct {
	routes map[string]Handler
	all    []Handler
	ch     chan Handler
}

// Route keeps h in a map: a function passed here runs later.
func (r *Router) Route(path string, h Handler) { // want Route:`keeps\[1\]`
	r.routes[path] = h
}

// Chain keeps every handler it is given.
func (r *Router) Chain(hs ...Handler) { // want Chain:`keeps\[0\]`
	r.all = append(r.all, hs...)
}

// Queue sends the handler to be run by someone else.
func (r *Router) Queue(h Handler) { // want Queue:`keeps\[0\]`
	r.ch <- h
}

// Via keeps h through a helper of its own package.
func (r *Router) Via(h Handler) { // want Via:`keeps\[0\]`
	r.store(h)
}

func (r *Router) store(h Handler) { r.routes["x"] = h }

// Each calls f before returning: nothing is kept.
func (r *Router) Each(f Handler) {
	for k := range r.routes {
		f(k)
	}
}

// Wrap puts f in a value that it passes on to be called: nothing is kept.
func Wrap(f func(int) bool) bool {
	return call(pair{f})
}

type pair struct{ f func(int) bool }

func call(p pair) bool { return p.f(1) }

// Mux keeps http.Handlers: a handler type is behaviour.
type Mux struct {
	handlers map[string]http.Handler
	conns    []io.ReadCloser
}

func (m *Mux) Handle(pattern string, h http.Handler) { // want Handle:`keeps\[1\]`
	m.handlers[pattern] = h
}

// Track keeps a resource, not behaviour: no fact.
func (m *Mux) Track(c io.ReadCloser) { m.conns = append(m.conns, c) }

// wrapErrors returns a literal that calls h: whoever keeps its result
// keeps h.
func wrapErrors(name string, h Handler) Handler {
	return func(topic string) {
		if topic != "" {
			h(name + topic)
		}
	}
}

var table = map[string]Handler{}

// Register keeps f through the wrapper's result, stored in a map.
func Register(name string, f Handler) { // want Register:`keeps\[1\]`
	table[name] = wrapErrors(name, f)
}

// Guarded calls the wrapper's result at once: nothing is kept.
func Guarded(name string, f Handler) {
	wrapErrors(name, f)("now")
}

// Deferred keeps f in a literal that it stores.
func (r *Router) Deferred(f Handler) { // want Deferred:`keeps\[0\]`
	r.all = append(r.all, func(topic string) { f(topic) })
}

// Inline captures f in a literal called before returning: nothing is kept.
func Inline(f Handler) {
	func() { f("x") }()
}

// Getter's literal returns f; Getter itself returns only the literal's
// result, so nothing is kept.
func Getter(f Handler) {
	get := func() Handler { return f }
	get()("x")
}
