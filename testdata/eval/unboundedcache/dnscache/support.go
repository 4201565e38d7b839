// Package dnscache resolves the hosts of customer-configured webhook
// URLs with a small cache in front of the system resolver.
package dnscache

import (
	"net/netip"
	"sync"
	"time"
)

var mu sync.Mutex

const ttl = 5 * time.Minute

type entry struct {
	addrs   []netip.Addr
	expires time.Time
}
