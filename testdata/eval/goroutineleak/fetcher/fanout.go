package fetcher

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrTimeout is returned when a fetch takes longer than allowed.
var ErrTimeout = errors.New("fetcher: timed out")

// FetchAll fetches every path concurrently and fails on the first error.
func (f *Fetcher) FetchAll(ctx context.Context, paths []string) ([]Page, error) {
	ch := make(chan pageResult)
	for _, p := range paths {
		// On the first error the caller returns; the fetches still
		// running block on the unbuffered send forever.
		go func() { // eval:leak goroutineleak
			b, err := f.get(ctx, p)
			ch <- pageResult{Page{Path: p, Body: b}, err}
		}()
	}
	pages := make([]Page, 0, len(paths))
	for range paths {
		r := <-ch
		if r.err != nil {
			return nil, r.err
		}
		pages = append(pages, r.page)
	}
	return pages, nil
}

// FetchAllBuffered fetches every path concurrently and fails on the first
// error.
func (f *Fetcher) FetchAllBuffered(ctx context.Context, paths []string) ([]Page, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A slot per fetch: every goroutine can deliver and exit even after
	// the caller has returned.
	ch := make(chan pageResult, len(paths))
	for _, p := range paths {
		go func() {
			b, err := f.get(ctx, p)
			ch <- pageResult{Page{Path: p, Body: b}, err}
		}()
	}
	pages := make([]Page, 0, len(paths))
	for range paths {
		r := <-ch
		if r.err != nil {
			return nil, r.err
		}
		pages = append(pages, r.page)
	}
	return pages, nil
}

// FetchAllCancel fetches every path concurrently and fails on the first
// error, cancelling the rest.
func (f *Fetcher) FetchAllCancel(ctx context.Context, paths []string) ([]Page, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan pageResult)
	for _, p := range paths {
		// The deferred cancel releases every goroutine still trying to
		// send once the caller has returned.
		go func() {
			b, err := f.get(ctx, p)
			select {
			case ch <- pageResult{Page{Path: p, Body: b}, err}:
			case <-ctx.Done():
			}
		}()
	}
	pages := make([]Page, 0, len(paths))
	for range paths {
		select {
		case r := <-ch:
			if r.err != nil {
				return nil, r.err
			}
			pages = append(pages, r.page)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return pages, nil
}

// FetchIndexed fetches every path concurrently; the result slice keeps
// the order of paths and the first error in that order is returned.
func (f *Fetcher) FetchIndexed(ctx context.Context, paths []string) ([]Page, error) {
	pages := make([]Page, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := f.get(ctx, p)
			pages[i], errs[i] = Page{Path: p, Body: b}, err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return pages, nil
}

// FetchUpTo returns the first limit documents that load, ignoring the
// ones that fail.
func (f *Fetcher) FetchUpTo(ctx context.Context, paths []string, limit int) []Page {
	ch := make(chan Page)
	for _, p := range paths {
		// After limit pages the caller stops receiving; the remaining
		// goroutines block on the send forever.
		go func() { // eval:leak goroutineleak
			b, err := f.get(ctx, p)
			if err != nil {
				ch <- Page{Path: p}
				return
			}
			ch <- Page{Path: p, Body: b}
		}()
	}
	var pages []Page
	for range paths {
		pg := <-ch
		if pg.Body != nil {
			pages = append(pages, pg)
		}
		if len(pages) == limit {
			break
		}
	}
	return pages
}

// FetchTimeout fetches one path, giving up after d.
func (f *Fetcher) FetchTimeout(ctx context.Context, path string, d time.Duration) ([]byte, error) {
	done := make(chan pageResult)
	// After the timer fires nobody receives: the goroutine finishes the
	// request and then blocks on done forever.
	go func() { // eval:leak goroutineleak
		b, err := f.get(ctx, path)
		done <- pageResult{Page{Path: path, Body: b}, err}
	}()
	select {
	case r := <-done:
		return r.page.Body, r.err
	case <-time.After(d):
		return nil, ErrTimeout
	}
}

// FetchAllDrain fetches every path concurrently and fails on the first
// error, leaving the remaining results to a drainer.
func (f *Fetcher) FetchAllDrain(ctx context.Context, paths []string) ([]Page, error) {
	ch := make(chan pageResult)
	for _, p := range paths {
		// Every send is matched: either by the loop below or by the
		// drainer, which takes exactly the results not yet received.
		go func() {
			b, err := f.get(ctx, p)
			ch <- pageResult{Page{Path: p, Body: b}, err}
		}()
	}
	pages := make([]Page, 0, len(paths))
	for i := range paths {
		r := <-ch
		if r.err != nil {
			left := len(paths) - i - 1
			go func() {
				for range left {
					<-ch
				}
			}()
			return nil, r.err
		}
		pages = append(pages, r.page)
	}
	return pages, nil
}
