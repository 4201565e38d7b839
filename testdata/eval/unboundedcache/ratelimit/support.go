// Package ratelimit throttles API clients with token buckets.
package ratelimit

import (
	"net"
	"net/http"
	"sync"
	"time"
)

var mu sync.Mutex

// Tier is a customer plan.
type Tier int

// The plans.
const (
	Free Tier = iota
	Team
	Enterprise
)

// Limit is a rate and a burst.
type Limit struct {
	PerSecond float64
	Burst     float64
}

type bucket struct {
	tokens float64
	last   time.Time
	limit  Limit
}

func (b *bucket) allow(now time.Time) bool {
	b.tokens += now.Sub(b.last).Seconds() * b.limit.PerSecond
	if b.tokens > b.limit.Burst {
		b.tokens = b.limit.Burst
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
