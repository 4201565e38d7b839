// Command mainreturn serves a callback from main and returns once it is
// answered: a goroutine that blocks sending only after main has returned
// ends with the program. The same code in another function leaves the
// goroutine behind while the program goes on.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	listener, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return
	}
	defer listener.Close()

	srvCh := make(chan error)
	go func() {
		err := http.Serve(listener, nil)
		if err != nil && err != http.ErrServerClosed {
			srvCh <- err
		}
	}()

	sigintCh := make(chan os.Signal, 1)
	signal.Notify(sigintCh, os.Interrupt)
	select {
	case err := <-srvCh:
		fmt.Fprintln(os.Stderr, err)
		return
	case <-sigintCh:
		return
	case <-time.After(time.Minute):
		serveOnce()
		return
	}
}

func serveOnce() {
	listener, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return
	}
	defer listener.Close()

	srvCh := make(chan error)
	go func() { // want `goroutine blocks forever sending on srvCh: the caller can return at line 65 without receiving`
		err := http.Serve(listener, nil)
		if err != nil && err != http.ErrServerClosed {
			srvCh <- err
		}
	}()

	select {
	case err := <-srvCh:
		fmt.Fprintln(os.Stderr, err)
		return
	case <-time.After(time.Minute):
		return
	}
}
