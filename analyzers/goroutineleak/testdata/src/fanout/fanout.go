// Package fanout holds goroutines started in a loop that all report on
// one channel.
package fanout

import (
	"context"
	"errors"
	"sync"
)

func fetch(id int) (string, error) { return "", nil }

// First result wins; the other senders block forever.
func first(ids []int) string {
	ch := make(chan string)
	for _, id := range ids {
		go func() { // want `goroutines started here block forever sending on ch: the caller can return at line 22 before receiving from all of them`
			s, _ := fetch(id)
			ch <- s
		}()
	}
	return <-ch
}

// Returning on the first error strands the rest.
func firstError(ids []int) error {
	errc := make(chan error)
	for _, id := range ids {
		go func() { // want `goroutines started here block forever sending on errc: the caller can return at line 36 before receiving from all of them`
			_, err := fetch(id)
			errc <- err
		}()
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Receiving once per goroutine is fine.
func all(ids []int) []string {
	ch := make(chan string)
	for _, id := range ids {
		go func() {
			s, _ := fetch(id)
			ch <- s
		}()
	}
	out := make([]string, 0, len(ids))
	for range ids {
		out = append(out, <-ch)
	}
	return out
}

// A buffer as large as the number of goroutines is fine.
func buffered(ids []int) error {
	errc := make(chan error, len(ids))
	for _, id := range ids {
		go func() {
			_, err := fetch(id)
			errc <- err
		}()
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// The goroutines watch the context that the caller cancels on return.
func cancellable(ctx context.Context, ids []int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error)
	for _, id := range ids {
		go func() {
			_, err := fetch(id)
			select {
			case errc <- err:
			case <-ctx.Done():
			}
		}()
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A closer goroutine closes once every worker is done; the caller drains
// the channel.
func joined(ids []int) int {
	var wg sync.WaitGroup
	ch := make(chan string)
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, _ := fetch(id)
			ch <- s
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	n := 0
	for range ch {
		n++
	}
	return n
}

// The same with an early return from the drain loop.
func joinedEarlyReturn(ids []int) error {
	var wg sync.WaitGroup
	ch := make(chan string)
	for _, id := range ids {
		wg.Add(1)
		go func() { // want `goroutines started here block forever sending on ch: the caller can return at line 139 before receiving from all of them`
			defer wg.Done()
			s, _ := fetch(id)
			ch <- s
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	for s := range ch {
		if s == "" {
			return errors.New("empty")
		}
	}
	return nil
}

// A fixed number of goroutines, each received.
func fixedCount() (string, string) {
	ch := make(chan string)
	for i := 0; i < 2; i++ {
		go func() {
			s, _ := fetch(i)
			ch <- s
		}()
	}
	return <-ch, <-ch
}

type conn interface {
	Read([]byte) (int, error)
	Write([]byte) (int, error)
}

func copyAll(dst, src conn) error { return nil }

// Two copies, one result read: the slower copier blocks forever.
func proxy(a, b conn) error {
	errc := make(chan error)
	go func() { // want `goroutines started here and at line 170 block forever sending on errc: the caller can return at line 173 before receiving from all of them`
		errc <- copyAll(a, b)
	}()
	go func() {
		errc <- copyAll(b, a)
	}()
	return <-errc
}

// Both results read: fine.
func proxyBoth(a, b conn) error {
	errc := make(chan error, 2)
	go func() {
		errc <- copyAll(a, b)
	}()
	go func() {
		errc <- copyAll(b, a)
	}()
	err := <-errc
	if err2 := <-errc; err == nil {
		err = err2
	}
	return err
}

// Unbuffered, both read: fine.
func proxyWaitBoth(a, b conn) error {
	errc := make(chan error)
	go func() {
		errc <- copyAll(a, b)
	}()
	go func() {
		errc <- copyAll(b, a)
	}()
	err1, err2 := <-errc, <-errc
	if err1 != nil {
		return err1
	}
	return err2
}

// Producers that send every item of their share: the caller stops at the
// first bad one.
func scanAll(shards [][]int) error {
	ch := make(chan int)
	for _, shard := range shards {
		go func() { // want `goroutines started here block forever sending on ch: the caller can return at line 221 before receiving from all of them`
			for _, v := range shard {
				ch <- v
			}
		}()
	}
	for v := range ch {
		if v < 0 {
			return errors.New("negative")
		}
	}
	return nil
}

// A non-blocking receive is no receive at all when nothing is ready.
func poll() (int, bool) {
	ch := make(chan int)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 237 without receiving`
		ch <- 1
	}()
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}
