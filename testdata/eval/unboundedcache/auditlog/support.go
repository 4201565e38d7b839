// Package auditlog records who did what in the admin console and ships
// the records to the audit store.
package auditlog

import (
	"context"
	"sync"
	"time"
)

var mu sync.Mutex

// Entry is one audited action.
type Entry struct {
	At     time.Time
	Actor  string
	Action string
	Target string
}

// Sink receives batches of entries.
type Sink interface {
	Write(ctx context.Context, batch []Entry) error
}
