// Package lifecycle holds goroutines whose lifetime is judged from what
// the code does, never from a function's name.
package lifecycle

import (
	"gate"
	"sync"
	"time"
)

type config struct {
	ordered, lookup bool
	started         bool
}

// Ordered and Lookup read a field and write nothing.
func (c *config) Ordered() bool { return c.ordered }

func (c *config) Lookup() bool { return c.lookup }

// Claim sets the flag it tests: a test-and-set, whatever it is called.
func (c *config) Claim() bool {
	if c.started {
		return false
	}
	c.started = true
	return true
}

var cfg config

func spin() {
	for {
		time.Sleep(time.Second)
	}
}

// Two getters that write nothing are treated alike: neither makes the
// goroutine a singleton, so both starts are reported.
func StartOrdered() {
	if cfg.Ordered() {
		go spin() // want `goroutine never finishes: the loop at line 33 has no exit and watches no cancellation`
	}
}

func StartLookup() {
	if cfg.Lookup() {
		go spin() // want `goroutine never finishes: the loop at line 33 has no exit and watches no cancellation`
	}
}

// A method that sets the package-level flag it tests starts the
// goroutine once per process.
func StartClaimed() {
	if cfg.Claim() {
		go spin()
	}
}

// sync.Map's LoadOrStore is a test-and-set per key (knowledge table).
var starters sync.Map

func StartKeyed() {
	if _, loaded := starters.LoadOrStore("k", true); !loaded {
		go spin()
	}
}

// A set-up function with no telling name that only an init function
// reaches runs once: the loop it starts lives as long as the process.
func prepare() { go spin() }

func init() { prepare() }

// The same function reached from an exported function runs per call.
func background() {
	go spin() // want `goroutine never finishes: the loop at line 33 has no exit and watches no cancellation`
}

func Background() { background() }

// A test-and-set of another package is known by its fact; a getter of the
// same shape is not one.
var g gate.Gate

func StartClaimedElsewhere() {
	if g.Claim() {
		go spin()
	}
}

func StartIfOpen() {
	if g.Open() {
		go spin() // want `goroutine never finishes: the loop at line 33 has no exit and watches no cancellation`
	}
}

var flipped bool

func StartFlipped() {
	if gate.Flip(&flipped) {
		go spin()
	}
}
