// Package election elects one leader among the replicas of a controller
// using leases kept in the coordination store.
package election

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Store is the part of the coordination store the elector needs.
type Store interface {
	// Acquire takes the lease named key for id, failing with ErrHeld if
	// someone else holds it.
	Acquire(ctx context.Context, key, id string, ttl time.Duration) error
	// Renew extends a lease id already holds.
	Renew(ctx context.Context, key, id string, ttl time.Duration) error
	// Release gives the lease up.
	Release(ctx context.Context, key, id string) error
	// Holder returns who holds the lease.
	Holder(ctx context.Context, key string) (string, error)
}

// ErrHeld is returned by Acquire when another replica holds the lease.
var ErrHeld = errors.New("election: lease held by another replica")

// Elector campaigns for one lease on behalf of one replica.
type Elector struct {
	store Store
	key   string
	id    string
	ttl   time.Duration

	mu     sync.Mutex
	leader bool
	lost   chan struct{}
	stop   chan struct{}
	once   sync.Once
}

// New returns an Elector for key on behalf of id.
func New(store Store, key, id string, ttl time.Duration) *Elector {
	return &Elector{store: store, key: key, id: id, ttl: ttl, lost: make(chan struct{}), stop: make(chan struct{})}
}

func (e *Elector) setLeader(v bool) {
	e.mu.Lock()
	e.leader = v
	e.mu.Unlock()
}

// IsLeader reports whether this replica holds the lease.
func (e *Elector) IsLeader() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.leader
}

// Resign stops renewing and releases the lease.
func (e *Elector) Resign(ctx context.Context) error {
	e.once.Do(func() { close(e.stop) })
	e.setLeader(false)
	return e.store.Release(ctx, e.key, e.id)
}
