package tracing

import (
	"context"
	"math/rand/v2"
	"net/http"
	"time"
)

var (
	// Spans in flight; End removes them.
	active = map[SpanID]*Span{}

	// Finished spans awaiting export; the exporter resets the slice
	// after each batch.
	finished []*Span

	// Span counts by name; names are built from the raw request path.
	countsByName = map[string]int{} // eval:leak unboundedcache

	// Children of every trace ever seen; entries are appended and never
	// removed.
	children = map[TraceID][]SpanID{} // eval:leak unboundedcache

	// Fraction of requests traced.
	sampleRate = 0.1
)

// Start begins a span named name in trace.
func Start(trace TraceID, parent SpanID, name string) *Span {
	s := &Span{ID: SpanID(randomHex(8)), Trace: trace, Parent: parent, Name: name, Start: time.Now()}
	mu.Lock()
	active[s.ID] = s
	countsByName[name]++
	if parent != "" {
		children[trace] = append(children[trace], s.ID)
	}
	mu.Unlock()
	return s
}

// End finishes s.
func End(s *Span) {
	s.End = time.Now()
	mu.Lock()
	delete(active, s.ID)
	finished = append(finished, s)
	mu.Unlock()
}

// Middleware starts a span for each request.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trace := TraceID(r.Header.Get("X-Trace-ID"))
		if trace == "" && rand.Float64() >= sampleRate {
			next.ServeHTTP(w, r)
			return
		}
		if trace == "" {
			trace = TraceID(randomHex(16))
		}
		s := Start(trace, SpanID(r.Header.Get("X-Parent-Span")), r.Method+" "+r.URL.Path)
		defer End(s)
		next.ServeHTTP(w, r)
	})
}

// Export hands finished spans to exp every interval until ctx is done.
func Export(ctx context.Context, exp Exporter, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		mu.Lock()
		batch := append([]*Span(nil), finished...)
		finished = finished[:0]
		mu.Unlock()
		if len(batch) > 0 {
			_ = exp.Export(batch)
		}
	}
}
