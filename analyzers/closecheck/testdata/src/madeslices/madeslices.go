// Package madeslices holds resources stored by index into a slice the
// function made with make: the slice is followed like a collection that
// append fills.
package madeslices

import (
	"errors"
	"net"
	"os"
)

// dialAllDropped returns a later dial's error and drops the connections
// stored so far.
func dialAllDropped(addrs []string) ([]net.Conn, error) {
	conns := make([]net.Conn, len(addrs))
	for i, a := range addrs {
		c, err := net.Dial("tcp", a) // want `connection from net.Dial is not closed when returning at line 19`
		if err != nil {
			return nil, err
		}
		conns[i] = c
	}
	return conns, nil
}

// dialAllCleanup closes what it stored before returning the error.
func dialAllCleanup(addrs []string) ([]net.Conn, error) {
	conns := make([]net.Conn, len(addrs))
	for i, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			for _, d := range conns[:i] {
				d.Close()
			}
			return nil, err
		}
		conns[i] = c
	}
	return conns, nil
}

var errMode = errors.New("bad mode")

type group struct{ files []*os.File }

// openGroupChecked checks its argument only after opening the files, and
// returns the error without closing them.
func openGroupChecked(names []string, mode int) (*group, error) {
	files := make([]*os.File, len(names))
	for i, n := range names {
		f, err := os.Open(n) // want `file from os.Open is not closed when returning at line 53`
		if err != nil {
			return nil, err
		}
		files[i] = f
	}
	if mode != 0 {
		return nil, errMode
	}
	return &group{files: files}, nil
}

// openGroup hands the slice to the group it returns.
func openGroup(names []string) (*group, error) {
	files := make([]*os.File, len(names))
	for i, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, g := range files[:i] {
				g.Close()
			}
			return nil, err
		}
		files[i] = f
	}
	return &group{files: files}, nil
}

// closeAll reads the slice back: each element is closed.
func openAndClose(names []string) error {
	files := make([]*os.File, len(names))
	for i, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, g := range files[:i] {
				g.Close()
			}
			return err
		}
		files[i] = f
	}
	for _, f := range files {
		f.Close()
	}
	return nil
}

// openEachDropped fills the slice in a range loop over it and checks its
// argument afterwards: the loop ending says nothing of what the slice
// holds.
func openEachDropped(names []string, mode int) ([]*os.File, error) {
	files := make([]*os.File, len(names))
	for i := range files {
		f, err := os.Open(names[i]) // want `file from os.Open is not closed when returning at line 106`
		if err != nil {
			return nil, err
		}
		files[i] = f
	}
	if mode != 0 {
		return nil, errMode
	}
	return files, nil
}

// fillOverItself fills the slice in a range loop over it and closes each
// element in a second one.
func fillOverItself(addr string, n int) error {
	conns := make([]net.Conn, n)
	for i := range conns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			closeAll(conns[:i])
			return err
		}
		conns[i] = c
	}
	for _, c := range conns {
		c.Close()
	}
	return nil
}

func closeAll(conns []net.Conn) {
	for _, c := range conns {
		c.Close()
	}
}

const pool = 4

// fillConstant: a slice of constant length is backed by an array the
// function allocates; it holds what is stored in it as any made slice,
// and a loop counting down from its last element closes each.
func fillConstant(addr string) error {
	conns := make([]net.Conn, pool)
	for i := range conns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			closeAll(conns[:i])
			return err
		}
		conns[i] = c
	}
	for i := len(conns) - 1; i >= 0; i-- {
		conns[i].Close()
	}
	return nil
}

// fillConstantDropped returns a later dial's error and drops what the
// constant-length slice holds.
func fillConstantDropped(addr string) ([]net.Conn, error) {
	conns := make([]net.Conn, pool)
	for i := range conns {
		c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 168`
		if err != nil {
			return nil, err
		}
		conns[i] = c
	}
	return conns, nil
}

// closedByWorkers counts to the length the slice was made with, shared
// with a goroutine that only reads it, and hands each element to a
// worker that closes it.
func closedByWorkers(addr string, workers int) error {
	p := workers
	conns := make([]net.Conn, p)
	go func() {
		for i := 0; i < p; i++ {
			_ = i
		}
	}()
	for i := 0; i < p; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			closeAll(conns[:i])
			return err
		}
		conns[i] = c
	}
	done := make(chan bool)
	for i := 0; i < p; i++ {
		go func(c net.Conn) {
			c.Close()
			done <- true
		}(conns[i])
	}
	for i := 0; i < p; i++ {
		<-done
	}
	return nil
}

// closeSome closes as many elements as its other argument says: the
// loop may end before closing any.
func closeSome(addr string, n, k int) error {
	conns := make([]net.Conn, n)
	for i := range conns {
		c, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 222`
		if err != nil {
			closeAll(conns[:i])
			return err
		}
		conns[i] = c
	}
	for i := 0; i < k; i++ {
		conns[i].Close()
	}
	return nil
}
