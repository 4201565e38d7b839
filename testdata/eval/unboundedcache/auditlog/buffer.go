package auditlog

import (
	"context"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"time"
)

var (
	// Entries not yet shipped; the shipper takes the slice and leaves nil
	// behind.
	pending []Entry

	// Every entry ever recorded, kept for the "recent activity" page and
	// never trimmed.
	history []Entry // eval:leak unboundedcache

	// Index of every entry by actor, also never trimmed.
	byActor = map[string][]Entry{} // eval:leak unboundedcache

	// Destinations, added by RegisterSink during start-up.
	sinks []Sink

	dropped atomic.Int64
)

// RegisterSink adds a destination for audit batches. Call it during
// start-up, before Ship runs.
func RegisterSink(s Sink) {
	mu.Lock()
	sinks = append(sinks, s)
	mu.Unlock()
}

// Record audits one action.
func Record(actor, action, target string) {
	e := Entry{At: time.Now(), Actor: actor, Action: action, Target: target}
	mu.Lock()
	pending = append(pending, e)
	history = append(history, e)
	byActor[actor] = append(byActor[actor], e)
	mu.Unlock()
}

// Ship sends pending entries to every sink each interval until ctx is
// done.
func Ship(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		mu.Lock()
		batch := pending
		pending = nil
		targets := append([]Sink(nil), sinks...)
		mu.Unlock()
		for _, s := range targets {
			if err := s.Write(ctx, batch); err != nil {
				dropped.Add(int64(len(batch)))
			}
		}
	}
}

// ActorHandler lists everything the actor named in the path did.
func ActorHandler(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	list := append([]Entry(nil), byActor[r.PathValue("actor")]...)
	mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(list); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// RecentHandler lists the last 50 entries.
func RecentHandler(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	start := max(len(history)-50, 0)
	list := append([]Entry(nil), history[start:]...)
	mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(list); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
