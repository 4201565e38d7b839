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
