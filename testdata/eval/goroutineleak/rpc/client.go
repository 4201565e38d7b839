package rpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"time"
)

// NewClient starts reading responses from conn.
func NewClient(conn net.Conn) *Client {
	c := &Client{
		conn:    conn,
		enc:     json.NewEncoder(conn),
		pending: map[uint64]chan *Response{},
		closed:  make(chan struct{}),
	}
	// The read loop ends on the first read error, which Close causes by
	// closing the connection.
	go c.readLoop()
	return c
}

func (c *Client) readLoop() {
	dec := json.NewDecoder(c.conn)
	var err error
	for {
		var resp Response
		if err = dec.Decode(&resp); err != nil {
			break
		}
		c.mu.Lock()
		ch, ok := c.pending[resp.ID]
		delete(c.pending, resp.ID)
		c.mu.Unlock()
		if ok {
			ch <- &resp // buffered 1, one response per id
		}
	}
	c.mu.Lock()
	c.err = err
	c.mu.Unlock()
	c.once.Do(func() { close(c.closed) })
}

// Call sends method with params and decodes the result into out.
func (c *Client) Call(ctx context.Context, method string, params, out any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	id, ch := c.register()
	if err := c.write(&Request{ID: id, Method: method, Params: raw}); err != nil {
		c.forget(id)
		return err
	}
	select {
	case resp := <-ch:
		if resp.Error != "" {
			return errors.New(resp.Error)
		}
		if out == nil {
			return nil
		}
		return json.Unmarshal(resp.Result, out)
	case <-c.closed:
		c.forget(id)
		return ErrClosed
	case <-ctx.Done():
		c.forget(id)
		return ctx.Err()
	}
}

// CallTimeout is Call for callers without a context.
func (c *Client) CallTimeout(method string, params, out any, d time.Duration) error {
	errc := make(chan error)
	// When the timer wins, the goroutine later blocks on errc forever.
	go func() { // eval:leak goroutineleak
		errc <- c.Call(context.Background(), method, params, out)
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(d):
		return fmt.Errorf("%s: %w", method, ErrTimeout)
	}
}

// Go starts a call and returns a channel that receives its error.
func (c *Client) Go(ctx context.Context, method string, params, out any) <-chan error {
	// One slot: the goroutine finishes even if the caller never looks.
	errc := make(chan error, 1)
	go func() {
		errc <- c.Call(ctx, method, params, out)
	}()
	return errc
}

// Ping checks the connection, retrying up to attempts times with a per
// attempt deadline.
func (c *Client) Ping(attempts int, per time.Duration) error {
	for i := 0; i < attempts; i++ {
		done := make(chan error)
		// An attempt that misses its deadline is abandoned: its
		// goroutine blocks on done forever when the answer finally
		// comes.
		go func() { // eval:leak goroutineleak
			done <- c.Call(context.Background(), "ping", nil, nil)
		}()
		select {
		case err := <-done:
			if err == nil {
				return nil
			}
		case <-time.After(per):
		}
	}
	return fmt.Errorf("ping: %w", ErrTimeout)
}

// PingContext checks the connection, retrying up to attempts times with a
// per attempt deadline.
func (c *Client) PingContext(ctx context.Context, attempts int, per time.Duration) error {
	for i := 0; i < attempts; i++ {
		actx, cancel := context.WithTimeout(ctx, per)
		err := c.Call(actx, "ping", nil, nil)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return fmt.Errorf("ping: %w", ErrTimeout)
}
