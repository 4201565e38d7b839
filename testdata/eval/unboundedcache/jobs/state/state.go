package state

import "time"

var (
	// Outcome of every job run, written by the worker package.
	Results = map[string]Result{}

	// Jobs currently running; Finish removes them.
	Running = map[string]time.Time{}

	// Job kinds and their handlers' names, declared from init functions.
	Kinds = map[string]string{}
)

// Finish marks id as no longer running.
func Finish(id string) {
	Mu.Lock()
	delete(Running, id)
	Mu.Unlock()
}
