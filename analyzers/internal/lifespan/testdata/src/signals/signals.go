// Package signals is a library whose exported Parse runs a daemon that
// waits for the process's signals.
package signals

import (
	"os"
	"os/signal"
	"syscall"
)

// Parse is exported: run time. It reaches startDaemon, which waits for
// the process to be told to stop, so what startDaemon calls runs once.
func Parse() { startDaemon() } // want `Parse: run time`

func startDaemon() { // want `startDaemon: once`
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	reload := make(chan os.Signal, 1)
	signal.Notify(reload, syscall.SIGHUP)
	runScheduler()
	for {
		select {
		case <-stop:
			shutdown()
			return
		case <-reload:
			reloadCerts()
		}
	}
}

func runScheduler() {} // want `runScheduler: once`

func shutdown() {} // want `shutdown: start-up and run time`

func reloadCerts() {} // want `reloadCerts: start-up and run time`

// Serve waits for SIGHUP in a range loop: what it calls before the loop
// runs once, what it calls in the loop once per signal.
func Serve() { // want `Serve: once`
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	setup()
	for range hup {
		perSignal()
	}
}

func setup() {} // want `setup: once`

func perSignal() {} // want `perSignal: start-up and run time`

// Watch registers a channel but receives from it only in a goroutine: it
// returns at once, and it runs per call.
func Watch() { // want `Watch: run time`
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	go func() { <-c }()
	watchHelper()
}

func watchHelper() {} // want `watchHelper: run time`

// WaitDone registers a channel but waits on another one: it runs per call.
func WaitDone(done chan struct{}) { // want `WaitDone: run time`
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	doneHelper()
	<-done
}

func doneHelper() {} // want `doneHelper: run time`
