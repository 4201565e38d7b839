package election

import (
	"context"
	"errors"
	"log"
	"time"
)

// TryAcquire tries to take the lease once, giving up when ctx ends.
func (e *Elector) TryAcquire(ctx context.Context) error {
	errc := make(chan error)
	// The store call gets no context; when ctx ends first the caller
	// returns and the goroutine blocks on errc forever.
	go func() { // eval:leak goroutineleak
		errc <- e.store.Acquire(context.Background(), e.key, e.id, e.ttl)
	}()
	select {
	case err := <-errc:
		if err == nil {
			e.setLeader(true)
		}
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Campaign retries Acquire until it succeeds or ctx ends, then keeps the
// lease renewed until Resign.
func (e *Elector) Campaign(ctx context.Context) error {
	t := time.NewTicker(e.ttl / 3)
	defer t.Stop()
	for {
		err := e.store.Acquire(ctx, e.key, e.id, e.ttl)
		if err == nil {
			break
		}
		if !errors.Is(err, ErrHeld) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	e.setLeader(true)
	// Leaves on Resign (which closes e.stop) or on the first failed
	// renewal.
	go e.renewLoop()
	return nil
}

func (e *Elector) renewLoop() {
	t := time.NewTicker(e.ttl / 3)
	defer t.Stop()
	for {
		select {
		case <-e.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), e.ttl/3)
		err := e.store.Renew(ctx, e.key, e.id, e.ttl)
		cancel()
		if err != nil {
			log.Printf("election: renew %s: %v", e.key, err)
			e.setLeader(false)
			return
		}
	}
}

// OnLost calls fn once leadership is lost.
func (e *Elector) OnLost(fn func()) {
	// renewLoop only clears the flag when a renewal fails; nothing ever
	// closes or sends on e.lost, so this waits forever.
	go func() { // eval:leak goroutineleak
		<-e.lost
		fn()
	}()
}

// OnResign calls fn once Resign has been called, or when ctx ends.
func (e *Elector) OnResign(ctx context.Context, fn func()) {
	// Resign closes e.stop; ctx bounds the wait otherwise.
	go func() {
		select {
		case <-e.stop:
			fn()
		case <-ctx.Done():
		}
	}()
}

// KeepLease renews a lease taken elsewhere every third of its ttl,
// retrying after failures.
func (e *Elector) KeepLease() {
	// Nothing ends this loop, not Resign nor a failed renewal: every call
	// leaves a goroutine renewing (or failing to renew) for good.
	go func() { // eval:leak goroutineleak
		for {
			time.Sleep(e.ttl / 3)
			ctx, cancel := context.WithTimeout(context.Background(), e.ttl/3)
			err := e.store.Renew(ctx, e.key, e.id, e.ttl)
			cancel()
			if err != nil {
				log.Printf("election: renew %s: %v", e.key, err)
				e.setLeader(false)
				continue
			}
			e.setLeader(true)
		}
	}()
}
