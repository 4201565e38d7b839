package fetcher

import (
	"context"
	"errors"
	"fmt"
)

// FetchFastest asks the origin and every mirror and returns the first
// successful answer.
func (f *Fetcher) FetchFastest(ctx context.Context, path string) ([]byte, error) {
	bases := append([]string{f.base}, f.mirrors...)
	ch := make(chan pageResult)
	for _, base := range bases {
		// Once one answer succeeds the caller returns and the slower
		// requests block on ch forever.
		go func() { // eval:leak goroutineleak
			b, err := f.getFrom(ctx, base, path)
			ch <- pageResult{Page{Path: path, Body: b}, err}
		}()
	}
	var errs []error
	for range bases {
		r := <-ch
		if r.err == nil {
			return r.page.Body, nil
		}
		errs = append(errs, r.err)
	}
	return nil, fmt.Errorf("all sources failed: %w", errors.Join(errs...))
}

// FetchHedged asks the origin and every mirror, returns the first
// successful answer and cancels the others.
func (f *Fetcher) FetchHedged(ctx context.Context, path string) ([]byte, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	bases := append([]string{f.base}, f.mirrors...)
	// Room for every answer: the losers deliver into the buffer and exit.
	ch := make(chan pageResult, len(bases))
	for _, base := range bases {
		go func() {
			b, err := f.getFrom(ctx, base, path)
			ch <- pageResult{Page{Path: path, Body: b}, err}
		}()
	}
	var errs []error
	for range bases {
		r := <-ch
		if r.err == nil {
			return r.page.Body, nil
		}
		errs = append(errs, r.err)
	}
	return nil, fmt.Errorf("all sources failed: %w", errors.Join(errs...))
}

// Stream fetches paths one after another and delivers the documents that
// load; the channel is closed when all are done or ctx ends.
func (f *Fetcher) Stream(ctx context.Context, paths []string) <-chan Page {
	out := make(chan Page)
	// Every send also watches ctx, and the loop is bounded by paths.
	go func() {
		defer close(out)
		for _, p := range paths {
			b, err := f.get(ctx, p)
			if err != nil {
				continue
			}
			select {
			case out <- Page{Path: p, Body: b}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
