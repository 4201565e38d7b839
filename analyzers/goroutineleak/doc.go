// Package goroutineleak defines an Analyzer that reports goroutines that
// can never finish.
//
// # Analyzer goroutineleak
//
// goroutineleak: report goroutines that can never finish
//
//   - Finds: goroutines that can never finish: a result sent on a channel the
//     caller may stop receiving from, goroutines started in a loop that
//     outnumber the receives, workers ranging over a channel nobody closes,
//     loops with no exit and no cancellation, and operations on a channel
//     nothing else can complete; and goroutines left blocked on a lock or a
//     WaitGroup: a mutex still locked on a return path, a mutex locked twice
//     on one path (or again on the next iteration of a loop, or read-locked
//     twice while a writer may wait in between), a goroutine that can return
//     without `wg.Done()`, a `sync.Cond` waited on that nothing wakes.
//   - Categories: `handoff`, `fanout`, `rangenoclose`, `noexit`, `nopartner`,
//     `lock`, `doublelock`, `waitgroup`, `cond`.
//   - Default: on.
//
// # Why it matters
//
// A blocked goroutine is never collected: its stack, and everything its
// stack references (the request, the response buffer, the connection), stay
// alive for the life of the process. One per request or per retry is a
// memory leak that grows with traffic until the service is OOM-killed;
// `/debug/pprof/goroutine` shows thousands of goroutines parked on the same
// `chan send`. Most such leaks in real services are one of the shapes below,
// and the GoBench suite of real blocking bugs (from CockroachDB, etcd, gRPC,
// Kubernetes, Moby and others) is full of them: see
// [the benchmark].
//
// Every finding is reported at the `go` statement, names the operation the
// goroutine blocks on (or the loop it cannot leave) and why nothing releases
// it, and carries a related position: the return where the caller goes
// away, the blocked operation, or the loop.
//
// # Categories
//
// | category | the goroutine | released by |
// |---|---|---|
// | `handoff` | sends its result on an unbuffered channel the caller made; the caller can return without receiving (a `select` with a `ctx.Done()`, timeout or error case, an early return), or, for a producer, stop receiving early | a buffer of one (the suggested fix), or a `select` on the same cancellation in the goroutine |
// | `fanout` | is one of several started in a loop that send on one channel; the caller can return before receiving from all of them (first result wins, first error returns) | a buffer as large as the number of goroutines, or a context the goroutines watch and the caller cancels |
// | `rangenoclose` | ranges over a channel that is never closed, or waits for the close of a channel nothing sends on that one return of its parent skips | `close(ch)` after the last send, or on every path |
// | `noexit` | loops forever: no `return` or `break` and no cancellation, or its only exit waits on a channel nothing sends on or closes (or a context nothing cancels); a loop that waits only on a `time.Ticker`'s or `time.Timer`'s channel is one, stopped or not, since `Stop` does not close the channel | a `case <-ctx.Done(): return` or a done channel that something closes |
// | `nopartner` | blocks on a send nothing receives, a receive nothing sends on or closes, or `ctx.Done()` of a context whose cancel never runs | the missing partner |
// | `lock` | any later one that locks a mutex this function leaves locked on one return path while it unlocks it on another (reported at the Lock, with the return) | an Unlock on that path; `defer mu.Unlock()` right after the Lock (the suggested fix, offered when it is the function's only Lock of the mutex, outside loops, and every Unlock it deletes directly precedes a return that calls nothing, or ends the function) |
// | `doublelock` | this one: it locks a mutex it already holds on the same path (Lock after Lock, Lock after RLock, or a call that locks it), reported at the second acquisition; or a loop comes back to a Lock of the same mutex on a path that skips its Unlock (`continue` after the Lock), reported at the Lock; or it read-locks an RWMutex it already read-locks (directly or through a call) while the package write-locks the same field or variable elsewhere: a `Lock` waiting between the two blocks the second `RLock`, and itself, forever (sync.RWMutex forbids recursive read locking) | unlock first, or call a variant that expects the lock held |
// | `cond` | the one in `c.Wait()`: nothing in the package calls `Signal` or `Broadcast` on the `sync.Cond` variable (a struct field, a package-level or local variable) it waits on, reported at the Wait | the missing `Broadcast` where the awaited state changes |
// | `waitgroup` | the one in `wg.Wait()`: a goroutine it waits for can return without `wg.Done()` (reported at the `go` statement, with the return), or the Wait runs inside the loop that starts the goroutines after counts for all of them were added before it (reported at the Wait) | `defer wg.Done()` first thing in the goroutine, or `wg.Go`; the Wait after the loop |
//
// # Bad and Good
//
// Single-result hand-off abandoned on timeout (`handoff`, with a fix):
//
//	func (f *Fulfiller) Approve(ctx context.Context, id int64) (bool, error) {
//		ch := make(chan verdict)
//		go func() { // goroutineleak: goroutine blocks forever sending on ch: the caller can return at line 11 without receiving
//			ok, err := f.screen(id)
//			ch <- verdict{ok, err}
//		}()
//		select {
//		case v := <-ch:
//			return v.ok, v.err
//		case <-ctx.Done():
//			return false, ctx.Err()
//		}
//	}
//
// Fixed:
//
//	ch := make(chan verdict, 1) // the goroutine can always deliver and exit
//
// First error wins (`fanout`):
//
//	errc := make(chan error)
//	for _, id := range ids {
//		go func() { errc <- fetch(id) }() // goroutineleak: goroutines started here block forever sending on errc: the caller can return at line 7 before receiving from all of them
//	}
//	for range ids {
//		if err := <-errc; err != nil {
//			return err
//		}
//	}
//
// Fixed:
//
//	errc := make(chan error, len(ids))
//
// Workers that outlive their queue (`rangenoclose`):
//
//	for i := 0; i < n; i++ {
//		go func() { // goroutineleak: goroutine never finishes: the loop at line 3 ranges over jobs, which is never closed
//			for j := range jobs {
//				handle(j)
//			}
//		}()
//	}
//	for _, j := range all {
//		jobs <- j
//	}
//
// Fixed:
//
//	for _, j := range all {
//		jobs <- j
//	}
//	close(jobs)
//
// A background loop that closing its owner does not stop (`noexit`):
//
//	func NewCache() *Cache {
//		c := &Cache{m: map[string]entry{}, done: make(chan struct{})}
//		go c.janitor() // goroutineleak: goroutine never finishes: the loop at line 10 has no exit and watches no cancellation
//		return c
//	}
//
//	func (c *Cache) Close() { close(c.done) } // the janitor never looks at done
//
//	func (c *Cache) janitor() {
//		for {
//			time.Sleep(time.Minute)
//			c.evict()
//		}
//	}
//
// Fixed:
//
//	func (c *Cache) janitor() {
//		t := time.NewTicker(time.Minute)
//		defer t.Stop()
//		for {
//			select {
//			case <-c.done: // closed by (*Cache).Close
//				return
//			case <-t.C:
//				c.evict()
//			}
//		}
//	}
//
// A result channel nobody reads (`nopartner`, from kubernetes#25331):
//
//	func (wc *watchChan) run() {
//		select {
//		case err := <-wc.errChan:
//			wc.resultChan <- errResult(err) // nothing in the package receives from resultChan
//		case <-wc.ctx.Done():
//		}
//	}
//
// A lock left held on an early return (`lock`): every later `Lock` of
// `g.mu`, in any goroutine, blocks forever:
//
//	func (g *gossip) bootstrap() error {
//		g.mu.Lock() // goroutineleak: g.mu is still locked when returning at line 4: every later Lock of it blocks forever
//		if g.closed {
//			return errClosed
//		}
//		g.mu.Unlock()
//		return nil
//	}
//
// Fixed (the suggested fix):
//
//	g.mu.Lock()
//	defer g.mu.Unlock()
//	if g.closed {
//		return errClosed
//	}
//	return nil
//
// A method that locks what its caller holds (`doublelock`):
//
//	func (s *Service) Close() {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		s.flush() // goroutineleak: s.mu is already locked at line 2 on this path, and s.flush locks it again: the goroutine blocks forever
//	}
//
// A worker that returns before `Done` (`waitgroup`):
//
//	for _, job := range jobs {
//		wg.Add(1)
//		go func() { // goroutineleak: goroutine can return at line 5 without calling wg.Done(): wg.Wait() at line 10 then never returns
//			if err := job.Run(); err != nil {
//				return
//			}
//			wg.Done()
//		}()
//	}
//	wg.Wait()
//
// Fixed: `defer wg.Done()` as the goroutine's first statement, or
// `wg.Go(func() { ... })`.
//
// A read lock taken again through a callee while `Set` write-locks the
// same field (`doublelock`):
//
//	func (c *Config) GetOrDefault(k, def string) string {
//		c.rw.RLock()
//		defer c.rw.RUnlock()
//		if v, ok := c.Lookup(k); ok { // goroutineleak: c.rw is already read-locked at line 2 on this path: c.Lookup read-locks it again, and a Lock of it waiting in between (line 13) blocks both forever
//			return v
//		}
//		return def
//	}
//
// Fixed: a `lookupLocked` that expects the read lock held.
//
// A Cond nothing signals (`cond`):
//
//	p.cond.L.Lock()
//	for !p.activated {
//		p.cond.Wait() // goroutineleak: p.cond.Wait() blocks forever: nothing in the package calls Signal or Broadcast on cond
//	}
//
// Fixed: `p.cond.Broadcast()` where `activated` is set.
//
// # How it decides
//
// The check builds the package's SSA (only for packages that contain a `go`
// statement, or export a function taking a channel) and follows every value
// that can hold a channel, a context or a cancel function through
// assignments, parameters, results, captured variables, struct fields and
// package variables. A channel that reaches code the check cannot see
// (returned from an exported function with send rights, stored in an
// exported field, in a slice or map, in an interface, passed to another
// package's function without a summary) is assumed to have a partner there,
// and nothing is reported about it.
//
// What can run is decided for the whole package, as a fixpoint: start from
// the package's entry points (exported functions, `main` and `init`,
// functions used as values, methods of types stored in interfaces (a
// generic type's too, stored by a function that instantiates it with its
// own type parameters), and any
// function that starts a goroutine); assume every operation that could be
// stuck is stuck and that no channel is closed; release the operations whose
// partner is reachable under that assumption; repeat. What stays stuck can
// never complete in any run. This is how a cancel or close that only runs
// after the wait it would end (a goroutine that cancels its own context
// after `<-ctx.Done()`) is seen to never run.
//
// A request that carries its own reply channel is a `handoff` too: a
// function makes an unbuffered channel, stores it in one field of a
// request it allocates, sends the request once (`w.appendCh <- req`), and
// receives the answer; whoever serves the requests answers with a plain
// send on that field (`req.responseCh <- err`). When the requester can
// return after the request went out without receiving the answer (it gave
// up on shutdown or its context), the server's send has no partner. The
// finding is at the `make`, with the server's send; only a channel used
// for nothing else qualifies, and only when every operation of the package
// on that field of the request type is a plain send (a `select` with a way
// out, a receive or a close there leaves it alone).
//
// For `handoff` and `fanout` the channel must be made in the function with
// the `go` statement, received from only there, and sent on only by the
// goroutines it starts; the check walks that function's paths from the `go`
// statement to each return and counts receives against the goroutines'
// sends and the buffer. A send that can run on every iteration of a
// counted loop (`for i := 0; i < N; i++`, `for range N`, a range over an
// array, a slice literal or a fixed table: an unexported package-level
// slice literal nothing assigns, appends to or takes the address of)
// counts N times, at most, even when a `break` or an error return may
// leave the loop earlier; of any other loop without bound: one that runs on every iteration, or one under tests of
// what the iteration itself computes (`if rec, err := parse(line); err ==
// nil`); a send under a test of anything carried from one iteration to the
// next (a `sent` flag, the loop counter, a variable in memory) counts once.
// A buffered channel that holds every send the goroutines make on it (an
// `errc := make(chan error, 1)` beside the results) never blocks them and
// is left out of the count. Goroutines started in a loop,
// or by several `go` statements that run together, are only counted when
// each of them sends on every path, or on every path but those on which
// a nil test of an error its own call returned decides not to (`r, err
// := q.ask(ctx, src); if err != nil { return }; ch <- r`): each then
// sends whatever the others do. A test of a parameter, a counter or a
// flag (only the last one reports) keeps them out of the count. Leaving a receive loop through its own
// test or on a test of a counter carried round it, or seeing the channel
// closed, counts as draining it, and so does a select loop that returns
// on `n == N` where `n` starts at 0 and grows by one exactly in cases
// receiving from channels whose senders send at most N values in all
// (`done++` in each case, `if done == 3 { return }`). A loop tested at its
// end (`for range N`) is counted too, and entered afresh it runs its first
// iteration. Tests that decided the way to the `go`
// statement decide the same way again on the paths after it (the `if n > 0`
// that guards both the loop starting goroutines and the loop receiving from
// them; an `if withResults` on a bool parameter, or on a field of a struct
// parameter passed by value and never written, that guards both the `go`
// statement and the receive). A derived context's `Done` closes when its parent's does, not the
// other way round; a branch on a variable that only ever holds nil (a named
// result that is never set) is never taken.
//
// Another package's function started with `go` is followed through its
// summary (an analysis fact): whether it never returns, and, per channel
// parameter, how many blocking sends it makes (and whether every run sends),
// whether it receives, closes, ends only once the channel is closed, or
// passes the channel on. An exported function started by its own package
// with the package's channels is followed the same way, and so is a
// function of the package that sends on a channel parameter through which
// several of the package's channels flow (a `report(c, result)` helper two
// goroutines call with their own result channels), so that each caller's
// channel stays a hand-off of its own. A call of another package's
// function whose summary says it never returns holds the goroutine that
// makes it (a goroutine that retries a transfer, then runs the zone's
// ticker loop); a loop that exits into such a call is not the trap.
//
// The receives of a hand-off may also sit in the one function the parent
// passes the channel to (`go produce(ch); return combine(ch)`), called
// once and from nowhere else: its returns are the parent's ways out.
// The other way round, the goroutines may be started by a function of
// the package that the parent calls once with its channel, outside any
// loop, and that nothing else calls (`startAll(ids, errc)` followed by
// the loop that returns on the first error): the parent's paths are
// walked from that call, and the starting function's loops count the
// goroutines. The starting function may also make the channels itself
// and return them (`events, errs := c.startReadLoop(r)` followed by a
// select loop that also returns on `ctx.Done()`): each call makes new
// channels, so each function that calls it once, outside any loop, is a
// parent of its own, judged on its paths from that call, and the finding
// is reported at the first call whose function can stop receiving first.
// A function of the package that only makes a channel and returns it,
// called once by the parent outside any loop, makes it for the parent
// as a `make` there would; a goroutine run through a function value
// (`done, shutdown := stop(exp); go shutdown()`) is judged as one naming
// the function, when every value that can reach it is that one function
// or literals of it, none coming from code the model does not see.
// A goroutine function that other `go` statements also run is seen
// through its summary there, which cannot tell its last send: such
// helpers are not judged. A receive of a send after which the goroutine
// sends nothing more on the group (`errs <- err; return` after a loop of
// sends on `events`) means it is past its last send. A
// goroutine that can only end once its channel is closed (it ranges over
// it, or waits on it with a receive or a select case when nothing sends
// on it: a `done` or `stop` channel) is reported (`rangenoclose`) when the
// channel, made by the parent and seen nowhere else, is closed by the
// parent on some paths but not on one that returns (an error return
// between the `go` statement and the `close`). A channel closed before
// the `go` statement on every path, after its one make (a queue filled
// and closed, then the workers started), is drained and ends them.
//
// Locks and WaitGroups are followed on the same SSA by their own path
// walk. A lock is named by the expression of its mutex (a field `s.mu`
// through parameters and captured variables, a package-level variable, a
// local one), so `s.mu.Lock()` and a later `s.mu.Unlock()` pair up. From
// each `Lock`, `RLock` (and `TryLock` on its true edge) the walk follows
// the paths that hold the lock: an `Unlock` of the same kind, or a closure
// or goroutine that unlocks it, ends the duty; a deferred one covers every
// return after it (the lock is still held until then, so a second
// acquisition after it is still a `doublelock`). A branch on a condition
// already decided on the path (`if locking { mu.Lock() } ... if locking {
// mu.Unlock() }`) follows the same edge, and a comparison of a value the
// path has found equal to one constant with another constant is false
// (`if code == "a" { mu.Lock() ... } if code == "b" { relock() }`), and a
// `TryLock` of the mutex the path holds in a mode it conflicts with
// returns false (the mutex is not reentrant). Functions that return holding a
// lock their caller can name on every path (lock helpers), that unlock
// one they did not take (unlock helpers), or that take and release it on
// every path are summaries (analysis facts), and their callers are
// checked with them; a read lock taken and released only after the
// caller's write lock is released on every path (`mu.Unlock();
// mu.RLock(); mu.RUnlock(); mu.Lock()`) is none of the caller's. A
// function's summary also says what its results hold: a field of a new
// object it returns, stored once with a parameter (or with a handle
// another call returned), is that parameter (`begin(c)` returning
// `&writer{conn: c}`: "r0.conn.* = p0"). A mutex reached through a
// call's result is renamed through it onto the caller's argument, so
// `w := c.begin(); ...; w.end()` with `begin` locking `c.mu` and `end`
// unlocking `w.conn.mu` pairs up, also through a handle kept in another
// returned object (`u := c.Upload(); u.Close()`, `Close` ending the
// writer `Upload` kept) or in a variable a closure captures. A path that comes back round a loop to the
// acquisition it started from, still holding the lock, is a `doublelock`
// when the mutex's address is the same on every iteration (computed from
// a parameter, a captured or package-level variable, or a value made
// before the loop; not from the loop's own variables). A second read
// lock is one only when some function of the package calls `Lock` on the
// same struct field or package-level variable. For `waitgroup`, the
// function that starts the goroutine must both `Add` to the group and
// `Wait` on it, and the goroutine must call `Done` on some path. For
// `cond`, syntax and types decide, with no SSA: the Cond variable must be
// unexported and not embedded, and every use of it in the package must be
// the receiver of its methods or of `.L`, or an assignment of a new Cond
// (`sync.NewCond`, a literal); any other use (an argument, a result, an
// assignment from another variable, a parameter, a range variable) may
// give it a name that wakes it, and it is not reported.
//
// # Rules that keep it quiet
//
//   - Goroutines started directly from `func main`, from an `init` function or
//     from the function a package-level `sync.Once` runs live as long as the
//     process by design: never reported. A goroutine that never ends
//     (`noexit`, `rangenoclose`, `nopartner`) is not reported either when the
//     function starting it runs once for the process (only `main`, `init`,
//     a `sync.Once` function, a command-line command's action (fisk's or
//     kingpin's `Action`, cobra's `Run`/`RunE`, urfave/cli's `Action`, by
//     full name: the framework runs the one command the arguments select)
//     or a function that waits for the process's
//     signals, blocking on a channel it gave `signal.Notify`, reach it, not
//     through a `go` statement, an endless loop or a loop of the function
//     waiting for signals), or starts it only under a test of a package-level
//     variable that the function itself sets: an assignment, a call of a
//     method of this package whose body stores to memory reached from the
//     variable, of an exported function of another package that returns a
//     bool and sets what its pointer parameter addresses (carried by an
//     analysis fact), or an atomic or `sync.Map` write (`CompareAndSwap`,
//     `LoadOrStore`) known by its full name: the lazily started singleton.
//     A method's name decides nothing: `if cfg.Ordered() { go loop() }` and
//     `if cfg.Lookup() { go loop() }` are judged alike. A goroutine blocked
//     on a hand-off in such a function is still reported: it leaks once, but
//     it leaks.
//   - A return of the program's `func main` strands no sender: the program
//     ends with it (after its deferred calls), and every goroutine with it.
//     A hand-off that main leaves by going round a loop is still judged.
//   - A goroutine that never ends (`noexit`, `rangenoclose`) is the design
//     of what starts it, not a leak, when it lives exactly as long as
//     something that itself lives on: its starter never returns once it has
//     started it (and does not start it in a loop): every path from the `go`
//     statement loops or blocks for ever or ends the process (`os.Exit`,
//     `log.Fatal`, a function of the package that ends with one, such as
//     an interactive screen's clean exit), counting `http.Server.Serve`
//     and the other servers' `Serve` and `ListenAndServe`, which always
//     return a non-nil error, as failing; or it serves the value
//     its starter returns (the receiver or an argument of the `go` call, or
//     a variable the goroutine captures, or one both the goroutine and the
//     returned closure capture) and that value has no way to be stopped: no
//     `Close`, `Stop` or `Shutdown` method (with no result or an `error`),
//     and no channel or function field in it or in the structs it embeds,
//     of its package or another (a middleware's clock updater, a storage's
//     expiry loop, a handler's notification consumer). A channel field the
//     loop receives from and that is not one of its dead exits (a stop
//     channel nothing sends on or closes) is what the goroutine consumes,
//     and one that the goroutine, in its own code and the callees it runs,
//     only sends on (an event queue's flush channel) is what it produces:
//     neither is a way to stop it; an embedded interface adds only its
//     methods.
//     The starter may
//     also be a function literal that the returned value runs only through
//     a `sync.Once` it captures (a worker pool started on first use). A
//     loop that receives from a channel registered with
//     `os/signal.Notify` is the process's signal handler.
//   - A channel that no non-test code of the package makes is supplied by
//     its tests (a test hook, `if db.syncChan != nil { db.syncChan <- msg
//     }`; a request type only tests build), and they are its partner: an
//     operation on it in non-test code is never taken as stuck.
//   - The runtime's own packages are not checked: the goroutines they start
//     (garbage collection, finalizers, signals) run for the life of the
//     process.
//   - A return of the parent that leaves a channel unclosed (`rangenoclose`)
//     is no exit when it is a failing return of a function whose error ends
//     the process (the engine's rule for closecheck: a command's runner, a
//     function only main calls before exiting on its error, a helper that
//     hands its error on to one), or when the path first sends a fatal
//     logger event (zerolog's `log.Fatal().Msg`): the waiting goroutine goes
//     with the process. A partner path that sends a fatal logger event
//     leaves no goroutine blocked on a hand-off (`handoff`) either: the
//     process ends there.
//   - `select {}` parks on purpose: not reported.
//   - A partner that leaves without receiving only after the test has
//     failed (`t.Errorf("timed out")` in a select's timeout case) leaves
//     nothing a passing test holds: not reported. The failure may be a call
//     through an interface that `*testing.T` implements, when the method
//     it runs on `*testing.T` fails the test (a helper's own `TestingT`
//     with `Errorf`), or a nil test of a value that, not nil, failed the
//     test before the `go` statement (`if err != nil { t.Error(err) }`,
//     then `if err == nil { t.Error(...) }` after a timeout left `err` as
//     it was). The lock walk does not take the interface call: a mock's
//     goroutine goes on after it.
//   - The other way round, a test that fails on every path after each of
//     its receives from the goroutine (`case ev := <-events: t.Errorf(
//     "unexpected event")`) and passes by leaving another way (a
//     timeout, its context, a stop channel) asserts that the goroutine
//     does not send; when the goroutine has a way to end without sending
//     (the send under a test, a loop that returns on its stop channel), a
//     passing run is one that took it: not reported. A goroutine that
//     sends on every run sends after the timeout too, and is.
//   - A partner that has received from a channel the goroutine alone
//     closes or sends on, with no send of its own after that (`close(done);
//     return`), has nothing left to receive: the goroutine is past its
//     last send. A function several callers start with their own
//     channels is called through its summary; its body then answers for
//     its parameters (the done parameter only closed, no send after it).
//   - `time.AfterFunc` and `errgroup.Group.Go` are not `go` statements: not
//     checked.
//   - A lock left held on a return is only reported when a path from the
//     same `Lock` unlocks it (the function owns the pairing); one that is
//     never unlocked in the function is a lock helper or someone else's
//     business. Paths that panic or call a function that never returns
//     end without a finding, and so do returns in `func main`.
//   - A lock whose mutex address is returned, stored, sent or boxed, or
//     passed to an interface method or a function value, is handed over;
//     so is one whose owner (the value the mutex is a field of) every
//     return that keeps the lock returns and no other return does
//     (`s.Lock(); if !s.gced { return s, nil }; s.Unlock(); return nil,
//     err`): the caller gets the owner locked. A builder that returns
//     itself on both paths says nothing, and is still reported.
//     A mutex in memory reached through `unsafe.Pointer` (a semaphore that
//     foreign code unlocks) is not followed, and a flag set in the mutex's
//     owner on the path that keeps the lock (`rows.scanHold = true`)
//     records that a later method releases it.
//   - A release through the result of a call that was given the lock's
//     owner (the receiver or an argument the mutex is reached from), when
//     the callee's summary does not say what that field of the result
//     holds (a field set on two branches, a function of a package with no
//     lock facts, an interface method), may release the same mutex: the
//     walk ends there without a finding. It is still followed when the
//     released mutex lies inside a new object the callee returns, or is a
//     field of another name; a result whose field the summary does name
//     (the owner's peer, `&writer{conn: c.peer}`) names its own mutex,
//     and a second `begin` before `end` is still a `doublelock`.
//   - A function that returns holding the lock only on returns its results
//     tell apart (`true` against `false`, a nil error against non-nil ones,
//     a value against nil) is a conditional lock helper when it is exported
//     or a caller in the package unlocks after calling it. So is one whose
//     single return serves both cases when a boolean result was decided
//     one way on every path that keeps the lock and the other way on every
//     path that released it (`c, ok := begin(); if !ok { mu.Unlock() };
//     return c, ok`).
//   - A deferred unlock registered before the `Lock` (or on another
//     branch) covers it; two read locks of an RWMutex never conflict
//     unless another goroutine can write-lock the mutex in between (a
//     local RWMutex whose address reaches only its own methods has no
//     such writer, and neither has a field whose every writer ends the
//     owner's use: a function that write-locks it and stores a field of
//     the owner that the reader tests under its read lock, like a
//     `Release` setting `r.err = ErrReleased`, which every read checks
//     first; a read still running when it comes is a use after release).
//   - A test's closure (a data-driven handler) that returns holding a
//     lock reached through a variable it captures is not reported when the
//     test takes the same lock again itself after every call it passes the
//     closure to (on every path, or in a function it deferred before the
//     call, such as `defer func() { if d != nil { d.Close() } }()` with a
//     `Close` that locks `d.mu`), no such call keeps the closure for after
//     the test (`t.Cleanup`), and every branch deciding the way to that
//     return tests the closure's parameters and constants alone (a
//     malformed input line): a run that took it would hang its own test,
//     and the same input takes it on every run, so no passing run does. A
//     return decided by shared state (a poll that finds the work not done
//     yet) is still reported.
//   - A path that fails the test (`t.Errorf`, `t.Fatal`) ends without a
//     finding, and a second acquisition on a path that goes on, with no
//     branch, to fail the test (`t.Fatalf("len %d", s.Len())` under the
//     lock `Len` takes) is no `doublelock`; an `if` on a constant takes one edge; a condition decided
//     on a path stays decided through the loop variable it flows into
//     (`for done := false; !done; { mu.Lock(); ...; if !done {
//     mu.Unlock() } }` leaves the loop holding the lock on purpose); a
//     walk that comes back to a mutex variable's declaration has a new
//     mutex, and so does one past a store of a new value into the
//     variable the mutex is reached through (`e = newEntry()`).
//   - A second acquisition in a closure of a mutex it captures is not a
//     `doublelock` when the function that made the closure unlocks that
//     mutex and never locks it: the lock passes between the goroutines.
//     The other way round, a goroutine whose function releases a lock
//     before it takes it (`go func() { for { ...; h.Unlock(); h.Lock();
//     ... } }()`) is handed the lock its starter holds: the `go`
//     statement releases it for the starter, whose next `Lock` waits for
//     that `Unlock`.
//   - `wg.Go` cannot skip `Done`; a goroutine that passes the WaitGroup to
//     any call, defers anything with it or captures it in a closure is taken
//     to call `Done` there. A range over a channel that is never closed (a
//     ticker's) does not end, so its end skips no `Done`; goroutines a loop
//     starts after a single `Add(1)` share that one count.
//   - A loop whose own condition runs out and leaves for a return without
//     `Done` is not reported when every iteration blocks in a `select` with
//     a case on a channel the starting function closes, or on `ctx.Done()`
//     of a context it cancels, on every path from the `go` statement to the
//     `Wait` (paths that fail the test aside), and that case calls `Done`:
//     whether the bound or the cancel comes first is timing. A `return` from
//     inside such a loop, or a cancel on one path only, is still reported.
//
// # Known gaps
//
//   - Deadlocks that need two goroutines (lock-order inversions, a lock
//     held while waiting on a channel or a WaitGroup), `sync.Cond`, and
//     WaitGroups whose `Add` outnumbers the goroutines other than by a Wait
//     inside the starting loop are not modelled;
//     mutexes reached through a computed index, a map or an interface are
//     not followed. A handle returned as a struct value rather than a
//     pointer has no aliases: a lock released through it is another
//     mutex's name, as before.
//   - The model is context-insensitive: a channel parameter of a function
//     other packages may call (an exported function of a library package) is
//     taken to come from anywhere. When the package starts such a function
//     with a channel of its own (`go Worker(jobs)`), the call is judged
//     through the function's summary, as another package's function is; a
//     channel parameter it stores or passes on is not followed.
//   - Two sends in sequence, one of them under a condition (a missing
//     `return` after sending an error), count as one send; a loop is the only
//     way several sends are counted, and a send under a test of a value
//     carried round the loop counts once, so a "send only the first time"
//     flag is never mistaken for many sends.
//   - A goroutine that must wait for another one to start first (a buffered
//     channel filled before its reader runs) is beyond the model: it has no
//     notion of order between goroutines.
//   - Sends and receives in helpers called by the parent (rather than in the
//     parent itself) disqualify a channel from `handoff` and `fanout`.
//   - Channels kept in slices or maps, and calls through interfaces or
//     function values, are treated as reaching unseen code (but for a
//     goroutine started through a value that can only be one function
//     of the package).
//   - Buffered channels are only judged when the capacity is a constant, the
//     length of a slice literal or of a fixed table (or a parameter that
//     every call site passes as one of those).
//   - A goroutine that sends and receives on the same channel (a
//     request-reply exchange) is not judged by `handoff`.
//
// # Suppressing
//
// `//nolint:goroutineleak` on the `go` statement's line, or alone on the
// line above it; `//nolint:goroutineleak/handoff` for one category;
// `//nolint:leakvet` for every check.
//
// [the benchmark]: https://github.com/leakvet/leakvet/blob/main/docs/benchmarks.md#goroutineleak-on-gobench-kernels
package goroutineleak
