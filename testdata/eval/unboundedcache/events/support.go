// Package events streams order events to browsers over server-sent
// events.
package events

import (
	"fmt"
	"net/http"
	"sync"
)

var mu sync.Mutex

// Topic is an event stream.
type Topic uint8

// The topics.
const (
	Orders Topic = iota
	Shipments
	Refunds
)

// Event is one message on a topic.
type Event struct {
	ID    string
	Topic Topic
	Data  string
}

const replaySize = 100

func writeEvent(w http.ResponseWriter, e Event) error {
	if _, err := fmt.Fprintf(w, "id: %s\ndata: %s\n\n", e.ID, e.Data); err != nil {
		return err
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}
