// Package helpermade starts goroutines in helpers that make their channels
// and hand them back: each caller receives from the channels of its own
// call.
package helpermade

import (
	"context"
	"errors"
	"io"
)

type reader struct{ r io.Reader }

func (r *reader) next() (string, error) {
	b := make([]byte, 8)
	n, err := r.r.Read(b)
	return string(b[:n]), err
}

// startReadLoop reads until the reader fails, sending every event and
// then the error.
func startReadLoop(r *reader) (chan string, chan error) {
	events := make(chan string)
	errs := make(chan error)
	go readLoop(r, events, errs)
	return events, errs
}

func readLoop(r *reader, events chan string, errs chan error) {
	for {
		ev, err := r.next()
		if err != nil {
			errs <- err
			return
		}
		events <- ev
	}
}

func subscribe(ctx context.Context, r *reader, handle func(string)) error {
	events, errs := startReadLoop(r) // want `goroutine started by startReadLoop at line 25 blocks forever sending on errs or events: this caller can return at line 49 without receiving`
	for {
		select {
		case err := <-errs:
			return err
		case ev := <-events:
			handle(ev)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// startTailLoop is startReadLoop for callers that all receive until the
// error.
func startTailLoop(r *reader) (chan string, chan error) {
	events := make(chan string)
	errs := make(chan error)
	go tailLoop(r, events, errs)
	return events, errs
}

func tailLoop(r *reader, events chan string, errs chan error) {
	for {
		ev, err := r.next()
		if err != nil {
			errs <- err
			return
		}
		events <- ev
	}
}

// drain receives until the loop has sent its error: it is past its last
// send then.
func drain(r *reader, handle func(string)) error {
	events, errs := startTailLoop(r)
	for {
		select {
		case err := <-errs:
			return err
		case ev := <-events:
			handle(ev)
		}
	}
}

func drainCounting(r *reader) (int, error) {
	n := 0
	events, errs := startTailLoop(r)
	for {
		select {
		case err := <-errs:
			return n, err
		case <-events:
			n++
		}
	}
}

// drainToo is another caller of startReadLoop that receives until the
// error: only subscribe leaks.
func drainToo(r *reader, handle func(string)) error {
	events, errs := startReadLoop(r)
	for {
		select {
		case err := <-errs:
			return err
		case ev := <-events:
			handle(ev)
		}
	}
}

// startFetch sends one result on a channel with room for it.
func startFetch(r *reader) chan error {
	errs := make(chan error, 1)
	go func() {
		_, err := r.next()
		errs <- err
	}()
	return errs
}

func fetch(ctx context.Context, r *reader) error {
	errs := startFetch(r)
	select {
	case err := <-errs:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// startProbe sends one result on an unbuffered channel.
func startProbe(r *reader) chan error {
	errs := make(chan error)
	go func() {
		_, err := r.next()
		errs <- err
	}()
	return errs
}

func probe(ctx context.Context, r *reader) error {
	errs := startProbe(r) // want `goroutine started by startProbe at line 138 blocks forever sending on errs: this caller can return at line 151 without receiving`
	select {
	case err := <-errs:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func probeAndWait(r *reader) error {
	errs := startProbe(r)
	if err := <-errs; err != nil {
		return errors.Join(errors.New("probe"), err)
	}
	return nil
}

// startLookup has one caller, which may give up first.
func startLookup(r *reader) chan string {
	out := make(chan string)
	go func() {
		s, _ := r.next()
		out <- s
	}()
	return out
}

func lookup(ctx context.Context, r *reader) (string, error) {
	out := startLookup(r) // want `goroutine started by startLookup at line 166 blocks forever sending on out: this caller can return at line 179 without receiving`
	select {
	case s := <-out:
		return s, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// startLookupAll has one caller, which always receives.
func startLookupAll(r *reader) chan string {
	out := make(chan string)
	go func() {
		s, _ := r.next()
		out <- s
	}()
	return out
}

func lookupAll(r *reader) string {
	return <-startLookupAll(r)
}

// pump is readLoop for the loops started in place below.
func pump(r *reader, events chan string, errs chan error) {
	for {
		ev, err := r.next()
		if err != nil {
			errs <- err
			return
		}
		events <- ev
	}
}

func pumpMore(r *reader, events chan string, errs chan error) {
	for {
		ev, err := r.next()
		if err != nil {
			errs <- err
			return
		}
		events <- ev
	}
}

// The same loops started in place: receiving the error, the loop's last
// send, leaves nothing to receive; returning on the context does.
func drainInPlace(r *reader, handle func(string)) error {
	events := make(chan string)
	errs := make(chan error)
	go pump(r, events, errs)
	for {
		select {
		case err := <-errs:
			return err
		case ev := <-events:
			handle(ev)
		}
	}
}

func subscribeInPlace(ctx context.Context, r *reader, handle func(string)) error {
	events := make(chan string)
	errs := make(chan error)
	go pumpMore(r, events, errs) // want `goroutine blocks forever sending on errs or events: the caller can return at line 247 without receiving`
	for {
		select {
		case err := <-errs:
			return err
		case ev := <-events:
			handle(ev)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
