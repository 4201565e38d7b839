// Package starterexits: a goroutine that never ends, started by a function
// that never returns once it has started it, because every way out of it
// ends the process (os.Exit, log.Fatal, a clean-up of the package that
// exits) or a server's Serve, which returns only with an error, whose
// error ends the process. The goroutine lives as long as its starter.
package starterexits

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

var tokens = map[string]time.Time{}

// Serve is a credential server's main function: the expiry ticker lives
// as long as the server, which ends the process when it stops.
func Serve(addr string) {
	ticker := time.NewTicker(time.Second)
	go func() {
		for range ticker.C {
			for k, v := range tokens {
				if time.Now().After(v) {
					delete(tokens, k)
				}
			}
		}
	}()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Println(err)
		os.Exit(1)
	}
	srv := &http.Server{}
	if err := srv.Serve(ln); err != nil {
		log.Println(err)
		os.Exit(1)
	}
}

// ListenOrDie is the same with http.ListenAndServe and log.Fatal.
func ListenOrDie(addr string) {
	go func() {
		for {
			time.Sleep(time.Second)
			fmt.Println(len(tokens))
		}
	}()
	log.Fatal(http.ListenAndServe(addr, nil))
}

func cleanExit() {
	fmt.Print("\033[?25h")
	os.Exit(0)
}

// Screen is an interactive screen: it redraws until the user quits, and
// quitting ends the process through cleanExit.
func Screen(stats <-chan string, keys <-chan rune) { // want Screen:`goroutineleak\(param 0 passes on; param 1 receives\)`
	redraw := make(chan string)
	update := func() {
		for {
			s := <-stats
			redraw <- s
		}
	}
	go update()
	for {
		select {
		case k := <-keys:
			if k == 'q' {
				cleanExit()
			}
		case s := <-redraw:
			fmt.Println(s)
		}
	}
}

// ServeAndReturn returns when its server stops without an error that ends
// the process: the ticker outlives it.
func ServeAndReturn(addr string) error {
	ticker := time.NewTicker(time.Second)
	go func() { // want `goroutine never finishes: the loop at line 88 waits on ticker.C, which is never closed, and watches no cancellation`
		for range ticker.C {
			fmt.Println(len(tokens))
		}
	}()
	srv := &http.Server{Addr: addr}
	return srv.ListenAndServe()
}

// ServeLogs returns when Serve's error is nil; it never is, but the
// function also returns when it is not.
func ServeLogs(ln net.Listener) {
	go func() { // want `goroutine never finishes: the loop at line 100 has no exit and watches no cancellation`
		for {
			time.Sleep(time.Second)
			fmt.Println(len(tokens))
		}
	}()
	if err := http.Serve(ln, nil); err != nil {
		log.Println(err)
	}
}

func fail(msg string) {
	panic(msg)
}

// ScreenPanics leaves by a panic its callers may recover from: the
// goroutine outlives it.
func ScreenPanics(stats <-chan string, keys <-chan rune) { // want ScreenPanics:`goroutineleak\(param 0 passes on; param 1 receives\)`
	redraw := make(chan string)
	go func() { // want `goroutine never finishes: the loop at line 119 has no exit and watches no cancellation`
		for {
			redraw <- <-stats
		}
	}()
	for {
		select {
		case k := <-keys:
			if k == 'q' {
				fail("quit")
			}
		case s := <-redraw:
			fmt.Println(s)
		}
	}
}
