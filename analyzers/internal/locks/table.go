package locks

import (
	"go/types"
	"strings"

	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"github.com/leakvet/leakvet/analyzers/internal/ssanav"
	"golang.org/x/tools/go/ssa"
)

// opKind is what a call of a sync method does to its receiver.
type opKind uint8

const (
	opAcquire    opKind = iota + 1 // blocks until the lock is held
	opTryAcquire                   // holds the lock when it returns true
	opRelease                      // releases the lock
	opAdd                          // adds to a WaitGroup's counter
	opDone                         // decrements a WaitGroup's counter
	opWait                         // blocks until a WaitGroup's counter is zero
)

// syncOp is one entry of the knowledge table.
type syncOp struct {
	kind   opKind
	read   bool // a read lock of an RWMutex
	reason string
}

// syncOps is the knowledge table, keyed by full method name. Methods not
// listed (WaitGroup.Go, RWMutex.RLocker, Cond's methods) have no effect
// the walk follows.
var syncOps = map[string]syncOp{
	"(*sync.Mutex).Lock":       {opAcquire, false, "blocks until the mutex is free, then holds it"},
	"(*sync.Mutex).TryLock":    {opTryAcquire, false, "holds the mutex when it returns true; never blocks"},
	"(*sync.Mutex).Unlock":     {opRelease, false, "releases the mutex; one blocked Lock may proceed"},
	"(*sync.RWMutex).Lock":     {opAcquire, false, "blocks until no reader or writer holds it, then holds it for writing"},
	"(*sync.RWMutex).TryLock":  {opTryAcquire, false, "holds it for writing when it returns true"},
	"(*sync.RWMutex).Unlock":   {opRelease, false, "releases the write lock"},
	"(*sync.RWMutex).RLock":    {opAcquire, true, "blocks while a writer holds it (or waits for it), then holds it for reading"},
	"(*sync.RWMutex).TryRLock": {opTryAcquire, true, "holds it for reading when it returns true"},
	"(*sync.RWMutex).RUnlock":  {opRelease, true, "releases one read lock"},
	"(*sync.WaitGroup).Add":    {opAdd, false, "counts goroutines that Wait waits for"},
	"(*sync.WaitGroup).Done":   {opDone, false, "one counted goroutine finished"},
	"(*sync.WaitGroup).Wait":   {opWait, false, "blocks until the counter is zero: forever if a counted goroutine skips Done"},
}

// syncNames holds the method names of syncOps, so that a call of any
// other function is told apart without spelling its full name.
var syncNames = func() map[string]bool {
	m := map[string]bool{}
	for full := range syncOps {
		m[full[strings.LastIndex(full, ".")+1:]] = true
	}
	return m
}()

// syncOpOf returns the table entry of fn, if it has one.
func syncOpOf(fn *types.Func) (syncOp, bool) {
	if fn == nil || !syncNames[fn.Name()] {
		return syncOp{}, false
	}
	op, ok := syncOps[fn.FullName()]
	return op, ok
}

// cancelCtors are the functions whose second result cancels the context
// they return as their first: after the call, that context's Done()
// channel is closed.
var cancelCtors = map[string]string{
	"context.WithCancel":        "the CancelFunc closes the returned context's Done channel",
	"context.WithCancelCause":   "the CancelCauseFunc closes the returned context's Done channel",
	"context.WithTimeout":       "the CancelFunc closes the returned context's Done channel",
	"context.WithTimeoutCause":  "the CancelFunc closes the returned context's Done channel",
	"context.WithDeadline":      "the CancelFunc closes the returned context's Done channel",
	"context.WithDeadlineCause": "the CancelFunc closes the returned context's Done channel",
	"os/signal.NotifyContext":   "the stop function closes the returned context's Done channel",
}

// ctxDone is the method whose result is closed when the context it is
// called on is cancelled.
const ctxDone = "(context.Context).Done"

// stopsTest reports whether in is a call that fails the running test and
// stops its goroutine (resource.StopsTest). These never return, so the
// walk's failsTest, which knows the failures that return, does not see
// them: a path that goes on to one is not a path of a passing test.
func stopsTest(in ssa.Instruction) bool {
	call, ok := in.(*ssa.Call)
	return ok && resource.StopsTest(ssanav.CalleeFunc(call.Common()))
}
