// Package goroutineleak defines an Analyzer that reports goroutines that
// can never finish.
//
// # Analyzer goroutineleak
//
// goroutineleak: report goroutines that can never finish
//
// A goroutine that blocks forever, or loops with no way out, keeps its
// stack and everything it references for the life of the process. One
// per request or per retry is a slow memory leak that ends in an OOM kill,
// and the goroutine count in /debug/pprof/goroutine climbs with traffic.
//
// The check looks at every go statement and reports, at the statement,
// why the goroutine cannot finish and where the partner that should have
// released it goes away. Each finding has a category:
//
// handoff: the goroutine sends a result on an unbuffered channel that the
// caller made, and the caller can return without receiving it (a select
// with a ctx.Done, timeout or error branch, an early return). The send
// blocks forever. A producer whose consumer can stop early is the same
// finding. The suggested fix gives the channel a buffer of one:
//
//	ch := make(chan result)
//	go func() { ch <- compute() }() // goroutine blocks forever sending on ch: the caller can return at line 6 without receiving
//	select {
//	case <-ctx.Done():
//		return ctx.Err()
//	case r := <-ch:
//		return r.err
//	}
//
// fanout: goroutines started in a loop each send on one unbuffered
// channel and the caller can stop receiving before it has heard from all
// of them (the first result wins, the first error returns). Give the
// channel a buffer as large as the number of goroutines, or let them
// watch a context the caller cancels.
//
// rangenoclose: the goroutine ranges over a channel that is never closed,
// so it waits forever once the values run out.
//
// noexit: the goroutine loops forever: the loop has no return or break
// and watches no cancellation (ctx.Done(), a done or quit channel that is
// closed somewhere), or its only exit waits on a channel that nothing
// sends on or closes, or a context that nothing cancels.
//
// nopartner: the goroutine blocks forever on a channel operation that
// nothing else in the program can complete: a send on a channel nothing
// receives from, a receive from a channel nothing sends on or closes, a
// wait on ctx.Done() for a context whose cancel function never runs.
//
// What counts as running is decided for the whole package: the code
// reachable from its exported functions, main and init functions,
// functions used as values and methods of types stored in interfaces,
// and every function that starts a goroutine. A close or cancel that only
// code after a blocked operation would reach never runs.
//
// Not reported: loops that select on ctx.Done() or on a channel that is
// closed somewhere; workers ranging over a channel the producer closes;
// sends on a buffered channel large enough for every send; channels that
// leave the function (returned, stored where other packages can reach,
// passed to code the check cannot see); loops over the channel of a
// time.Ticker that is stopped somewhere; time.AfterFunc.
// Goroutines started directly from func main, from an init function or
// from the function a package-level sync.Once runs live as long as the
// process by design and are not reported. A goroutine that never ends is
// not reported either when the function starting it runs once for the
// process (only main, init or a sync.Once function reach it, not through
// a go statement or an endless loop) or starts it only under a test of a
// package-level variable that the function itself sets: an assignment,
// a call of a method of this package whose body stores to memory reached
// from the variable, of an exported function of another package that
// returns a bool and sets what its pointer parameter addresses (carried
// by an analysis fact), or an atomic or sync.Map write (CompareAndSwap,
// LoadOrStore...) known by its full name. A method's name decides
// nothing: if cfg.Ordered() { go loop() } and if cfg.Lookup() { go loop() }
// are judged alike. A goroutine blocked on a hand-off in such a function
// is still reported: it leaks once, but it leaks.
//
// A function of another package started with go is followed through its
// summary: whether it never returns, and what it does with each channel
// it is given.
//
// Suppress a finding with //nolint:goroutineleak (or
// //nolint:goroutineleak/CATEGORY, or //nolint:leakvet) on the go
// statement's line or alone on the line above it.
package goroutineleak
