// Package producers holds goroutines that send what they read, one value
// per item that passes a test, to a caller that may stop reading early.
package producers

import (
	"bufio"
	"errors"
	"io"
)

func parse(s string) (string, error) {
	if s == "" {
		return "", errors.New("empty line")
	}
	return s, nil
}

// The producer sends every line that parses; the caller stops at the
// first match.
func firstMatch(r io.Reader, want string) (string, bool) {
	lines := make(chan string)
	go func() { // want `goroutine blocks forever sending on lines: the caller can stop receiving and return at line 33`
		defer close(lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if l, err := parse(sc.Text()); err == nil {
				lines <- l
			}
		}
	}()
	for l := range lines {
		if l == want {
			return l, true
		}
	}
	return "", false
}

// The same with a done channel the caller closes: the producer leaves.
func firstMatchDone(r io.Reader, want string) (string, bool) {
	lines := make(chan string)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if l, err := parse(sc.Text()); err == nil {
				select {
				case lines <- l:
				case <-done:
					return
				}
			}
		}
	}()
	for l := range lines {
		if l == want {
			return l, true
		}
	}
	return "", false
}

// Only the first line is ever sent (a flag carried round the loop), and
// the caller receives once.
func firstLine(r io.Reader) string {
	lines := make(chan string)
	go func() {
		sent := false
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if !sent {
				lines <- sc.Text()
				sent = true
			}
		}
		if !sent {
			lines <- ""
		}
	}()
	return <-lines
}

// Only the line at index 0 is sent: a test of the loop counter.
func lineZero(all []string) string {
	lines := make(chan string)
	go func() {
		for i, l := range all {
			if i == 0 {
				lines <- l
			}
		}
		if len(all) == 0 {
			lines <- ""
		}
	}()
	return <-lines
}

// Records on an unbuffered channel and the final error on a one-slot
// channel, which never blocks: the store error return strands the reader.
func load(r io.Reader, put func(string) error) error {
	recs := make(chan string)
	errc := make(chan error, 1)
	go func() { // want `goroutine blocks forever sending on recs: the caller can stop receiving and return at line 121`
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
		if err := put(rec); err != nil {
			return err
		}
	}
	return <-errc
}

// The same reader, drained on the error path: nothing is stranded.
func loadDrained(r io.Reader, put func(string) error) error {
	recs := make(chan string)
	errc := make(chan error, 1)
	go func() {
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
	var first error
	for rec := range recs {
		if first != nil {
			continue
		}
		first = put(rec)
	}
	if first != nil {
		return first
	}
	return <-errc
}
