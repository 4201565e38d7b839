package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Enqueue adds a job and wakes the workers of its queue.
func (q *Queue) Enqueue(ctx context.Context, queue string, payload any, runAt time.Time) (int64, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return 0, err
	}
	var id int64
	err = pgx.BeginFunc(ctx, q.pool, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO jobs (queue, payload, run_at) VALUES ($1, $2, $3) RETURNING id`, queue, data, runAt).Scan(&id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `SELECT pg_notify('jobs', $1)`, queue)
		return err
	})
	return id, err
}

// Claim takes the next ready job of queue and marks it running.
func (q *Queue) Claim(ctx context.Context, queue string) (Job, error) {
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return Job{}, err
	}
	defer tx.Rollback(ctx)
	j, err := scanJob(tx.QueryRow(ctx,
		`SELECT `+jobColumns+` FROM jobs WHERE queue = $1 AND state = 'ready' AND run_at <= now()
		  ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED`, queue))
	if errors.Is(err, pgx.ErrNoRows) {
		return Job{}, ErrNoJob
	}
	if err != nil {
		return Job{}, err
	}
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE id = $1`, j.ID); err != nil {
		return Job{}, err
	}
	return j, tx.Commit(ctx)
}

// Complete marks a job done and records its result.
func (q *Queue) Complete(ctx context.Context, id int64, result []byte) error {
	tx, err := q.pool.Begin(ctx) // eval:leak sqlclose
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'done', finished_at = now() WHERE id = $1`, id); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO job_results (job_id, result) VALUES ($1, $2)`, id, result); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Fail records a failure and schedules a retry with backoff, or buries the
// job after maxAttempts.
func (q *Queue) Fail(ctx context.Context, j Job, cause error, maxAttempts int) error {
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `INSERT INTO job_errors (job_id, attempt, message) VALUES ($1, $2, $3)`, j.ID, j.Attempts, cause.Error()); err != nil {
		return err
	}
	if j.Attempts >= maxAttempts {
		if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'dead' WHERE id = $1`, j.ID); err != nil {
			return err
		}
		return tx.Commit(ctx)
	}
	delay := time.Duration(1<<min(j.Attempts, 10)) * time.Second
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'ready', run_at = now() + $2 WHERE id = $1`, j.ID, delay); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Pending returns the ready jobs of a queue.
func (q *Queue) Pending(ctx context.Context, queue string) ([]Job, error) {
	rows, err := q.pool.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE queue = $1 AND state = 'ready' ORDER BY run_at`, queue)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Dead returns the buried jobs, collected by pgx.
func (q *Queue) Dead(ctx context.Context) ([]Job, error) {
	rows, _ := q.pool.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE state = 'dead' ORDER BY id`)
	return pgx.CollectRows(rows, pgx.RowToStructByName[Job])
}

// Oldest returns the ready job that waited longest, skipping the payloads
// that do not decode.
func (q *Queue) Oldest(ctx context.Context, queue string) (*Job, error) {
	rows, err := q.pool.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE queue = $1 AND state = 'ready' ORDER BY run_at`, queue) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if json.Valid(j.Payload) {
			return &j, nil
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return nil, ErrNoJob
}

// Listen acquires a pooled connection, listens for wake-ups, and calls
// wake for each until ctx ends.
func (q *Queue) Listen(ctx context.Context, wake func(queue string)) error {
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `LISTEN jobs`); err != nil {
		return err
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		wake(n.Payload)
	}
}

// Subscribe acquires a connection and takes it out of the pool for a
// long-lived Listener.
func (q *Queue) Subscribe(ctx context.Context) (*Listener, error) {
	pc, err := q.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := pc.Exec(ctx, `LISTEN jobs`); err != nil {
		pc.Release()
		return nil, err
	}
	return &Listener{conn: pc.Hijack()}, nil
}

// Stats reads the queue depths with a session-local setting.
func (q *Queue) Stats(ctx context.Context) (map[string]int, error) {
	conn, err := q.pool.Acquire(ctx) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, `SET application_name = 'jobs-stats'`); err != nil {
		return nil, err
	}
	rows, err := conn.Query(ctx, `SELECT queue, count(*) FROM jobs WHERE state = 'ready' GROUP BY queue`)
	if err != nil {
		conn.Release()
		return nil, err
	}
	out := map[string]int{}
	var queue string
	var n int
	_, err = pgx.ForEachRow(rows, []any{&queue, &n}, func() error {
		out[queue] = n
		return nil
	})
	conn.Release()
	return out, err
}

// Connect opens a dedicated connection for a Listener.
func Connect(ctx context.Context, dsn string) (*Listener, error) {
	conn, err := pgx.Connect(ctx, dsn) // eval:leak sqlclose
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, `LISTEN jobs`); err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return &Listener{conn: conn}, nil
}

// Ping checks a DSN by connecting once.
func Ping(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	return conn.Ping(ctx)
}

// Reschedule moves many jobs in one round trip.
func (q *Queue) Reschedule(ctx context.Context, ids []int64, at time.Time) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(`UPDATE jobs SET run_at = $1 WHERE id = $2`, at, id)
	}
	br := q.pool.SendBatch(ctx, b)
	defer br.Close()
	for range ids {
		if _, err := br.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// Cancel cancels many jobs in one round trip.
func (q *Queue) Cancel(ctx context.Context, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(`UPDATE jobs SET state = 'cancelled' WHERE id = $1 AND state = 'ready'`, id)
	}
	br := q.pool.SendBatch(ctx, b) // eval:leak sqlclose
	for _, id := range ids {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("cancel %d: %w", id, err)
		}
	}
	return br.Close()
}

// Move moves a job to another queue, recording the move under a savepoint
// so that a failing audit insert does not undo the move.
func (q *Queue) Move(ctx context.Context, id int64, to string) error {
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `UPDATE jobs SET queue = $1 WHERE id = $2`, to, id); err != nil {
		return err
	}
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := sp.Exec(ctx, `INSERT INTO job_audit (job_id, action) VALUES ($1, 'move')`, id); err != nil {
		_ = sp.Rollback(ctx)
	} else if err := sp.Commit(ctx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Queues returns the queue names, visiting each row with pgx.ForEachRow.
func (q *Queue) Queues(ctx context.Context) ([]string, error) {
	rows, err := q.pool.Query(ctx, `SELECT DISTINCT queue FROM jobs ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	var names []string
	var name string
	_, err = pgx.ForEachRow(rows, []any{&name}, func() error {
		names = append(names, name)
		return nil
	})
	return names, err
}

// byState returns the rows of the jobs in a state; the caller closes them.
func (q *Queue) byState(ctx context.Context, state string) (pgx.Rows, error) {
	return q.pool.Query(ctx, `SELECT `+jobColumns+` FROM jobs WHERE state = $1 ORDER BY id`, state)
}

// Running returns the running jobs.
func (q *Queue) Running(ctx context.Context) ([]Job, error) {
	rows, err := q.byState(ctx, "running")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// FirstFailed returns the lowest ID of the failed jobs.
func (q *Queue) FirstFailed(ctx context.Context) (int64, error) {
	rows, err := q.byState(ctx, "failed") // eval:leak sqlclose
	if err != nil {
		return 0, err
	}
	if rows.Next() {
		j, err := scanJob(rows)
		return j.ID, err
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return 0, ErrNoJob
}

// Payloads returns the raw payloads of a queue, the pgx way: Close, then
// Err.
func (q *Queue) Payloads(ctx context.Context, queue string) ([]json.RawMessage, error) {
	rows, err := q.pool.Query(ctx, `SELECT payload FROM jobs WHERE queue = $1`, queue)
	if err != nil {
		return nil, err
	}
	var out []json.RawMessage
	for rows.Next() {
		var p json.RawMessage
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Attempts returns the attempt counts of the running jobs.
func (q *Queue) Attempts(ctx context.Context) (map[int64]int, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, attempts FROM jobs WHERE state = 'running'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() { // eval:leak rowserr
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, nil
}

// Import copies jobs in bulk; CopyFrom manages its own connection.
func (q *Queue) Import(ctx context.Context, jobs []Job) (int64, error) {
	return q.pool.CopyFrom(ctx, pgx.Identifier{"jobs"}, []string{"queue", "payload", "run_at"},
		pgx.CopyFromSlice(len(jobs), func(i int) ([]any, error) {
			return []any{jobs[i].Queue, jobs[i].Payload, jobs[i].RunAt}, nil
		}))
}

// Purge deletes finished jobs older than age and reports how many went.
func (q *Queue) Purge(ctx context.Context, age time.Duration) (int64, error) {
	tag, err := q.pool.Exec(ctx, `DELETE FROM jobs WHERE state IN ('done', 'cancelled') AND finished_at < now() - $1::interval`, age)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}
