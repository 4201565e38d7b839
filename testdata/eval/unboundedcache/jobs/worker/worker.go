package worker

import (
	"context"
	"fmt"
	"time"

	"leakvet.test/eval/unboundedcache/jobs/state"
)

var (
	// Handlers per job kind, filled in init.
	handlers = map[string]Handler{}

	// Attempts per job ID; the entry is deleted once the job succeeds or
	// gives up.
	attempts = map[string]int{}

	// Every failure of every job, appended and never trimmed.
	failures []error // eval:leak unboundedcache
)

func init() {
	handlers["noop"] = func(context.Context, []byte) error { return nil }
	handlers["email"] = sendEmail
	state.Mu.Lock()
	state.Kinds["noop"] = "noop"
	state.Kinds["email"] = "sendEmail"
	state.Mu.Unlock()
}

func sendEmail(ctx context.Context, payload []byte) error {
	if len(payload) == 0 {
		return fmt.Errorf("email: empty payload")
	}
	return ctx.Err()
}

// Run processes jobs from queue until it is closed or ctx is done.
func Run(ctx context.Context, queue <-chan Job) {
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-queue:
			if !ok {
				return
			}
			runOne(ctx, j)
		}
	}
}

func runOne(ctx context.Context, j Job) {
	h, ok := handlers[j.Kind]
	if !ok {
		record(j, ErrUnknownKind)
		return
	}
	state.Mu.Lock()
	state.Running[j.ID] = time.Now()
	state.Mu.Unlock()
	defer state.Finish(j.ID)

	for {
		err := h(ctx, j.Payload)
		mu.Lock()
		attempts[j.ID]++
		n := attempts[j.ID]
		if err == nil || n >= maxAttempts {
			delete(attempts, j.ID)
		}
		if err != nil {
			failures = append(failures, fmt.Errorf("job %s attempt %d: %w", j.ID, n, err))
		}
		mu.Unlock()
		if err == nil || n >= maxAttempts {
			record(j, err)
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Duration(n) * time.Second):
		}
	}
}

func record(j Job, err error) {
	res := state.Result{JobID: j.ID, Finished: time.Now()}
	if err != nil {
		res.Err = err.Error()
	}
	state.Mu.Lock()
	state.Results[j.ID] = res // eval:leak unboundedcache
	state.Mu.Unlock()
}
