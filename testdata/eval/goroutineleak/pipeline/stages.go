package pipeline

import (
	"bufio"
	"context"
	"io"
	"sync"
)

// Lines emits the lines of r until EOF or ctx ends; the error channel
// receives the scanner's error, if any, after the line channel is closed.
func Lines(ctx context.Context, r io.Reader) (<-chan string, <-chan error) {
	out := make(chan string)
	errc := make(chan error, 1)
	// Sends watch ctx, errc has room for its single value.
	go func() {
		defer close(errc)
		defer close(out)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			select {
			case out <- sc.Text():
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
		}
		errc <- sc.Err()
	}()
	return out, errc
}

// Parse turns lines into records on n goroutines, dropping malformed
// lines; the output is closed once in is closed and drained.
func Parse(ctx context.Context, in <-chan string, n int) <-chan Record {
	out := make(chan Record)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for line := range in {
				r, err := parse(line)
				if err != nil {
					continue
				}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	// Finishes once every parser has returned.
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Summarize totals the records in r.
func Summarize(ctx context.Context, r io.Reader) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lines, errc := Lines(ctx, r)
	sum := Summary{}
	for rec := range Parse(ctx, lines, 4) {
		sum.add(rec)
	}
	if err := <-errc; err != nil {
		return nil, err
	}
	return sum, nil
}

// Batch groups records into slices of up to size, flushing the remainder
// when in is closed.
func Batch(in <-chan Record, size int) <-chan []Record {
	out := make(chan []Record)
	// Ends when in is closed; the consumer is expected to drain out.
	go func() {
		defer close(out)
		buf := make([]Record, 0, size)
		for r := range in {
			buf = append(buf, r)
			if len(buf) == size {
				out <- buf
				buf = make([]Record, 0, size)
			}
		}
		if len(buf) > 0 {
			out <- buf
		}
	}()
	return out
}
