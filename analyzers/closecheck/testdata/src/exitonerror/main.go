// Package main: functions that only main calls, which exits on their error.
package main

import (
	"errors"
	"log"
	"net"
	"os"
)

// serve is called only by main, which exits when it fails: the listener
// left open on the failing return goes with the process.
func serve(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if ln.Addr().String() == "" {
		return errors.New("no address")
	}
	return ln.Close()
}

// serveBoth: main exits on its error too, but a success return that leaves
// the listener open is still a leak.
func serveBoth(addr string) error {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 34`
	if err != nil {
		return err
	}
	if ln.Addr().String() == "" {
		return errors.New("no address")
	}
	return nil
}

// retry is called in a loop that goes on after its error: each failing
// call leaves a listener open while the process lives.
func retry(addr string) error {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 45`
	if err != nil {
		return err
	}
	if ln.Addr().String() == "" {
		return errors.New("no address")
	}
	return ln.Close()
}

// logged is called by main, which logs its error and goes on serving.
func logged(addr string) error {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 57`
	if err != nil {
		return err
	}
	if ln.Addr().String() == "" {
		return errors.New("no address")
	}
	return ln.Close()
}

// alsoHelper is called by main and by another function: its failure does
// not always end the process.
func alsoHelper(addr string) error {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 70`
	if err != nil {
		return err
	}
	if ln.Addr().String() == "" {
		return errors.New("no address")
	}
	return ln.Close()
}

func other() { _ = alsoHelper(":0") }

func main() {
	var err error
	switch len(os.Args) {
	case 1:
		err = serve(":0")
	default:
		err = serveBoth(":1")
	}
	if err != nil {
		log.Fatal(err)
	}
	if err := alsoHelper(":2"); err != nil {
		os.Exit(1)
	}
	for i := 0; i < 3; i++ {
		if err := retry(":3"); err != nil {
			log.Print(err)
		}
	}
	if err := logged(":4"); err != nil {
		log.Print(err)
	}
	other()
	select {}
}
