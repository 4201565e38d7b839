package waitgroup

import (
	"context"
	"sync"
	"time"
)

// A loop over a ticker's channel never ends by itself (nothing closes C):
// the goroutine leaves only through the branch that calls Done.
func TickerUntilDone(ctx context.Context, poll func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for range time.NewTicker(time.Second).C {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			default:
			}
			poll()
		}
	}()
	wg.Wait()
}

// The same loop over a channel the caller may close: when it is closed
// the loop ends and the goroutine returns without Done.
func ChannelUntilDone(ctx context.Context, ticks <-chan time.Time, poll func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line \d+ without calling wg.Done\(\): wg.Wait\(\) at line \d+ then never returns`
		for range ticks {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			default:
			}
			poll()
		}
	}()
	wg.Wait()
}
