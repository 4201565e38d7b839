package dedup

import (
	"context"
	"net/http"
	"time"
)

var (
	// Every message ID ever consumed is remembered so redeliveries can be
	// skipped; the set has no expiry.
	//
	// Not scored as a leak: the key is a field of the argument of an
	// exported function, exactly the shape of committed below, whose key
	// (a partition) is bounded. Nothing in the code says which field is
	// traffic: Consume takes no request, connection or context, and no
	// run-time code of this package calls it. unboundedcache requires such
	// evidence before it reports an exported function's parameter.
	seenMessages = map[string]struct{}{}

	// Webhook delivery IDs with the time they arrived; Prune drops those
	// older than the retry window.
	seenWebhooks = map[string]time.Time{}

	// Last committed offset per partition: the partitions of the topic
	// are a fixed, small set.
	committed = map[int32]int64{}

	// Fixed-size ring of recent event IDs; slots are overwritten.
	recentEvents [ringSize]string
	ringNext     int

	// Each duplicate adds a line for the ops page; it is never trimmed.
	duplicateLog []string // eval:leak unboundedcache
)

// Consume handles m once, however many times it is delivered.
func Consume(m Message, handle func([]byte) error) error {
	mu.Lock()
	if _, dup := seenMessages[m.ID]; dup {
		duplicateLog = append(duplicateLog, time.Now().Format(time.RFC3339)+" "+m.ID)
		mu.Unlock()
		return ErrDuplicate
	}
	seenMessages[m.ID] = struct{}{}
	mu.Unlock()

	if err := handle(m.Body); err != nil {
		return err
	}
	mu.Lock()
	if m.Offset > committed[m.Partition] {
		committed[m.Partition] = m.Offset
	}
	mu.Unlock()
	return nil
}

// Webhook answers retried deliveries with 200 without running next again.
func Webhook(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Delivery-ID")
		if id == "" {
			http.Error(w, "missing delivery id", http.StatusBadRequest)
			return
		}
		mu.Lock()
		_, dup := seenWebhooks[id]
		if !dup {
			seenWebhooks[id] = time.Now()
		}
		mu.Unlock()
		if dup {
			w.WriteHeader(http.StatusOK)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Remember records an event ID in the ring.
func Remember(eventID string) {
	mu.Lock()
	recentEvents[ringNext] = eventID
	ringNext = (ringNext + 1) % ringSize
	mu.Unlock()
}

// Prune forgets webhook deliveries older than the window, once a minute
// until ctx is done.
func Prune(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			mu.Lock()
			for id, at := range seenWebhooks {
				if now.Sub(at) > window {
					delete(seenWebhooks, id)
				}
			}
			mu.Unlock()
		}
	}
}
