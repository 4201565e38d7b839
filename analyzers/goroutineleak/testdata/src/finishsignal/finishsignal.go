// Package finishsignal holds goroutines that tell their parent, by
// closing a channel, that they will send no more on the result channel.
package finishsignal

import (
	"errors"
	"time"
)

func read() (int, error) { return 0, nil }

// The reader closes done and returns, or sends its error and returns:
// having received from done, the caller knows nothing more is sent.
func ClosedWhenDone() error {
	done := make(chan struct{})
	errCh := make(chan error)
	go func() {
		for {
			n, err := read()
			if err != nil {
				errCh <- err
				return
			}
			if n == 0 {
				close(done)
				return
			}
		}
	}()
	select {
	case <-done:
		return nil
	case err := <-errCh:
		return err
	}
}

// After the timeout the caller waits for the signal: once it has it, the
// reader has returned without sending.
func WaitsForSignal() error {
	done := make(chan struct{})
	errCh := make(chan error)
	go func() {
		if _, err := read(); err != nil {
			errCh <- err
			return
		}
		close(done)
	}()
	select {
	case err := <-errCh:
		return err
	case <-time.After(time.Second):
	}
	<-done
	return nil
}

// Closing done does not end the loop: the reader can still send its error
// after the caller has returned.
func SendsAfterSignal() error {
	done := make(chan struct{})
	errCh := make(chan error)
	go func() { // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
		closed := false
		for {
			n, err := read()
			if err != nil {
				errCh <- err
				return
			}
			if n == 0 && !closed {
				close(done)
				closed = true
			}
		}
	}()
	select {
	case <-done:
		return nil
	case err := <-errCh:
		return err
	}
}

// A deferred send runs after the signal.
func DeferredSend() {
	done := make(chan struct{})
	errCh := make(chan error)
	go func() { // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
		defer func() {
			if recover() != nil {
				errCh <- errors.New("panicked")
			}
		}()
		read()
		close(done)
	}()
	select {
	case <-done:
	case <-errCh:
	}
}

// Another goroutine closes done: receiving from it says nothing of the
// sender.
func SignalFromAnother() {
	done := make(chan struct{})
	errCh := make(chan error)
	go func() { // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
		if _, err := read(); err != nil {
			errCh <- err
		}
	}()
	go func() {
		time.Sleep(time.Second)
		close(done)
	}()
	select {
	case <-done:
	case <-errCh:
	}
}

// The timeout is no signal at all.
func TimeoutOnly() {
	errCh := make(chan error)
	go func() { // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
		if _, err := read(); err != nil {
			errCh <- err
		}
	}()
	select {
	case <-time.After(time.Second):
	case <-errCh:
	}
}

// The parent runs the same function itself: done may be closed by its
// own call while the goroutine is still to send.
func RunsItToo() {
	done := make(chan struct{})
	errCh := make(chan error)
	work := func() {
		if _, err := read(); err != nil {
			errCh <- err
			return
		}
		close(done)
	}
	go work() // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
	work()
	select {
	case <-done:
	case <-errCh:
	}
}
