package rpc

import (
	"context"
	"time"
)

// StartHeartbeat pings the peer every interval.
func (c *Client) StartHeartbeat(every time.Duration, onFail func(error)) {
	t := time.NewTicker(every)
	// Neither Close nor anything else stops the ticker or ends the loop:
	// the goroutine outlives the client, pinging a closed connection.
	go func() { // eval:leak goroutineleak
		for range t.C {
			ctx, cancel := context.WithTimeout(context.Background(), every)
			if err := c.Call(ctx, "ping", nil, nil); err != nil {
				onFail(err)
			}
			cancel()
		}
	}()
}

// KeepAlive pings the peer every interval until the client is closed.
func (c *Client) KeepAlive(every time.Duration, onFail func(error)) {
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-c.closed:
				return
			case <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), every)
				err := c.Call(ctx, "ping", nil, nil)
				cancel()
				if err != nil {
					onFail(err)
				}
			}
		}
	}()
}
