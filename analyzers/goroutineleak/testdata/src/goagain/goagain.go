// Package goagain has goroutines that a go statement starts again on the
// same channels ("go round again"): a function only go statements of the
// package run gets its arguments from them, as from a call.
package goagain

import (
	"context"
	"errors"
	"net"
	"time"
)

type client struct{ conn net.Conn }

func (c *client) read() (int, error) {
	b := make([]byte, 1)
	return c.conn.Read(b)
}

// expect sends what it reads, or starts itself again on a frame that
// asks for another round.
func (c *client) expect(packet chan<- int, errs chan<- error) {
	n, err := c.read()
	if err != nil {
		errs <- err
		return
	}
	if n == 2 {
		go c.expect(packet, errs)
		return
	}
	packet <- n
}

// connect closes the connection and returns when the context ends first.
func (c *client) connect(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	packets := make(chan int)
	errs := make(chan error)
	go c.expect(packets, errs) // want `goroutine blocks forever sending on errs or packet: the caller can return at line 45 without receiving`
	select {
	case <-ctx.Done():
		_ = c.conn.Close()
		return 0, ctx.Err()
	case err := <-errs:
		return 0, err
	case n := <-packets:
		return n, nil
	}
}

// connectBuffered gives each channel a slot: the one send completes.
func (c *client) connectBuffered(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	packets := make(chan int, 1)
	errs := make(chan error, 1)
	go c.expectBuffered(packets, errs)
	select {
	case <-ctx.Done():
		_ = c.conn.Close()
		return 0, ctx.Err()
	case err := <-errs:
		return 0, err
	case n := <-packets:
		return n, nil
	}
}

func (c *client) expectBuffered(packet chan<- int, errs chan<- error) {
	n, err := c.read()
	if err != nil {
		errs <- err
		return
	}
	if n == 2 {
		go c.expectBuffered(packet, errs)
		return
	}
	packet <- n
}

// connectWaiting receives one of the two on every path.
func (c *client) connectWaiting() (int, error) {
	packets := make(chan int)
	errs := make(chan error)
	go c.expectWaited(packets, errs)
	select {
	case err := <-errs:
		return 0, err
	case n := <-packets:
		return n, nil
	}
}

func (c *client) expectWaited(packet chan<- int, errs chan<- error) {
	n, err := c.read()
	if err != nil {
		errs <- err
		return
	}
	if n == 0 {
		errs <- errors.New("empty")
		return
	}
	if n == 2 {
		go c.expectWaited(packet, errs)
		return
	}
	packet <- n
}
