package pubsub

import (
	"context"
	"time"
)

// SubscribeContext is Subscribe with the subscription closed when ctx
// ends.
func (b *Broker) SubscribeContext(ctx context.Context, topic string, buf int) *Subscription {
	sub := b.Subscribe(topic, buf)
	// Ends when ctx ends or the subscription is closed directly.
	go func() {
		select {
		case <-ctx.Done():
			sub.Close()
		case <-sub.s.done:
		}
	}()
	return sub
}

// Publish hands m to every subscriber of its topic without waiting for
// them.
func (b *Broker) Publish(m Message) {
	for _, s := range b.snapshot(m.Topic) {
		// A subscriber that has closed its subscription stops reading
		// C; once its buffer is full this send waits forever.
		go func() { // eval:leak goroutineleak
			s.ch <- m
		}()
	}
}

// PublishTimeout hands m to every subscriber of its topic without waiting
// for them; a subscriber that leaves or stays full for the broker's
// timeout misses the message.
func (b *Broker) PublishTimeout(m Message) {
	for _, s := range b.snapshot(m.Topic) {
		go func() {
			t := time.NewTimer(b.timeout)
			defer t.Stop()
			select {
			case s.ch <- m:
			case <-s.done:
			case <-t.C:
			}
		}()
	}
}
