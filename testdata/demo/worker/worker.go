// Package worker fulfils orders in the background: it asks the fraud screen
// about each order, buys a shipping label and records the outcome.
package worker

import (
	"context"
	"fmt"
	"log"
	"time"
)

// Fulfiller is fed by Enqueue and drained by Run.
//
// The fraud screen's and the carrier's SDKs take no context, so each call
// runs in its own goroutine and the caller stops waiting when its context
// ends.
type Fulfiller struct {
	screen  func(orderID int64) (approved bool, err error)
	carrier func(orderID int64) (tracking string, err error)
	mark    func(ctx context.Context, orderID int64, status string) error
	timeout time.Duration
	queue   chan int64
}

// Config wires a Fulfiller to its services.
type Config struct {
	Screen  func(orderID int64) (approved bool, err error)
	Carrier func(orderID int64) (tracking string, err error)
	// Mark records an order's new status (store.Store.SetStatus).
	Mark func(ctx context.Context, orderID int64, status string) error
	// Timeout bounds the work on one order; zero means 30s.
	Timeout time.Duration
	// Backlog is how many orders may wait; zero means 100.
	Backlog int
}

// New returns a Fulfiller that is not running yet.
func New(cfg Config) *Fulfiller {
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.Backlog == 0 {
		cfg.Backlog = 100
	}
	return &Fulfiller{
		screen:  cfg.Screen,
		carrier: cfg.Carrier,
		mark:    cfg.Mark,
		timeout: cfg.Timeout,
		queue:   make(chan int64, cfg.Backlog),
	}
}

// Enqueue hands an order to the worker, waiting while the backlog is full.
func (f *Fulfiller) Enqueue(ctx context.Context, orderID int64) error {
	select {
	case f.queue <- orderID:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Run fulfils queued orders until ctx ends.
func (f *Fulfiller) Run(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case id := <-f.queue:
			if err := f.fulfil(ctx, id); err != nil {
				log.Printf("order %d: %v", id, err)
			}
		}
	}
}

func (f *Fulfiller) fulfil(ctx context.Context, id int64) error {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	ok, err := f.Approve(ctx, id)
	if err != nil {
		return fmt.Errorf("fraud screen: %w", err)
	}
	if !ok {
		return f.mark(ctx, id, "cancelled")
	}
	tracking, err := f.Ship(ctx, id)
	if err != nil {
		return fmt.Errorf("carrier: %w", err)
	}
	log.Printf("order %d: shipped as %s", id, tracking)
	return f.mark(ctx, id, "shipped")
}

// Approve asks the fraud screen whether the order may ship.
func (f *Fulfiller) Approve(ctx context.Context, id int64) (bool, error) {
	type verdict struct {
		ok  bool
		err error
	}
	ch := make(chan verdict)
	go func() { // leak: goroutineleak: if ctx ends first nobody receives from the unbuffered ch, so the send blocks forever
		ok, err := f.screen(id)
		ch <- verdict{ok, err}
	}()
	select {
	case v := <-ch:
		return v.ok, v.err
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// Ship buys a shipping label and returns its tracking number.
func (f *Fulfiller) Ship(ctx context.Context, id int64) (string, error) {
	type label struct {
		tracking string
		err      error
	}
	// One slot: the goroutine can always deliver its result and exit, even
	// after we stopped waiting for it.
	ch := make(chan label, 1)
	go func() {
		tracking, err := f.carrier(id)
		ch <- label{tracking, err}
	}()
	select {
	case l := <-ch:
		return l.tracking, l.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
