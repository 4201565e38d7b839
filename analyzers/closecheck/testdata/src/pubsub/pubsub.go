// Package pubsub subscribes to redis channels: the subscription is the
// caller's to close.
package pubsub

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

func subscribedDroppedOnReceiveError(c redis.UniversalClient) (*redis.PubSub, error) {
	ps := c.Subscribe(context.Background(), "cancel") // want `subscription from c.Subscribe is not closed when returning at line 15`
	if _, err := ps.Receive(context.Background()); err != nil {
		return nil, fmt.Errorf("receive: %v", err)
	}
	return ps, nil
}

func subscribedClosedOnReceiveError(c *redis.Client) (*redis.PubSub, error) {
	ps := c.Subscribe(context.Background(), "cancel")
	if _, err := ps.Receive(context.Background()); err != nil {
		ps.Close()
		return nil, err
	}
	return ps, nil
}
