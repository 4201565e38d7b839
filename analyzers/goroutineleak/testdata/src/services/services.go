// Package services holds the shapes real services use around goroutines,
// leaking and not, including regression cases for false reports that
// were fixed.
package services

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"time"
)

type probeResult struct{ healthy bool }

func probe() bool { return true }

// A health monitor probes on a timer; stopping abandons the running
// probe, whose goroutine then blocks on its result.
func monitor(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
			results := make(chan probeResult)
			go func() { // want `goroutine blocks forever sending on results: the caller can return at line 34 without receiving`
				results <- probeResult{probe()}
			}()
			select {
			case <-stop:
				return
			case r := <-results:
				_ = r.healthy
			}
		}
	}
}

// The fixed monitor drains the probe before leaving.
func monitorFixed(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
			results := make(chan probeResult)
			go func() {
				results <- probeResult{probe()}
			}()
			select {
			case <-stop:
				<-results
				return
			case r := <-results:
				_ = r.healthy
			}
		}
	}
}

// Regression: a coordinator that counts its workers down before it
// returns receives from every one of them.
func coordinate(ctx context.Context, n int, work func(context.Context) error) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() {
			errc <- work(ctx)
		}()
	}
	active := n
	var first error
	for {
		select {
		case err := <-errc:
			if first == nil {
				first = err
			}
			active--
			if active == 0 {
				return first
			}
		case <-time.After(time.Minute):
		}
	}
}

// A request-reply server: each request carries its own reply channel.
type request struct {
	key   string
	reply chan string
}

type Store struct {
	reqs chan request
	quit chan struct{}
}

func NewStore() *Store {
	s := &Store{reqs: make(chan request), quit: make(chan struct{})}
	go s.serve()
	return s
}

func (s *Store) serve() {
	data := map[string]string{}
	for {
		select {
		case r := <-s.reqs:
			r.reply <- data[r.key]
		case <-s.quit:
			return
		}
	}
}

func (s *Store) Get(key string) string {
	r := request{key: key, reply: make(chan string)}
	s.reqs <- r
	return <-r.reply
}

func (s *Store) Close() { close(s.quit) }

// A pipeline stage hands its output to the caller.
func Generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

// Signals arrive from the runtime.
func WaitForInterrupt(done func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() {
		<-sig
		done()
	}()
}

// Regression: a singleton started lazily under a package-level flag lives
// as long as the process.
var (
	flusherMu      sync.Mutex
	flusherStarted bool
	pending        = make(chan []byte, 64)
)

func enqueue(b []byte) {
	flusherMu.Lock()
	if !flusherStarted {
		flusherStarted = true
		go flush()
	}
	flusherMu.Unlock()
	pending <- b
}

func flush() {
	for b := range pending {
		_ = b
	}
}

func Write(b []byte) { enqueue(b) }

var gcStarted atomic.Bool

func startCollector() {
	if gcStarted.CompareAndSwap(false, true) {
		go func() {
			for {
				time.Sleep(time.Minute)
			}
		}()
	}
}

func Collect() { startCollector() }

// A retry loop hands each attempt to a goroutine and gives up on the
// attempt when it takes too long.
func withRetries(ctx context.Context, attempts int, call func() error) error {
	for i := 0; i < attempts; i++ {
		errc := make(chan error)
		go func() { // want `goroutine blocks forever sending on errc: the caller can return at line 205 without receiving`
			errc <- call()
		}()
		select {
		case err := <-errc:
			if err == nil {
				return nil
			}
		case <-time.After(time.Second):
		}
	}
	return errors.New("out of attempts")
}

func WithRetries(ctx context.Context, call func() error) error { return withRetries(ctx, 3, call) }
