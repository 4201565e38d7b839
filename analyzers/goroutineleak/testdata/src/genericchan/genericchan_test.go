package genericchan

import (
	"sync"
	"testing"
)

// The reader receives exactly what the writer puts.
func TestPutGet(t *testing.T) {
	b := NewBuffer[int]()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		ch := b.Get()
		for i := 0; i < 10; i++ {
			<-ch
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 10; i++ {
			b.Put(i)
		}
	}()
	wg.Wait()
}

// Nothing puts into the stuck buffer.
func TestStuckGet(t *testing.T) {
	s := NewStuck[int]()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // want `goroutine blocks forever receiving from ch: nothing sends on it or closes it`
		defer wg.Done()
		ch := s.Get()
		<-ch
	}()
	wg.Wait()
}
