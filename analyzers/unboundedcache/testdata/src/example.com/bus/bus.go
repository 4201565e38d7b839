// Package bus is an event bus whose handler type owes nothing to
// net/http: only its body shows that Attach keeps the handler.
package bus

type Bus struct{ subs []func(topic, payload string) }

// Attach keeps fn and calls it for every event published later.
func (b *Bus) Attach(fn func(topic, payload string)) { b.subs = append(b.subs, fn) }

// Replay calls fn for the events already seen, before returning.
func (b *Bus) Replay(fn func(topic, payload string)) {
	for range b.subs {
		fn("t", "p")
	}
}

// Publish runs the attached handlers.
func (b *Bus) Publish(topic, payload string) {
	for _, s := range b.subs {
		s(topic, payload)
	}
}
