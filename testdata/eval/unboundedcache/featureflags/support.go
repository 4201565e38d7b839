// Package featureflags evaluates feature flags for users and records
// exposures for experiment analysis.
package featureflags

import (
	"errors"
	"hash/fnv"
	"sync"
	"time"
)

// ErrUnknownFlag is returned for a flag that was never registered.
var ErrUnknownFlag = errors.New("featureflags: unknown flag")

var mu sync.Mutex

// Flag is one feature flag.
type Flag struct {
	Name    string
	Default bool
	Percent int // share of users, 0-100, that get the flag on
}

// Exposure records that a user saw a flag's value.
type Exposure struct {
	Flag   string
	UserID string
	On     bool
	At     time.Time
}

func bucketOf(userID, flag string) int {
	h := fnv.New32a()
	h.Write([]byte(flag))
	h.Write([]byte{0})
	h.Write([]byte(userID))
	return int(h.Sum32() % 100)
}
