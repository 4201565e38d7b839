package waitgroup

import (
	"context"
	"sync"
	"testing"
	"time"
)

// The Done is skipped only after the goroutine marked the test failed:
// the passing test always reaches it.
func TestDoneUnlessFailed(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := range 2 {
		go func() {
			if err := work(i); err != nil {
				t.Errorf("work: %v", err)
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

// The same goroutine skipping Done without failing the test.
func TestDoneSkippedQuietly(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := range 2 {
		go func() { // want `goroutine can return at line 34 without calling wg.Done\(\)`
			if err := work(i); err != nil {
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

// The parent's only path to Wait that does not cancel fails the test: on
// the passing path the cancel always comes before Wait.
func TestBoundedLoopCancelledOrFailed(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errs := make(chan error, 10)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for i := 1; i < 100; {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-time.After(time.Millisecond):
				if err := work(-i); err != nil {
					errs <- err
				}
				i++
			}
		}
	}()
	select {
	case <-errs:
		cancel()
	case <-time.After(time.Second):
		t.Fatalf("timed out")
	}
	wg.Wait()
}

// The same with a timeout that only logs: the path that skips the cancel
// passes, and the goroutine can run out its bound first.
func TestBoundedLoopCancelledOrLogged(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errs := make(chan error, 10)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine can return at line 94 without calling wg.Done\(\): wg.Wait\(\) at line 101 then never returns`
		for i := 1; i < 100; {
			select {
			case <-ctx.Done():
				wg.Done()
				return
			case <-time.After(time.Millisecond):
				if err := work(-i); err != nil {
					errs <- err
				}
				i++
			}
		}
	}()
	select {
	case <-errs:
		cancel()
	case <-time.After(time.Second):
		t.Logf("timed out")
	}
	wg.Wait()
}
