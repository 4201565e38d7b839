package events

import (
	"net/http"
)

var (
	// Live streams; each stream removes its channel when the client goes
	// away.
	subscribers = map[chan Event]struct{}{}

	// Channels of the legacy polling endpoint: one is appended per call
	// and none is ever removed, so the slice grows and Publish keeps
	// writing into abandoned buffers.
	pollers []chan Event // eval:leak unboundedcache

	// Most recent event of each topic: three keys.
	latest = map[Topic]Event{}

	// The last replaySize events, for clients that reconnect.
	replay []Event

	// Last-Event-ID reported by each client address, for the reconnect
	// log; never removed.
	resumedFrom = map[string]string{} // eval:leak unboundedcache
)

// Publish delivers e to every stream.
func Publish(e Event) {
	mu.Lock()
	defer mu.Unlock()
	latest[e.Topic] = e
	replay = append(replay, e)
	if len(replay) > replaySize {
		replay = append(replay[:0], replay[len(replay)-replaySize:]...)
	}
	for ch := range subscribers {
		select {
		case ch <- e:
		default:
		}
	}
	for _, ch := range pollers {
		select {
		case ch <- e:
		default:
		}
	}
}

// Stream serves a server-sent event stream until the client disconnects.
func Stream(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	ch := make(chan Event, 16)
	mu.Lock()
	if id := r.Header.Get("Last-Event-ID"); id != "" {
		resumedFrom[r.RemoteAddr] = id
	}
	subscribers[ch] = struct{}{}
	backlog := append([]Event(nil), replay...)
	mu.Unlock()
	defer func() {
		mu.Lock()
		delete(subscribers, ch)
		mu.Unlock()
	}()
	for _, e := range backlog {
		if err := writeEvent(w, e); err != nil {
			return
		}
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-ch:
			if err := writeEvent(w, e); err != nil {
				return
			}
		}
	}
}

// Poll waits for the next event and returns it as one response.
func Poll(w http.ResponseWriter, r *http.Request) {
	ch := make(chan Event, 1)
	mu.Lock()
	pollers = append(pollers, ch)
	mu.Unlock()
	select {
	case <-r.Context().Done():
	case e := <-ch:
		if err := writeEvent(w, e); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}
