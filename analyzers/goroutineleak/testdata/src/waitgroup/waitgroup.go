package waitgroup

import (
	"errors"
	"sync"
)

func work(i int) error {
	if i < 0 {
		return errors.New("negative")
	}
	return nil
}

// Positive: the early return skips Done, and Wait never returns.
func EarlyReturnSkipsDone(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { // want `goroutine can return at line 22 without calling wg.Done\(\): wg.Wait\(\) at line 27 then never returns`
			if err := work(i); err != nil {
				return
			}
			wg.Done()
		}()
	}
	wg.Wait()
}

// Negative: Done deferred.
func DoneDeferred(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := work(i); err != nil {
				return
			}
		}()
	}
	wg.Wait()
}

// Negative: Done on every path.
func DoneEveryPath(n int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := work(n); err != nil {
			wg.Done()
			return
		}
		wg.Done()
	}()
	wg.Wait()
}

// Negative: WaitGroup.Go calls Done itself.
func UsesGo(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Go(func() {
			if err := work(i); err != nil {
				return
			}
		})
	}
	wg.Wait()
}

// Negative: Done in a deferred closure.
func DoneInDeferredClosure(n int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() {
			wg.Done()
		}()
		if work(n) != nil {
			return
		}
	}()
	wg.Wait()
}

func worker(wg *sync.WaitGroup, i int) {
	if work(i) != nil {
		return
	}
	wg.Done()
}

// Positive: a named worker function skips Done on its error path.
func NamedWorker(n int) {
	wg := &sync.WaitGroup{}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go worker(wg, i) // want `goroutine can return at line 89 without calling wg.Done\(\): wg.Wait\(\) at line 101`
	}
	wg.Wait()
}

// Negative: the goroutine panics rather than returning without Done.
func PanicsWithoutDone(n int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if work(n) != nil {
			panic("failed")
		}
		wg.Done()
	}()
	wg.Wait()
}

// Negative: nothing here waits on the group.
func NoWait(wg *sync.WaitGroup, n int) {
	wg.Add(1)
	go func() {
		if work(n) != nil {
			return
		}
		wg.Done()
	}()
}

type plugin struct{ name string }

func (p *plugin) start() {}

// Positive: every count is added before the loop, and the loop waits
// after starting only one goroutine.
func StartPlugins(plugins []*plugin) {
	var group sync.WaitGroup
	group.Add(len(plugins))
	for _, p := range plugins {
		go func(p *plugin) {
			defer group.Done()
			p.start()
		}(p)
		group.Wait() // want `group.Wait\(\) runs in the loop that starts the goroutines: the first one waits for every count added at line 136, but only one goroutine has started`
	}
}

// Negative: one count per iteration, waited in the same iteration.
func StartPluginsOneByOne(plugins []*plugin) {
	var group sync.WaitGroup
	for _, p := range plugins {
		group.Add(1)
		go func(p *plugin) {
			defer group.Done()
			p.start()
		}(p)
		group.Wait()
	}
}

// Negative: all counts before the loop, the Wait after it.
func StartPluginsTogether(plugins []*plugin) {
	var group sync.WaitGroup
	group.Add(len(plugins))
	for _, p := range plugins {
		go func(p *plugin) {
			defer group.Done()
			p.start()
		}(p)
	}
	group.Wait()
}

// Add counts items and each worker calls Done once per item it handles: a
// worker that handles none returns owing nothing.
func DonePerItem(items []int, workers int) {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(items))
	for range workers {
		go func() {
			for i := range ch {
				work(i)
				wg.Done()
			}
		}()
	}
	for _, i := range items {
		ch <- i
	}
	close(ch)
	wg.Wait()
}

// The same workers leaving the loop on an error in the middle of an item:
// that item's Done never comes.
func DonePerItemUntilError(items []int, workers int) {
	ch := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(items))
	for range workers {
		go func() { // want `goroutine can return at line 203 without calling wg.Done\(\)`
			for i := range ch {
				if err := work(i); err != nil {
					return
				}
				wg.Done()
			}
		}()
	}
	for _, i := range items {
		ch <- i
	}
	close(ch)
	wg.Wait()
}
