package waitgroup

import (
	"context"
	"sync"
	"time"
)

// A goroutine ranging over a ticker's channel leaves the loop only by the
// return that calls Done: the runtime never closes the ticker's C, so the
// end of the range is no path.
func TickUntilCancelled(ctx context.Context) {
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
		}
	}()
	wg.Wait()
}

// The same loop over a channel someone may close ends without Done.
func RangeUntilCancelled(ctx context.Context, ticks <-chan time.Time) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line \d+ without calling wg.Done\(\)`
		for range ticks {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			default:
			}
		}
	}()
	wg.Wait()
}

// One count for all the workers: whichever sees the last item calls Done,
// the others return without it.
func FirstToFinish(workers int, next func() int, last int) {
	var done sync.WaitGroup
	done.Add(1)
	for i := 0; i < workers; i++ {
		go func() {
			for {
				n := next()
				if n == last {
					done.Done()
				}
				if n >= last {
					return
				}
			}
		}()
	}
	done.Wait()
}

// One count per worker, added before the loop: each worker owes a Done.
func EveryWorkerCounted(workers int, next func() int, last int) {
	var done sync.WaitGroup
	done.Add(workers)
	for i := 0; i < workers; i++ {
		go func() { // want `goroutine can return at line \d+ without calling done.Done\(\)`
			for {
				n := next()
				if n == last {
					done.Done()
				}
				if n >= last {
					return
				}
			}
		}()
	}
	done.Wait()
}

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
