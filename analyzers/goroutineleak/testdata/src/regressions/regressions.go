// Package regressions holds shapes that were once reported wrongly, each
// named after what it is.
package regressions

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func step() error { return nil }

// sendOnceFlag: a helper closure sends only the first error; three calls
// make at most one send, which the one-slot buffer holds.
func sendOnceFlag() error {
	errc := make(chan error, 1)
	go func() {
		defer close(errc)
		sent := false
		report := func(err error) {
			if !sent {
				errc <- err
				sent = true
			}
		}
		if err := step(); err != nil {
			report(err)
		}
		if err := step(); err != nil {
			report(err)
		}
		if err := step(); err != nil {
			report(err)
		}
	}()
	if err := step(); err != nil {
		return err
	}
	return <-errc
}

func SendOnceFlag() error { return sendOnceFlag() }

// firstTimeInLoop: a loop sends once on its first pass and once when it
// fails; the caller receives both.
func firstTimeInLoop() error {
	ch := make(chan error, 1)
	go func() {
		defer close(ch)
		first := true
		for {
			if err := step(); err != nil {
				ch <- err
				return
			}
			if first {
				ch <- nil
				first = false
			}
		}
	}()
	if err := <-ch; err != nil {
		return err
	}
	return <-ch
}

func FirstTimeInLoop() error { return firstTimeInLoop() }

// lastOneReports: of n goroutines only the last to arrive sends; the
// caller receives once.
func lastOneReports(n int) {
	done := make(chan bool)
	var arrived atomic.Int32
	for i := 0; i < n; i++ {
		go func() {
			if arrived.Add(1) == int32(n) {
				done <- true
			}
		}()
	}
	<-done
}

func LastOneReports(n int) { lastOneReports(n) }

// guardedByCount: the loop that receives runs as often as the loop that
// started the goroutines, both guarded by the same test.
func guardedByCount(procs int) int {
	var wg sync.WaitGroup
	results := make(chan int)
	for range procs {
		wg.Add(1)
		go func() {
			wg.Done()
			results <- 1
		}()
	}
	total := 0
	for range procs {
		total += <-results
	}
	return total
}

func GuardedByCount(procs int) int { return guardedByCount(procs) }

// skippedTest: the handler that would block is built after t.Skip, so it
// never runs.
func TestSkipped(t *testing.T) {
	t.Skip("flaky")
	ready := make(chan struct{})
	register(func() {
		go func() {
			<-ready
		}()
	})
	ready <- struct{}{}
}

var handlers []func()

func register(h func()) { handlers = append(handlers, h) }

// countdown: the caller returns from inside the receive case once it has
// heard from every goroutine.
func countdown(n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() { errc <- step() }()
	}
	var first error
	left := n
	for {
		err := <-errc
		if first == nil {
			first = err
		}
		left--
		if left == 0 {
			return first
		}
	}
}

func Countdown(n int) error { return countdown(n) }

// retry: each attempt makes its own channel; the goroutine of an
// abandoned attempt leaks.
func retry(attempts int, timeout <-chan struct{}) error {
	for i := 0; i < attempts; i++ {
		errc := make(chan error)
		go func() { // want `goroutine blocks forever sending on errc: the caller can return at line 165 without receiving`
			errc <- step()
		}()
		select {
		case err := <-errc:
			if err == nil {
				return nil
			}
		case <-timeout:
		}
	}
	return errors.New("out of attempts")
}

func Retry(timeout <-chan struct{}) error { return retry(3, timeout) } // want Retry:`goroutineleak\(param 0 receives\)`

// exclusiveBranches: one goroutine or the other is started, never both;
// the one receive serves either.
func exclusiveBranches(useSelect bool) error {
	ch := make(chan error)
	done := make(chan struct{})
	if useSelect {
		go func() {
			select {
			case ch <- step():
			case <-done:
			}
		}()
	} else {
		go func() {
			ch <- step()
		}()
	}
	return <-ch
}

func ExclusiveBranches(b bool) error { return exclusiveBranches(b) }

// threeReceives: three goroutines, three receives.
func threeReceives() {
	done := make(chan bool)
	go func() { done <- true }()
	go func() { done <- true }()
	go func() { done <- true }()
	<-done
	<-done
	<-done
}

func ThreeReceives() { threeReceives() }

// bufferRoomAfterBreak: two senders share a one-slot buffer and the
// caller receives at least once ("for range 2" runs its first iteration)
// before it may break: the other sender finds room.
func bufferRoomAfterBreak(a, b func() error) error {
	errs := make(chan error, 1)
	go func() { errs <- a() }()
	go func() { errs <- b() }()
	for range 2 {
		if e := <-errs; e != nil {
			return e
		}
	}
	return nil
}

// noRoomAfterBreak: the same without the buffer; the sender left after
// the early return blocks forever.
func noRoomAfterBreak(a, b func() error) error {
	errs := make(chan error)
	go func() { errs <- a() }() // want `goroutines started here and at line 225 block forever sending on errs: the caller can return at line 228 before receiving from all of them`
	go func() { errs <- b() }()
	for i := 0; i < 2; i++ {
		if e := <-errs; e != nil {
			return e
		}
	}
	return nil
}

var _, _ = bufferRoomAfterBreak, noRoomAfterBreak

// sendsCountedByRange: "for range 3" sends three values into a buffer of
// three: no send can block, however early the caller returns.
func sendsCountedByRange(read func() error, check func(error) bool) {
	errs := make(chan error, 3)
	go func() {
		for range 3 {
			errs <- read()
		}
	}()
	for range 3 {
		if !check(<-errs) {
			return
		}
	}
}

// sendsBeyondBuffer: four sends into a buffer of two; a return after the
// first receive leaves the last sender blocked.
func sendsBeyondBuffer(read func() error, check func(error) bool) {
	errs := make(chan error, 2)
	go func() { // want `goroutine blocks forever sending on errs: the caller can stop receiving and return at line 263`
		for range 4 {
			errs <- read()
		}
	}()
	for range 4 {
		if !check(<-errs) {
			return
		}
	}
}

var _, _ = sendsCountedByRange, sendsBeyondBuffer
