package waitgroup

import (
	"context"
	"sync"
	"time"
)

func publish(int) error { return nil }

// A publisher whose bounded loop blocks every iteration in a select on
// ctx.Done(), whose case calls Done; the parent cancels before Wait on its
// only path. Whether the bound runs out before the cancel is timing.
func BoundedLoopCancelledBeforeWait(errs chan error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for i := 0; i < 1000; {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-tick.C:
				if err := publish(i); err != nil {
					errs <- err
				}
				i++
			}
		}
	}()
	for n := 0; n < 10; n++ {
		<-errs
	}
	cancel()
	wg.Wait()
}

// The same goroutine when the parent cancels only after Wait (deferred):
// nothing stops the loop, and when its bound runs out Done is skipped.
func BoundedLoopCancelledAfterWait(errs chan error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line 64 without calling wg.Done\(\): wg.Wait\(\) at line 68 then never returns`
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for i := 0; i < 1000; {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-tick.C:
				if err := publish(i); err != nil {
					errs <- err
				}
				i++
			}
		}
	}()
	for n := 0; n < 10; n++ {
		<-errs
	}
	wg.Wait()
}

// The same goroutine when the parent cancels on one path only.
func BoundedLoopCancelledOnOnePath(errs chan error, stop bool) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line 92 without calling wg.Done\(\): wg.Wait\(\) at line 97 then never returns`
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for i := 0; i < 1000; {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-tick.C:
				if err := publish(i); err != nil {
					errs <- err
				}
				i++
			}
		}
	}()
	<-errs
	if stop {
		cancel()
	}
	wg.Wait()
}

// A bounded loop whose select has no case the parent stops: the only
// Done is on a value received, and the bound running out skips it.
func BoundedLoopWithoutCancelCase(results chan int) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line 120 without calling wg.Done\(\): wg.Wait\(\) at line 123 then never returns`
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for i := 0; i < 1000; i++ {
			select {
			case v := <-results:
				if v < 0 {
					wg.Done()
					return
				}
			case <-tick.C:
				publish(i)
			}
		}
	}()
	cancel()
	_ = ctx
	wg.Wait()
}

// A quit channel closed before Wait plays the part of the cancel.
func BoundedLoopQuitClosedBeforeWait() {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for i := 0; i < 1000; i++ {
			select {
			case <-quit:
				wg.Done()
				return
			case <-time.After(time.Millisecond):
				publish(i)
			}
		}
	}()
	time.Sleep(10 * time.Millisecond)
	close(quit)
	wg.Wait()
}

// A return from inside the loop on an error skips Done whatever the
// cancel does: still reported.
func BoundedLoopErrorReturn() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line 161 without calling wg.Done\(\): wg.Wait\(\) at line 168 then never returns`
		for i := 0; i < 1000; i++ {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-time.After(time.Millisecond):
				if err := publish(i); err != nil {
					return
				}
			}
		}
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	wg.Wait()
}

// The parent cancels before its last Wait but waits once before that on
// another path: that Wait can wait for the bound to run out.
func BoundedLoopWaitedBeforeCancel(early bool) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line 187 without calling wg.Done\(\): wg.Wait\(\) at line 189 then never returns`
		for i := 0; i < 1000; i++ {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-time.After(time.Millisecond):
				publish(i)
			}
		}
	}()
	if early {
		wg.Wait()
		cancel()
		return
	}
	cancel()
	wg.Wait()
}
