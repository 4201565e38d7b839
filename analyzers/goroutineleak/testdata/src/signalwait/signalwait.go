// Package signalwait starts tickers from a daemon that waits for the
// process's signals (runs once, whoever calls it) and from functions that
// do not (run per call).
package signalwait

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Parse is exported, but startDaemon blocks until the process is told to
// stop: the schedulers it starts live as long as the process.
func Parse() { startDaemon() }

func startDaemon() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	runScheduler(time.Minute)
	<-stop
}

func runScheduler(d time.Duration) {
	go feedScheduler(d)
	go func() {
		for range time.Tick(d) {
			cleanup()
		}
	}()
}

func feedScheduler(d time.Duration) {
	for range time.Tick(d) {
		refresh()
	}
}

// Start is exported and returns at once: every call starts another
// scheduler that never ends.
func Start() { runPoller(time.Minute) }

func runPoller(d time.Duration) {
	go pollScheduler(d) // want `goroutine never finishes: the loop at line 48 ranges over time.Tick\(d\), which is never closed`
}

func pollScheduler(d time.Duration) {
	for range time.Tick(d) {
		refresh()
	}
}

// Reload waits for SIGHUP, and every signal starts another scheduler
// that never ends.
func Reload() {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	for range hup {
		go reloadScheduler(time.Minute) // want `goroutine never finishes: the loop at line 64 ranges over time.Tick\(d\), which is never closed`
	}
}

func reloadScheduler(d time.Duration) {
	for range time.Tick(d) {
		refresh()
	}
}

// Watch receives its signals in a goroutine and returns at once: each
// call starts another scheduler.
func Watch() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	go func() { <-c }()
	go watchScheduler(time.Minute) // want `goroutine never finishes: the loop at line 79 ranges over time.Tick\(d\), which is never closed`
}

func watchScheduler(d time.Duration) {
	for range time.Tick(d) {
		refresh()
	}
}

func refresh() {}

func cleanup() {}
