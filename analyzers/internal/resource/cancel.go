package resource

import "go/types"

// cancelReleases lists acquirers whose resource database/sql releases by
// itself once the context passed as their first argument is done: a
// goroutine of the package waits on ctx.Done() and closes the rows or
// rolls the transaction back. Calling the context's cancel function is
// then a release.
var cancelReleases = []Owner{
	{Func: "(*database/sql.DB).QueryContext", Why: "Rows.awaitDone closes the rows when ctx is done"},
	{Func: "(*database/sql.Conn).QueryContext", Why: "as DB.QueryContext"},
	{Func: "(*database/sql.Tx).QueryContext", Why: "as DB.QueryContext"},
	{Func: "(*database/sql.Stmt).QueryContext", Why: "as DB.QueryContext"},
	{Func: "(*database/sql.DB).BeginTx", Why: "Tx.awaitDone rolls the transaction back when ctx is done"},
	{Func: "(*database/sql.Conn).BeginTx", Why: "as DB.BeginTx"},
}

// cancelFuncs make a context and the function that cancels it (the
// second result).
var cancelFuncs = []Owner{
	{Func: "context.WithCancel", Why: "cancel ends the context"},
	{Func: "context.WithCancelCause", Why: "cancel ends the context"},
	{Func: "context.WithTimeout", Why: "cancel ends the context before the timeout"},
	{Func: "context.WithTimeoutCause", Why: "cancel ends the context before the timeout"},
	{Func: "context.WithDeadline", Why: "cancel ends the context before the deadline"},
	{Func: "context.WithDeadlineCause", Why: "cancel ends the context before the deadline"},
}

// ReleasedOnCancel reports whether the resource fn acquires is released
// when the context given as its first argument is cancelled.
func ReleasedOnCancel(fn *types.Func) bool { return listed(cancelReleases, fn) }

// MakesCancel reports whether fn returns a context and, as its second
// result, the function that cancels it.
func MakesCancel(fn *types.Func) bool { return listed(cancelFuncs, fn) }

func listed(list []Owner, fn *types.Func) bool {
	if fn == nil {
		return false
	}
	name := fn.Origin().FullName()
	for _, o := range list {
		if o.Func == name {
			return true
		}
	}
	return false
}
