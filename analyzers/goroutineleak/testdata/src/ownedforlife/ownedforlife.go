// Package ownedforlife holds goroutines that never end by design: they
// serve something that itself lives on (the value their starter returns
// and that cannot be stopped, a starter that never returns, the process's
// signal delivery), beside the same loops started where each call leaves
// one more behind.
package ownedforlife

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// clockMiddleware returns a handler that reads a clock its updater keeps:
// the updater lives as long as the handler, which has no way to stop.
func ClockMiddleware(next http.Handler) http.HandlerFunc {
	var now atomic.Int64
	now.Store(time.Now().Unix())
	go func() {
		for {
			time.Sleep(time.Second)
			now.Store(time.Now().Unix())
		}
	}()
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Now", time.Unix(now.Load(), 0).String())
		next.ServeHTTP(w, r)
	}
}

// clockPerRequest starts the same updater on every request: nothing owns
// it and each request leaves one more behind.
func ClockPerRequest(w http.ResponseWriter, r *http.Request) {
	var now atomic.Int64
	go func() { // want `goroutine never finishes: the loop at line 41 has no exit and watches no cancellation`
		for {
			time.Sleep(time.Second)
			now.Store(time.Now().Unix())
		}
	}()
	w.Header().Set("X-Now", time.Unix(now.Load(), 0).String())
}

// A returned handler that shares nothing with the updater does not own it.
func Unrelated(next http.Handler) http.HandlerFunc {
	var ticks atomic.Int64
	go func() { // want `goroutine never finishes: the loop at line 53 has no exit and watches no cancellation`
		for {
			time.Sleep(time.Second)
			ticks.Add(1)
		}
	}()
	return next.ServeHTTP
}

// watchForever starts a poller and then never returns: the poller lives
// exactly as long as the watch.
func WatchForever(poll func() error) error {
	if poll == nil {
		return nil
	}
	go func() {
		for {
			if err := poll(); err != nil {
				log.Print(err)
			}
			time.Sleep(5 * time.Second)
		}
	}()
	<-make(chan struct{})
	return nil
}

// watchInBackground starts the same poller and returns: the poller
// outlives the call, and every call leaves one more.
func WatchInBackground(poll func() error) error {
	go func() { // want `goroutine never finishes: the loop at line 83 has no exit and watches no cancellation`
		for {
			if err := poll(); err != nil {
				log.Print(err)
			}
			time.Sleep(5 * time.Second)
		}
	}()
	return nil
}

// ignoreInterrupts is the process's interrupt handler: signal delivery
// feeds it for the life of the process.
func IgnoreInterrupts() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	go func() {
		count := 0
		for {
			<-ch
			count++
			log.Print("interrupt ignored: ", count)
		}
	}()
}

// The same loop on a channel the package feeds itself is no signal
// handler.
var kicks = make(chan struct{}, 1)

func Kick() {
	select {
	case kicks <- struct{}{}:
	default:
	}
}

func Kicked() {
	go func() { // want `goroutine never finishes: the loop at line 121 has no exit and watches no cancellation`
		for {
			<-kicks
			log.Print("kicked")
		}
	}()
}

// NewRunner returns a function whose workers start on its first call,
// through a sync.Once the function holds: one pool per runner, which lives
// as long as the runner (nothing can stop it).
func NewRunner(f func(any)) func(any) bool {
	work := make(chan any, 64)
	start := func() {
		for range runtime.GOMAXPROCS(0) {
			go worker(work, f)
		}
	}
	var once sync.Once
	return func(x any) bool {
		once.Do(start)
		select {
		case work <- x:
			return true
		default:
			return false
		}
	}
}

func worker(work <-chan any, f func(any)) {
	for x := range work {
		f(x)
	}
}

// NewSpawner starts a worker on every call of the function it returns:
// each call leaves one more.
func NewSpawner(f func(any)) func(any) {
	work := make(chan any, 64)
	return func(x any) {
		go worker(work, f) // want `goroutine never finishes: the loop at line 151 ranges over work, which is never closed`
		work <- x
	}
}
