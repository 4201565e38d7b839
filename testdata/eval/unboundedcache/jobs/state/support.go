// Package state holds the shared bookkeeping of the background job
// runner.
package state

import (
	"sync"
	"time"
)

// Mu guards the maps of this package.
var Mu sync.Mutex

// Result is the outcome of one job run.
type Result struct {
	JobID    string
	Finished time.Time
	Err      string
}
