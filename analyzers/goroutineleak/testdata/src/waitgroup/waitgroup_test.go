package waitgroup

import (
	"sync"
	"testing"
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
		go func() { // want `goroutine can return at line 32 without calling wg.Done\(\)`
			if err := work(i); err != nil {
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
}
