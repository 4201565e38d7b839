package finishsignal

import "errors"

// fetcher's fetch is started by two functions, each with channels of its
// own, so calls of it go through its summary: the closes and sends it
// makes on its parameters are placed at each go statement.
type fetcher struct {
	stop chan struct{}
	last int
}

var errStopped = errors.New("stopped")

// fetch either closes done or sends one error, and returns right after
// either; a send on ok is never blocking.
func (f *fetcher) fetch(done, ok chan<- struct{}, errCh chan<- error) {
	for {
		select {
		case <-f.stop:
			return
		default:
		}
		n, err := read()
		if err != nil {
			if err != errStopped {
				errCh <- err
			}
			return
		}
		select {
		case ok <- struct{}{}:
		default:
		}
		if n == f.last {
			continue
		}
		f.last = n
		close(done)
		return
	}
}

// poll starts fetch over and over with buffered channels.
func (f *fetcher) poll(out chan<- int, errs chan<- error) {
	for {
		done := make(chan struct{}, 1)
		ok := make(chan struct{}, 1)
		errCh := make(chan error, 1)
		go f.fetch(done, ok, errCh)
		select {
		case <-done:
			select {
			case out <- f.last:
			case <-f.stop:
				return
			}
		case <-ok:
		case err := <-errCh:
			select {
			case errs <- err:
			case <-f.stop:
			}
			return
		case <-f.stop:
			return
		}
	}
}

// Waiting for either outcome: fetch has finished or finishes.
func FetchOnce(f *fetcher) error {
	done := make(chan struct{})
	ok := make(chan struct{})
	errCh := make(chan error)
	go f.fetch(done, ok, errCh)
	select {
	case <-done:
		return nil
	case err := <-errCh:
		return err
	}
}

// sendsAfterClose closes done and can still send its error: done is no
// signal that it will send no more.
func (f *fetcher) sendsAfterClose(done chan<- struct{}, errCh chan<- error) {
	close(done)
	if _, err := read(); err != nil {
		errCh <- err
	}
}

func (f *fetcher) pollLate() {
	for {
		done := make(chan struct{}, 1)
		errCh := make(chan error, 1)
		go f.sendsAfterClose(done, errCh)
		select {
		case <-done:
		case <-errCh:
			return
		}
	}
}

func FetchLate(f *fetcher) {
	done := make(chan struct{})
	errCh := make(chan error)
	go f.sendsAfterClose(done, errCh) // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
	select {
	case <-done:
	case <-errCh:
	}
}

// closeVia hands done to a helper that closes it: the close is not seen
// in the function itself, so done is not taken as the signal.
func (f *fetcher) closeVia(done chan<- struct{}, errCh chan<- error) {
	if _, err := read(); err != nil {
		errCh <- err
		return
	}
	shut(done)
}

func shut(c chan<- struct{}) { close(c) }

func (f *fetcher) pollVia() {
	for {
		done := make(chan struct{}, 1)
		errCh := make(chan error, 1)
		go f.closeVia(done, errCh)
		select {
		case <-done:
		case <-errCh:
			return
		}
	}
}

func FetchVia(f *fetcher) {
	done := make(chan struct{})
	errCh := make(chan error)
	go f.closeVia(done, errCh) // want `goroutine blocks forever sending on errCh: the caller can return at line \d+ without receiving`
	select {
	case <-done:
	case <-errCh:
	}
}

var (
	_ = (*fetcher).poll
	_ = (*fetcher).pollLate
	_ = (*fetcher).pollVia
)
