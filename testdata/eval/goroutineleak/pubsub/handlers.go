package pubsub

import (
	"context"
	"errors"
	"time"
)

// ErrNoReply is returned when nobody answers a request in time.
var ErrNoReply = errors.New("pubsub: no reply")

// Handle calls fn for every message on topic until the returned stop
// function is called.
func (b *Broker) Handle(topic string, fn func(Message)) (stop func()) {
	sub := b.Subscribe(topic, 16)
	// Close removes the subscriber and closes done but never closes its
	// channel, so after stop the range waits forever.
	go func() { // eval:leak goroutineleak
		for m := range sub.C {
			fn(m)
		}
	}()
	return sub.Close
}

// HandleUntilClosed calls fn for every message on topic until the
// returned stop function is called.
func (b *Broker) HandleUntilClosed(topic string, fn func(Message)) (stop func()) {
	sub := b.Subscribe(topic, 16)
	// Leaves on the done channel that Close closes.
	go func() {
		for {
			select {
			case m := <-sub.C:
				fn(m)
			case <-sub.s.done:
				return
			}
		}
	}()
	return sub.Close
}

// Request publishes m and waits for the first message on replyTopic with
// the same key.
func (b *Broker) Request(ctx context.Context, m Message, replyTopic string, d time.Duration) (Message, error) {
	sub := b.Subscribe(replyTopic, 1)
	defer sub.Close()
	got := make(chan Message)
	// The reply is handed over unbuffered; after the timeout nobody
	// receives, and the goroutine waits on got forever once the reply
	// arrives (and on sub.C forever if it never does).
	go func() { // eval:leak goroutineleak
		for r := range sub.C {
			if r.Key == m.Key {
				got <- r
				return
			}
		}
	}()
	if err := b.PublishSync(ctx, m); err != nil {
		return Message{}, err
	}
	select {
	case r := <-got:
		return r, nil
	case <-time.After(d):
		return Message{}, ErrNoReply
	}
}

// Forward copies every message on topic to dst until ctx ends.
func (b *Broker) Forward(ctx context.Context, topic string, dst *Broker) {
	sub := b.SubscribeContext(ctx, topic, 32)
	// Both the receive and the re-publish give up when ctx ends.
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case m := <-sub.C:
				if err := dst.PublishSync(ctx, m); err != nil {
					return
				}
			}
		}
	}()
}
