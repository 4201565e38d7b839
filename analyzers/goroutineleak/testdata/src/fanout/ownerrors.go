package fanout

import (
	"context"
	"sync/atomic"
)

// Goroutines that each send unless their own call fails: two that both
// succeed send twice, and the caller receives once.

type quote struct{ price int }

type quoter struct{ sources []string }

func (q *quoter) ask(ctx context.Context, src string) (quote, error) { return quote{}, nil }

// report sends the source's quote unless asking it failed.
func (q *quoter) report(ctx context.Context, src string, ch chan<- quote) {
	r, err := q.ask(ctx, src)
	if err != nil {
		return
	}
	ch <- r
}

func (q *quoter) firstQuote(ctx context.Context) quote {
	ch := make(chan quote)
	go q.report(ctx, "primary", ch) // want `goroutines started here and at line 29 block forever sending on ch: the caller can return at line 30 before receiving from all of them`
	go q.report(ctx, "replica", ch)
	return <-ch
}

// Room for both answers: neither sender waits.
func (q *quoter) firstQuoteBuffered(ctx context.Context) quote {
	ch := make(chan quote, 2)
	go q.report(ctx, "primary", ch)
	go q.report(ctx, "replica", ch)
	return <-ch
}

// The parameter decides which goroutine sends: only one ever does.
func (q *quoter) reportIfPrimary(src string, ch chan<- quote) {
	if src == "primary" {
		ch <- quote{}
	}
}

func (q *quoter) primaryQuote() quote {
	ch := make(chan quote)
	go q.reportIfPrimary("primary", ch)
	go q.reportIfPrimary("replica", ch)
	return <-ch
}

// A shared counter decides: only the last goroutine sends.
func lastOneReports(n int) {
	done := make(chan struct{})
	left := int32(n)
	for range n {
		go func() {
			if atomic.AddInt32(&left, -1) == 0 {
				done <- struct{}{}
			}
		}()
	}
	<-done
}
