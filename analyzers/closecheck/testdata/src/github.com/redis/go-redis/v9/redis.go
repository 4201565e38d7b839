// Package redis stands in for github.com/redis/go-redis/v9: a
// subscription holds a connection until its Close.
package redis

import "context"

type Message struct{ Payload string }

type PubSub struct{}

func (c *PubSub) Close() error                                     { return nil }
func (c *PubSub) Receive(ctx context.Context) (interface{}, error) { return nil, nil }
func (c *PubSub) Channel() <-chan *Message                         { return nil }

type Client struct{}

func (c *Client) Subscribe(ctx context.Context, channels ...string) *PubSub { return &PubSub{} }

type UniversalClient interface {
	Subscribe(ctx context.Context, channels ...string) *PubSub
}
