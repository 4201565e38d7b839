// Package crosspkg starts other packages' functions as goroutines.
package crosspkg

import (
	"context"
	"results"
	"time"
)

func Fetch(ctx context.Context) int {
	ch := make(chan int)
	go results.Send(ch, 1) // want `goroutine blocks forever sending on ch: the caller can return at line 15 without receiving`
	select {
	case <-ctx.Done():
		return 0
	case v := <-ch:
		return v
	}
}

func FetchBuffered(ctx context.Context) int {
	ch := make(chan int, 1)
	go results.Send(ch, 1)
	select {
	case <-ctx.Done():
		return 0
	case v := <-ch:
		return v
	}
}

func FetchOffer(ctx context.Context) int {
	ch := make(chan int)
	go results.Offer(ch, 1)
	select {
	case <-ctx.Done():
		return 0
	case v := <-ch:
		return v
	}
}

func FetchRegistered(ctx context.Context) int {
	ch := make(chan int)
	go results.Register(ch)
	select {
	case <-ctx.Done():
		return 0
	case v := <-ch:
		return v
	}
}

func First(vs []int) int {
	ch := make(chan int)
	go results.SendAll(ch, vs) // want `goroutine blocks forever sending on ch: the caller can stop receiving and return at line 57`
	return <-ch
}

func Background() {
	go results.Spin() // want `goroutine never finishes: results.Spin never returns \(its loop at results.go:\d+ never exits\)`
}

// The goroutine calls the other package's function itself.
func FetchInClosure(ctx context.Context) int {
	ch := make(chan int)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 72 without receiving`
		results.Send(ch, 2)
	}()
	select {
	case <-ctx.Done():
		return 0
	case v := <-ch:
		return v
	}
}

func Consume(vs []int) {
	ch := make(chan int)
	go results.Drain(ch) // want `goroutine never finishes: results.Drain receives from ch until it is closed, and it is never closed`
	for _, v := range vs {
		ch <- v
	}
}

func ConsumeClosed(vs []int) {
	ch := make(chan int)
	go results.Drain(ch)
	for _, v := range vs {
		ch <- v
	}
	close(ch)
}

// Each call starts a goroutine that retries the transfer and then runs the
// zone's refresh loop, which never returns: a reload leaves one more.
func StartZone(z *results.Zone) {
	go func() { // want `goroutine never finishes: it calls \(\*results.Zone\).Update, which never returns \(its loop at results.go:\d+ never exits\)`
		for {
			if err := z.Transfer(); err == nil {
				break
			}
			time.Sleep(time.Second)
		}
		z.Update()
	}()
}

// The refresh loop ends when the zone is stopped.
func StartZoneStoppable(z *results.Zone) {
	go func() {
		for z.Transfer() != nil {
			time.Sleep(time.Second)
		}
		z.UpdateUntilStopped()
	}()
}

// The refresh loop ends with the context.
func StartZoneWithContext(ctx context.Context, z *results.Zone) {
	go func() {
		for z.Transfer() != nil {
			time.Sleep(time.Second)
		}
		z.UpdateUntilDone(ctx)
	}()
}
