package election

import (
	"context"
	"time"
)

// Observe reports the holder of the lease whenever it changes; the
// channel is closed when ctx ends.
func (e *Elector) Observe(ctx context.Context, every time.Duration) <-chan string {
	out := make(chan string, 1)
	go func() {
		defer close(out)
		var last string
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			if h, err := e.store.Holder(ctx, e.key); err == nil && h != last {
				last = h
				select {
				case out <- h:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// WaitForLeader returns the first holder of the lease seen, or ctx's
// error.
func (e *Elector) WaitForLeader(ctx context.Context, every time.Duration) (string, error) {
	found := make(chan string)
	// Polls until someone holds the lease; once it sends, the caller may
	// have left on ctx, and the send blocks forever. If nobody ever holds
	// it, the poll loop never ends either.
	go func() { // eval:leak goroutineleak
		for {
			h, err := e.store.Holder(context.Background(), e.key)
			if err == nil && h != "" {
				found <- h
				return
			}
			time.Sleep(every)
		}
	}()
	select {
	case h := <-found:
		return h, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// LeaderOrEmpty returns the current holder, giving up after d.
func (e *Elector) LeaderOrEmpty(d time.Duration) string {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	res := make(chan string, 1)
	go func() {
		h, err := e.store.Holder(ctx, e.key)
		if err != nil {
			h = ""
		}
		res <- h
	}()
	select {
	case h := <-res:
		return h
	case <-ctx.Done():
		return ""
	}
}
