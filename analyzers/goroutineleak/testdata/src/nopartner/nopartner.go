// Package nopartner holds goroutines that block on a channel operation no
// other code in the program can complete.
package nopartner

import (
	"context"
	"log"
	"time"
)

type watcher struct {
	input  chan int
	result chan int
}

func newWatcher() *watcher {
	w := &watcher{input: make(chan int), result: make(chan int)}
	go w.process() // want `goroutine blocks forever sending on w.result: nothing receives from it`
	return w
}

func (w *watcher) process() {
	for v := range w.input {
		w.result <- v
	}
}

func (w *watcher) add(v int) { w.input <- v }

func (w *watcher) stop() { close(w.input) }

func Use() {
	w := newWatcher()
	w.add(1)
	w.stop()
}

// A feed hands its channel out: callers receive.
type Feed struct {
	out chan int
}

func NewFeed() *Feed {
	f := &Feed{out: make(chan int)}
	go f.run()
	return f
}

func (f *Feed) run() {
	defer close(f.out)
	for i := 0; i < 10; i++ {
		f.out <- i
	}
}

func (f *Feed) C() <-chan int { return f.out }

// The channel is passed to a function that ignores it.
func watch(done chan bool) { log.Print("watching") }

func dial() {
	go func() { // want `goroutine blocks forever receiving from done: nothing sends on it or closes it`
		done := make(chan bool)
		go watch(done)
		<-done
	}()
}

func Dial() { dial() }

// A context whose cancel only an unused function calls.
type tx struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func begin() *tx {
	ctx, cancel := context.WithCancel(context.Background())
	t := &tx{ctx: ctx, cancel: cancel}
	go t.awaitDone() // want `goroutine blocks forever receiving from t.ctx.Done\(\): the context's cancel at line 86 never runs`
	return t
}

func (t *tx) awaitDone() { <-t.ctx.Done() }

func (t *tx) rollback() { t.cancel() }

func Begin() { begin() }

// The same with an exported Rollback: callers may cancel.
type Tx struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func BeginTx() *Tx {
	ctx, cancel := context.WithCancel(context.Background())
	t := &Tx{ctx: ctx, cancel: cancel}
	go t.awaitDone()
	return t
}

func (t *Tx) awaitDone() { <-t.ctx.Done() }

func (t *Tx) Rollback() { t.cancel() }

// The waiting goroutine cancels its own context after the wait: the
// cancel can never come first.
type rows struct {
	cancel context.CancelFunc
}

func (r *rows) init(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	go r.awaitDone(ctx) // want `goroutine blocks forever receiving from ctx.Done\(\): the context's cancel at line 123 never runs`
}

func (r *rows) awaitDone(ctx context.Context) {
	<-ctx.Done()
	r.close()
}

func (r *rows) close() { r.cancel() }

func Query() {
	r := &rows{}
	r.init(context.Background())
}

// A channel that arrives from the caller may have a sender there.
func Wait(ch chan int) {
	go func() {
		<-ch
	}()
}

// A nil channel.
func nilChannel() {
	var ch chan int
	go func() { // want `goroutine blocks forever receiving from ch: the channel is nil`
		<-ch
	}()
}

func NilChannel() { nilChannel() }

// The only cancel sits under a check of a result that is never set.
type clientConn struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (cc *clientConn) close() { cc.cancel() }

func dialConn() (conn *clientConn) {
	cc := &clientConn{}
	cc.ctx, cc.cancel = context.WithCancel(context.Background())
	defer func() {
		if conn != nil {
			conn.close()
		}
	}()
	go func() { // want `goroutine blocks forever receiving from cc.ctx.Done\(\): the context's cancel at line 153 never runs`
		<-cc.ctx.Done()
	}()
	return conn
}

func DialConn() { dialConn() }

// A timeout on a derived context ends the derived one, not its parent.
func derived() {
	parent, cancel := context.WithCancel(context.Background())
	_ = cancel
	child, stop := context.WithTimeout(parent, time.Second)
	defer stop()
	go func() {
		<-child.Done()
	}()
	go func() { // want `goroutine blocks forever receiving from parent.Done\(\): nothing cancels the context`
		<-parent.Done()
	}()
}

func Derived() { derived() }
