// Package valuemade starts goroutines through function values that a
// helper returns together with the channel they send on: each call of the
// helper makes a new channel, received from by its caller alone.
package valuemade

import (
	"context"
	"sync"
)

type exporter interface {
	Shutdown(ctx context.Context) error
}

type processor struct {
	once sync.Once
	exp  exporter
}

// Shutdown waits for the exporter's shutdown or the context, whichever
// comes first: on the context's expiry, the goroutine running the
// function value blocks on its send forever.
func (p *processor) Shutdown(ctx context.Context) error {
	var err error
	p.once.Do(func() {
		stopFunc := func(exp exporter) (<-chan error, func()) {
			done := make(chan error)
			return done, func() { done <- exp.Shutdown(ctx) }
		}
		done, shutdown := stopFunc(p.exp)
		p.exp = nil
		go shutdown() // want `goroutine blocks forever sending on done: the caller can return at line 38 without receiving`
		select {
		case err = <-done:
		case <-ctx.Done():
			err = ctx.Err()
		}
	})
	return err
}

// ShutdownBuffered buffers the channel: the goroutine delivers and ends.
func (p *processor) ShutdownBuffered(ctx context.Context) error {
	stopFunc := func(exp exporter) (<-chan error, func()) {
		done := make(chan error, 1)
		return done, func() { done <- exp.Shutdown(ctx) }
	}
	done, shutdown := stopFunc(p.exp)
	go shutdown()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ShutdownWait always receives.
func (p *processor) ShutdownWait(ctx context.Context) error {
	stopFunc := func(exp exporter) (<-chan error, func()) {
		done := make(chan error)
		return done, func() { done <- exp.Shutdown(ctx) }
	}
	done, shutdown := stopFunc(p.exp)
	go shutdown()
	return <-done
}

// job returns the channel its run function sends the result on.
func job(n int) (<-chan int, func()) {
	out := make(chan int)
	return out, func() { out <- n * n }
}

func Square(ctx context.Context, n int) (int, error) {
	out, run := job(n)
	go run() // want `goroutine blocks forever sending on out: the caller can return at line 82 without receiving`
	select {
	case v := <-out:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
