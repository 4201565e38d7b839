// Package dedup drops redelivered queue messages and webhook retries.
package dedup

import (
	"errors"
	"sync"
	"time"
)

// ErrDuplicate is returned for a message that was already handled.
var ErrDuplicate = errors.New("dedup: duplicate delivery")

var mu sync.Mutex

// window is how long a webhook delivery ID is remembered.
const window = 24 * time.Hour

// ringSize is how many recent event IDs the ring remembers.
const ringSize = 1024

// Message is one delivery from the queue.
type Message struct {
	ID        string
	Partition int32
	Offset    int64
	Body      []byte
}
