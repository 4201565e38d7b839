package rangenoclose

import "errors"

type item struct{ n int }

func load(n int) (item, error) {
	if n < 0 {
		return item{}, errors.New("negative")
	}
	return item{n}, nil
}

func process(item) {}

// The worker ends when the queue is closed; the error return between the
// go statement and the close leaves it waiting.
func feedUntilError(ns []int) error {
	queue := make(chan item)
	go func() { // want `goroutine never finishes: it receives from queue until it is closed, and the caller can return at line 28 without closing it`
		for it := range queue {
			process(it)
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			return err
		}
		queue <- it
	}
	close(queue)
	return nil
}

// Closing before the error return ends the worker on every path.
func feedCloseOnError(ns []int) error {
	queue := make(chan item)
	go func() {
		for it := range queue {
			process(it)
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			close(queue)
			return err
		}
		queue <- it
	}
	close(queue)
	return nil
}

// A deferred close runs on every return.
func feedDeferClose(ns []int) error {
	queue := make(chan item)
	defer close(queue)
	go func() {
		for it := range queue {
			process(it)
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			return err
		}
		queue <- it
	}
	return nil
}

// The worker also watches a stop channel the caller closes on the error
// path.
func feedWithStop(ns []int) error {
	queue := make(chan item)
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case it, ok := <-queue:
				if !ok {
					return
				}
				process(it)
			case <-stop:
				return
			}
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			close(stop)
			return err
		}
		queue <- it
	}
	close(queue)
	return nil
}

// Feeder's queue is closed by Close as well: a caller that gets the
// Feeder back with the error closes it there.
type Feeder struct{ queue chan item }

func (f *Feeder) Close() { close(f.queue) }

func StartFeeder(ns []int) (*Feeder, error) {
	f := &Feeder{queue: make(chan item)}
	go func() {
		for it := range f.queue {
			process(it)
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			return f, err
		}
		f.queue <- it
	}
	return f, nil
}

// Another function of the package closes the queue on the error path.
func feedClosedByHelper(ns []int) error {
	queue := make(chan item)
	go func() {
		for it := range queue {
			process(it)
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			shut(queue)
			return err
		}
		queue <- it
	}
	close(queue)
	return nil
}

func shut(q chan item) { close(q) }

func cleanup() {}

// The goroutine waits for done with a plain receive; nothing sends on
// done, so only the close ends the wait, and the error return skips it.
func waitForDoneSkippedOnError(ns []int) error {
	done := make(chan struct{})
	go func() { // want `goroutine never finishes: it receives from done until it is closed, and the caller can return at line 162 without closing it`
		<-done
		cleanup()
	}()
	for _, n := range ns {
		if _, err := load(n); err != nil {
			return err
		}
	}
	close(done)
	return nil
}

// Closed on the error path too: the wait ends on every path.
func waitForDoneClosedOnError(ns []int) error {
	done := make(chan struct{})
	go func() {
		<-done
		cleanup()
	}()
	for _, n := range ns {
		if _, err := load(n); err != nil {
			close(done)
			return err
		}
	}
	close(done)
	return nil
}

// The error path sends on done instead of closing it: the receive
// completes either way.
func waitForDoneSentOnError(ns []int) error {
	done := make(chan struct{})
	go func() {
		<-done
		cleanup()
	}()
	for _, n := range ns {
		if _, err := load(n); err != nil {
			done <- struct{}{}
			return err
		}
	}
	close(done)
	return nil
}

// A select loop serving work until stop is closed: the error return
// between the go statement and the close leaves it selecting forever.
func serveUntilStopSkippedOnError(ns []int) error {
	stop := make(chan struct{})
	work := make(chan item)
	go func() { // want `goroutine never finishes: it receives from stop until it is closed, and the caller can return at line 222 without closing it`
		for {
			select {
			case <-stop:
				return
			case it := <-work:
				process(it)
			}
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			return err
		}
		work <- it
	}
	close(stop)
	return nil
}

// The same loop with stop closed by a deferred close: nothing skips it.
func serveUntilStopDeferred(ns []int) error {
	stop := make(chan struct{})
	defer close(stop)
	work := make(chan item)
	go func() {
		for {
			select {
			case <-stop:
				return
			case it := <-work:
				process(it)
			}
		}
	}()
	for _, n := range ns {
		it, err := load(n)
		if err != nil {
			return err
		}
		work <- it
	}
	return nil
}

// The queue is filled and closed before the workers start: each one
// drains it and ends, whichever way the parent returns.
func closedBeforeWorkers(its []item, n int) error {
	queue := make(chan item, len(its))
	for _, it := range its {
		queue <- it
	}
	close(queue)
	done := make(chan bool, n)
	for i := 0; i < n; i++ {
		go func() {
			for it := range queue {
				process(it)
			}
			done <- true
		}()
	}
	if n > 3 {
		return errors.New("too many")
	}
	for i := 0; i < n; i++ {
		<-done
	}
	return nil
}

// Closed before the go statement on one branch only: the other branch
// starts the worker with the queue open, and the return leaves it waiting.
func closedBeforeOnOneBranch(its []item, early bool) error {
	queue := make(chan item, len(its))
	for _, it := range its {
		queue <- it
	}
	if early {
		close(queue)
	}
	go func() { // want `goroutine never finishes: it receives from queue until it is closed, and the caller can return at line \d+ without closing it`
		for it := range queue {
			process(it)
		}
	}()
	if len(its) > 3 {
		return errors.New("too many")
	}
	if !early {
		close(queue)
	}
	return nil
}
