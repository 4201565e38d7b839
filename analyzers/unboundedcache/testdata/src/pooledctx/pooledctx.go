// Package pooledctx serves requests through a context of its own, taken
// from a pool and reset with the request by a pointer method: what the
// context holds afterwards comes from the request.
package pooledctx

import (
	"net/http"
	"sync"
	"time"
)

type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
	mode    string
}

func (c *Context) Reset(w http.ResponseWriter, r *http.Request) {
	c.Writer, c.Request = w, r
}

func (c *Context) SetMode(m string) { c.mode = m }

type Router struct{ pool sync.Pool }

var (
	mu      sync.Mutex
	served  = map[string][]byte{} // want `package-level map served grows without bound: serveFile writes it with keys from`
	byModes = map[string]int{}
)

func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := rt.pool.Get().(*Context)
	ctx.Reset(w, r)
	defer rt.pool.Put(ctx)
	serveStatic(ctx)
	countMode()
}

func serveStatic(ctx *Context) {
	serveFile(ctx.Request.URL.Path)
}

func serveFile(path string) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := served[path]; !ok {
		served[path] = []byte(path)
	}
}

// A pointer local set only with constants holds two values at most.
func countMode() {
	cfg := &Context{}
	cfg.SetMode("fast")
	if len(byModes) == 0 {
		cfg.SetMode("slow")
	}
	mu.Lock()
	byModes[cfg.mode]++
	mu.Unlock()
}

// Hist counts durations; Add sets what a *Hist addresses.
type Hist struct{ counts map[int64]int }

func (h *Hist) Add(d time.Duration) { h.counts[int64(d)]++ }

var (
	histMu sync.Mutex
	hists  []*Hist
)

// The pointer appended is the one the pool gave: what the clock later
// sets through it says nothing of which value it is.
func (rt *Router) Measure(w http.ResponseWriter, r *http.Request) {
	h := rt.pool.Get().(*Hist)
	start := time.Now()
	h.Add(time.Since(start))
	histMu.Lock()
	hists = append(hists, h)
	histMu.Unlock()
}
