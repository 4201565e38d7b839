// Package rangenoclose holds workers that range over a channel.
package rangenoclose

import "sync"

func handle(int) {}

// The producer never closes the channel: the workers wait forever once
// the items run out.
func neverClosed(items []int, workers int) {
	ch := make(chan int)
	for i := 0; i < workers; i++ {
		go func() { // want `goroutine never finishes: the loop at line 14 ranges over ch, which is never closed`
			for it := range ch {
				handle(it)
			}
		}()
	}
	for _, it := range items {
		ch <- it
	}
}

// Closing after the last item lets them finish.
func closed(items []int, workers int) {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range ch {
				handle(it)
			}
		}()
	}
	for _, it := range items {
		ch <- it
	}
	close(ch)
	wg.Wait()
}

// A sentinel value ends the worker.
func sentinel(items []int) {
	ch := make(chan int)
	go func() {
		for it := range ch {
			if it < 0 {
				return
			}
			handle(it)
		}
	}()
	for _, it := range items {
		ch <- it
	}
	ch <- -1
}

// A pool whose queue is a field: Close closes it.
type Pool struct {
	jobs chan int
}

func NewPool(n int) *Pool {
	p := &Pool{jobs: make(chan int)}
	for i := 0; i < n; i++ {
		go p.work()
	}
	return p
}

func (p *Pool) work() {
	for j := range p.jobs {
		handle(j)
	}
}

func (p *Pool) Submit(j int) { p.jobs <- j }

func (p *Pool) Close() { close(p.jobs) }

// The same pool without a Close: its workers outlive it.
type LeakyPool struct {
	jobs chan int
}

func NewLeakyPool(n int) *LeakyPool {
	p := &LeakyPool{jobs: make(chan int)}
	for i := 0; i < n; i++ {
		go p.work() // want `goroutine never finishes: the loop at pool.go:4 ranges over p.jobs, which is never closed`
	}
	return p
}

// The channel comes from the caller, who may close it.
func Consume(ch <-chan int) {
	go func() {
		for v := range ch {
			handle(v)
		}
	}()
}

// Worker is exported: other packages may hand it channels they close.
func Worker(jobs <-chan int) { // want Worker:`goroutineleak\(param 0 receives, ends when closed\)`
	for j := range jobs {
		handle(j)
	}
}

// Started here with a channel nothing closes.
func RunAll(items []int) {
	jobs := make(chan int)
	for i := 0; i < 4; i++ {
		go Worker(jobs) // want `goroutine never finishes: Worker receives from jobs until it is closed, and it is never closed`
	}
	for _, it := range items {
		jobs <- it
	}
}

// The same, closed at the end.
func RunAllClosed(items []int) {
	jobs := make(chan int)
	for i := 0; i < 4; i++ {
		go Worker(jobs)
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
}
