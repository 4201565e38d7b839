// Package health checks the HTTP dependencies of a service for its
// readiness endpoint and its status page.
package health

import (
	"net/http"
	"time"
)

// Target is one dependency to check.
type Target struct {
	Name string
	URL  string
}

// Result is the outcome of one check.
type Result struct {
	Name    string        `json:"name"`
	OK      bool          `json:"ok"`
	Status  string        `json:"status"`
	Latency time.Duration `json:"latency"`
	Error   string        `json:"error,omitempty"`
}

// Checker checks targets with its own client.
type Checker struct {
	hc      *http.Client
	targets []Target
}

// NewChecker returns a Checker for targets.
func NewChecker(hc *http.Client, targets []Target) *Checker {
	return &Checker{hc: hc, targets: targets}
}
