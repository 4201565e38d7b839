// Package bufroom holds goroutines that send on buffered channels their
// parent may stop receiving from: silent when the buffer has room for
// every send the goroutine can make, reported when it has not.
package bufroom

import (
	"errors"
	"time"
)

func load(string) (int, error) { return 0, nil }

func read() (int, error) { return 0, nil }

// rangeArray sends once per element of a three-element array into a
// buffer of three: every send finds room.
func rangeArray(timeout <-chan time.Time) int {
	names := [3]string{"a", "b", "c"}
	ch := make(chan int, 3)
	go func() {
		for _, n := range names {
			v, _ := load(n)
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

// rangeArrayLen: the capacity is the array's length.
func rangeArrayLen(timeout <-chan time.Time) int {
	var names [4]string
	ch := make(chan int, len(names))
	go func() {
		for i := range names {
			v, _ := load(names[i])
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

// rangeSliceLiteral ranges over a slice literal of two elements.
func rangeSliceLiteral(timeout <-chan time.Time) int {
	ch := make(chan int, 2)
	go func() {
		for _, n := range []string{"a", "b"} {
			v, _ := load(n)
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

// sources is a fixed table: nothing in the package changes it.
var sources = []string{"primary", "secondary", "tertiary"}

// rangeTable sends once per entry of a fixed table into a buffer as
// large as the table.
func rangeTable(timeout <-chan time.Time) int {
	ch := make(chan int, len(sources))
	go func() {
		for _, s := range sources {
			v, _ := load(s)
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

// countedWithErrorExit: at most three sends, the loop left early on an
// error, into a buffer of three.
func countedWithErrorExit() error {
	ch := make(chan int, 3)
	go func() {
		for i := 0; i < 3; i++ {
			v, err := read()
			if err != nil {
				return
			}
			ch <- v
		}
	}()
	if v := <-ch; v < 0 {
		return errors.New("negative")
	}
	return nil
}

// rangeArrayShort: three sends into a buffer of two; a return after the
// timeout can leave the third sender blocked.
func rangeArrayShort(timeout <-chan time.Time) int {
	names := [3]string{"a", "b", "c"}
	ch := make(chan int, 2)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 124 without receiving`
		for _, n := range names {
			v, _ := load(n)
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

// growing is appended to: its length is not fixed.
var growing = []string{"a", "b"}

func Register(s string) { growing = append(growing, s) }

// rangeGrowing: the buffer has room for the table's first length only.
func rangeGrowing(timeout <-chan time.Time) int {
	ch := make(chan int, 2)
	go func() { // want `goroutine blocks forever sending on ch: the caller can stop receiving and return at line 144`
		for _, s := range growing {
			v, _ := load(s)
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

// countedWithErrorExitShort: up to five sends into a buffer of three,
// one of them received.
func countedWithErrorExitShort() error {
	ch := make(chan int, 3)
	go func() { // want `goroutine blocks forever sending on ch: the caller can stop receiving and return at line 164`
		for i := 0; i < 5; i++ {
			v, err := read()
			if err != nil {
				return
			}
			ch <- v
		}
	}()
	if v := <-ch; v < 0 {
		return errors.New("negative")
	}
	return nil
}

// replicas is a fixed table of three.
var replicas = []string{"r1", "r2", "r3"}

// rangeTableShort: three sends, one per replica, into a buffer of two.
func rangeTableShort(timeout <-chan time.Time) int {
	ch := make(chan int, 2)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 185 without receiving`
		for _, s := range replicas {
			v, _ := load(s)
			ch <- v
		}
	}()
	select {
	case v := <-ch:
		return v
	case <-timeout:
		return 0
	}
}

var _ = []any{rangeTableShort, rangeArray, rangeArrayLen, rangeSliceLiteral, rangeTable, countedWithErrorExit, rangeArrayShort, rangeGrowing, countedWithErrorExitShort}
