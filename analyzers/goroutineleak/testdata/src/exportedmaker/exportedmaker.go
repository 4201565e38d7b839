// Package exportedmaker starts goroutines in exported helpers that make
// their channels and hand them back. Other packages may call the helpers
// too, but each call makes channels of its own: the callers in this
// package receive from the channels of their own calls.
package exportedmaker

import (
	"errors"
	"time"
)

var ErrTimeout = errors.New("timeout")

type Job struct{ done chan struct{} }

func (j *Job) Wait() error { <-j.done; return nil }

func (j *Job) Kill() {}

// Go runs f and sends its error on the channel it returns.
func Go(f func() error) chan error {
	ch := make(chan error)
	go func() {
		ch <- f()
	}()
	return ch
}

// WaitTimeout stops receiving when the timer fires first.
func (j *Job) WaitTimeout(d time.Duration) error {
	select {
	case <-time.After(d):
		j.Kill()
		return ErrTimeout
	case err := <-Go(j.Wait): // want `goroutine started by Go at line 23 blocks forever sending on ch: this caller can return at line 34 without receiving`
		return err
	}
}

// Wait always receives.
func (j *Job) WaitDone() error {
	return <-Go(j.Wait)
}

// GoBuffered is Go with a channel of one slot.
func GoBuffered(f func() error) chan error {
	ch := make(chan error, 1)
	go func() {
		ch <- f()
	}()
	return ch
}

func (j *Job) WaitTimeoutBuffered(d time.Duration) error {
	select {
	case <-time.After(d):
		j.Kill()
		return ErrTimeout
	case err := <-GoBuffered(j.Wait):
		return err
	}
}

// Start is only called from other packages: they receive or not, from
// their own channels.
func Start(f func() error) <-chan error {
	ch := make(chan error)
	go func() {
		ch <- f()
	}()
	return ch
}

// Shared hands out one channel made once: every caller shares it, so no
// call's caller owns it.
var shared = make(chan error)

func Shared(f func() error) chan error {
	go func() {
		shared <- f()
	}()
	return shared
}

func (j *Job) WaitShared(d time.Duration) error {
	select {
	case <-time.After(d):
		return ErrTimeout
	case err := <-Shared(j.Wait):
		return err
	}
}
