package app

import (
	"net/http"
	"net/rpc"

	"router"
)

func onTopic(topic string) {} // want `onTopic: handler`

func eachTopic(topic string) {}

func page(w http.ResponseWriter, r *http.Request) {} // want `page: handler`

type Service struct{}

func (s *Service) Lookup(arg string, reply *string) error { return nil } // want `Lookup: handler`

type mux struct{}

// Attach takes a handler by type: its name says nothing.
func (mux) Attach(pattern string, h http.Handler) {}

type status struct{}

func (status) ServeHTTP(w http.ResponseWriter, r *http.Request) {} // want `ServeHTTP: handler`

func Setup(r *router.Router) {
	r.Route("/a", onTopic)
	r.Each(eachTopic)
	http.HandleFunc("/page", page)
	rpc.Register(&Service{})
	mux{}.Attach("/s", status{})
}
