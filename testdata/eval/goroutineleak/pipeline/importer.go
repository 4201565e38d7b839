package pipeline

import (
	"bufio"
	"context"
	"io"
	"strings"
)

// Import parses r and stores every record, stopping at the first store
// error.
func Import(ctx context.Context, r io.Reader, st Store) error {
	recs := make(chan Record)
	errc := make(chan error, 1)
	// When Put fails the caller returns without draining recs, and the
	// reader blocks on its next send forever.
	go func() { // eval:leak goroutineleak
		defer close(recs)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			rec, err := parse(sc.Text())
			if err != nil {
				errc <- err
				return
			}
			recs <- rec
		}
		errc <- sc.Err()
	}()
	for rec := range recs {
		if err := st.Put(ctx, rec); err != nil {
			return err
		}
	}
	return <-errc
}

// ImportCancel parses r and stores every record, stopping at the first
// store error.
func ImportCancel(ctx context.Context, r io.Reader, st Store) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	recs := make(chan Record)
	errc := make(chan error, 1)
	// The send also waits on ctx, which the deferred cancel ends when
	// the caller returns early.
	go func() {
		defer close(recs)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			rec, err := parse(sc.Text())
			if err != nil {
				errc <- err
				return
			}
			select {
			case recs <- rec:
			case <-ctx.Done():
				return
			}
		}
		errc <- sc.Err()
	}()
	for rec := range recs {
		if err := st.Put(ctx, rec); err != nil {
			return err
		}
	}
	return <-errc
}

// FirstForAccount returns the first record of account in r.
func FirstForAccount(r io.Reader, account string) (Record, bool) {
	recs := make(chan Record)
	// Once a match is found the caller stops reading and the producer
	// blocks on its next send forever.
	go func() { // eval:leak goroutineleak
		defer close(recs)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if rec, err := parse(sc.Text()); err == nil {
				recs <- rec
			}
		}
	}()
	for rec := range recs {
		if rec.Account == account {
			return rec, true
		}
	}
	return Record{}, false
}

// FirstForRegion returns the first record of region in r.
func FirstForRegion(r io.Reader, region string) (Record, bool) {
	recs := make(chan Record)
	done := make(chan struct{})
	defer close(done)
	// The deferred close(done) releases the producer when the caller
	// returns early.
	go func() {
		defer close(recs)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			rec, err := parse(sc.Text())
			if err != nil {
				continue
			}
			select {
			case recs <- rec:
			case <-done:
				return
			}
		}
	}()
	for rec := range recs {
		if strings.EqualFold(rec.Region, region) {
			return rec, true
		}
	}
	return Record{}, false
}

// Enrich looks up the region of every record with lookup on n goroutines
// and returns the records in any order.
func Enrich(ctx context.Context, recs []Record, lookup func(context.Context, string) (string, error), n int) ([]Record, error) {
	in := make(chan Record)
	out := make(chan Record)
	errc := make(chan error)
	for i := 0; i < n; i++ {
		// The first lookup error makes the caller return; the other
		// workers then block on out or errc, and every worker waits on
		// in, which is never closed.
		go func() { // eval:leak goroutineleak
			for r := range in {
				region, err := lookup(ctx, r.Account)
				if err != nil {
					errc <- err
					continue
				}
				r.Region = region
				out <- r
			}
		}()
	}
	// After an early return the workers stop taking from in, so with
	// records left over the feeder blocks on its send forever.
	go func() { // eval:leak goroutineleak
		for _, r := range recs {
			in <- r
		}
	}()
	res := make([]Record, 0, len(recs))
	for range recs {
		select {
		case r := <-out:
			res = append(res, r)
		case err := <-errc:
			return nil, err
		}
	}
	return res, nil
}
