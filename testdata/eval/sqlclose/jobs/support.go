// Package jobs is a Postgres-backed job queue on pgx v5: enqueueing,
// claiming with SKIP LOCKED, completion, retries and LISTEN/NOTIFY wake-ups.
package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ErrNoJob is returned when no job is ready.
var ErrNoJob = errors.New("jobs: no job ready")

// Job is a row of the jobs table.
type Job struct {
	ID       int64           `db:"id"`
	Queue    string          `db:"queue"`
	Payload  json.RawMessage `db:"payload"`
	Attempts int             `db:"attempts"`
	RunAt    time.Time       `db:"run_at"`
}

// Queue is the job queue.
type Queue struct {
	pool *pgxpool.Pool
}

// New returns a Queue on pool.
func New(pool *pgxpool.Pool) *Queue { return &Queue{pool: pool} }

// Listener holds a dedicated connection that listens for wake-ups.
type Listener struct {
	conn *pgx.Conn
}

// Wait blocks until a job is announced or ctx ends.
func (l *Listener) Wait(ctx context.Context) (string, error) {
	n, err := l.conn.WaitForNotification(ctx)
	if err != nil {
		return "", err
	}
	return n.Payload, nil
}

// Close closes the dedicated connection.
func (l *Listener) Close(ctx context.Context) error { return l.conn.Close(ctx) }

const jobColumns = `id, queue, payload, attempts, run_at`

func scanJob(row pgx.Row) (Job, error) {
	var j Job
	err := row.Scan(&j.ID, &j.Queue, &j.Payload, &j.Attempts, &j.RunAt)
	return j, err
}
