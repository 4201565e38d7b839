// Package pubsub delivers in-process events (cache invalidations, config
// changes, audit records) from publishers to subscribers by topic.
package pubsub

import (
	"context"
	"sync"
	"time"
)

// Message is one published event.
type Message struct {
	Topic string
	Key   string
	Data  []byte
	At    time.Time
}

type subscriber struct {
	id    int
	topic string
	ch    chan Message
	done  chan struct{}
}

// Broker keeps the subscribers of each topic.
type Broker struct {
	mu      sync.RWMutex
	nextID  int
	subs    map[string]map[int]*subscriber
	timeout time.Duration
}

// NewBroker returns an empty Broker; a slow subscriber is skipped after
// timeout.
func NewBroker(timeout time.Duration) *Broker {
	return &Broker{subs: map[string]map[int]*subscriber{}, timeout: timeout}
}

func (b *Broker) add(topic string, buf int) *subscriber {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nextID++
	s := &subscriber{id: b.nextID, topic: topic, ch: make(chan Message, buf), done: make(chan struct{})}
	if b.subs[topic] == nil {
		b.subs[topic] = map[int]*subscriber{}
	}
	b.subs[topic][s.id] = s
	return s
}

func (b *Broker) snapshot(topic string) []*subscriber {
	b.mu.RLock()
	defer b.mu.RUnlock()
	out := make([]*subscriber, 0, len(b.subs[topic]))
	for _, s := range b.subs[topic] {
		out = append(out, s)
	}
	return out
}

// Subscription is a channel of messages with a way to leave.
type Subscription struct {
	C      <-chan Message
	b      *Broker
	s      *subscriber
	closed sync.Once
}

// Close removes the subscription; C receives nothing more afterwards.
func (sub *Subscription) Close() {
	sub.closed.Do(func() {
		sub.b.mu.Lock()
		delete(sub.b.subs[sub.s.topic], sub.s.id)
		sub.b.mu.Unlock()
		close(sub.s.done)
	})
}

// Subscribe returns a subscription to topic with room for buf pending
// messages.
func (b *Broker) Subscribe(topic string, buf int) *Subscription {
	s := b.add(topic, buf)
	return &Subscription{C: s.ch, b: b, s: s}
}

// PublishSync delivers m to every subscriber in turn, skipping the ones
// that have left.
func (b *Broker) PublishSync(ctx context.Context, m Message) error {
	for _, s := range b.snapshot(m.Topic) {
		select {
		case s.ch <- m:
		case <-s.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
