// Package worker runs background jobs pulled from a queue.
package worker

import (
	"context"
	"errors"
	"sync"
)

// ErrUnknownKind is returned for a job whose kind has no handler.
var ErrUnknownKind = errors.New("worker: unknown job kind")

var mu sync.Mutex

// Job is one unit of background work.
type Job struct {
	ID      string
	Kind    string
	Payload []byte
}

// Handler runs one kind of job.
type Handler func(ctx context.Context, payload []byte) error

const maxAttempts = 5
