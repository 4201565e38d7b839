// Package frameworks serves files through fasthttp, whose handlers get a
// *fasthttp.RequestCtx per request: a handler installed as a method value
// keys its cache by request data.
package frameworks

import (
	"context"
	"strings"
	"sync"

	"github.com/valyala/fasthttp"
)

var fileLocks sync.Map // want `package-level sync.Map fileLocks grows without bound: lockFor stores keys from parameter path in it and nothing deletes from it`

var kinds sync.Map

type handler struct{ root string }

func (h *handler) serve(ctx *fasthttp.RequestCtx) {
	p := h.root + string(ctx.Path())
	mu := lockFor(p)
	mu.Lock()
	defer mu.Unlock()
	kind := "other"
	switch {
	case strings.HasSuffix(p, ".html"):
		kind = "html"
	case strings.HasSuffix(p, ".css"):
		kind = "css"
	}
	kinds.Store(kind, true) // one of three kinds: kinds stays small
}

func lockFor(path string) *sync.Mutex {
	v, _ := fileLocks.LoadOrStore(path, &sync.Mutex{})
	return v.(*sync.Mutex)
}

// Handler returns the method value: fasthttp calls it per request.
func Handler(root string) fasthttp.RequestHandler {
	h := &handler{root: root}
	return h.serve
}

var names = map[string]bool{}

type registrar struct{}

func (registrar) add(name string) { names[name] = true }

// Register hands out a method value whose parameter is a name, not
// request data: whoever calls it at start-up decides the names.
func Register() func(string) {
	var r registrar
	return r.add
}

var offsets = map[int]string{}

type converter struct{}

func (converter) zone(ctx context.Context, offset int) string {
	if z, ok := offsets[offset]; ok {
		return z
	}
	z := "UTC"
	offsets[offset] = z
	return z
}

// Converter hands out a method value that takes a context: callers decide
// what the offsets are, and a context alone does not make them traffic.
func Converter() func(context.Context, int) string {
	var c converter
	return c.zone
}
