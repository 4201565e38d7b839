// Package closecheck defines an Analyzer that reports files, connections,
// listeners, compression writers, started processes and user-defined
// resources that are not released on every path.
//
// # Analyzer closecheck
//
// closecheck: report files, connections, processes and other closers not released on some path
//
//   - Finds: files, network connections and listeners, compression writers,
//     started processes, tickers (Go < 1.23 only), wrappers that own one of
//     these, and user-defined resources that are not released on some path.
//   - Categories: `leak`, `deferinloop`, `strict` (opt-in).
//   - Default: on.
//
// # Why it matters
//
// Each `*os.File`, `net.Conn` or `net.Listener` holds a file descriptor until
// `Close`. Leaked on an error path, one per request, they exhaust the
// process's descriptor limit ("too many open files") long before memory runs
// out; a leaked listener also keeps its port. A `gzip`, `zlib` or `flate`
// writer that is never closed loses its buffered data and trailer. A process
// started with `(*exec.Cmd).Start` and never waited for stays a zombie in the
// process table with its pipes open: the runbook's `ps aux | grep defunct`.
//
// `leakproof/closecheck_test.go` measures the demo's instances: 50 calls on
// the leaky file path leave 50 descriptors open (the fixed sibling: 0), and
// 10 unwaited `Start`s leave 10 zombie children (the fixed sibling: 0).
//
// # Categories
//
//   - `leak`: the resource is not released on some path.
//   - `deferinloop`: the release is deferred inside a loop that acquires a
//     resource per iteration; every one stays open until the function
//     returns, and the function goes on holding them: a later round waits
//     for something outside the program (a request, a query, a dial, a
//     process, the clock, another goroutine; a call that takes a context
//     and can fail), an enclosing loop comes round for more, the function
//     waits after the loop, or the loop goes round until something
//     happens (`for { ... }` around Accept, a poll, a range over a
//     channel). A loop over data the function holds (a range over a
//     slice, map or string, a counted loop) that only computes, in a
//     function that returns right after it, closes them all at once and is
//     not reported; in test files only a benchmark's measured loop is.
//   - `strict` (only with `-closecheck.strict`): the release is reached on
//     every path but is not deferred, while calls that can fail or panic
//     run before it.
//
// # Resources
//
// | acquired by | released by |
// |---|---|
// | `os.Open`, `os.Create`, `os.OpenFile`, `os.CreateTemp`, `os.OpenInRoot`, `(*os.Root).Open/Create/OpenFile` | `Close` |
// | `net.Dial`, `net.DialTimeout`, `(*net.Dialer).Dial/DialContext`, `net.DialTCP`, `net.DialUDP`, `net.ListenUDP`, `net.ListenPacket`, `(*net.ListenConfig).ListenPacket`, `net.ListenMulticastUDP`, `net.ListenUnixgram`, `net.DialUnix`, `net.ListenIP`, `net.DialIP`, `tls.Dial`, `tls.DialWithDialer`, `(*tls.Dialer).Dial/DialContext`, `Listener.Accept`, `(*net.TCPListener).Accept/AcceptTCP`, `(*net.UnixListener).Accept/AcceptUnix` | `Close` |
// | `net.Listen`, `(*net.ListenConfig).Listen`, `net.ListenTCP`, `net.ListenUnix`, `tls.Listen` | `Close`, or handing it to `http.Serve`/`(*http.Server).Serve` |
// | `gzip.NewWriter(Level)`, `zlib.NewWriter(Level)`, `flate.NewWriter` | `Close` |
// | `(*exec.Cmd).Start` | `Wait`, `cmd.Process.Wait`, `cmd.Process.Release` |
// | `time.NewTicker` (files with Go version < 1.23) | `Stop` |
// | `os.FindProcess`, `os.StartProcess` (the `*os.Process` holds a pidfd on Linux since Go 1.23) | `Release` or `Wait` |
// | `Subscribe`, `PSubscribe`, `SSubscribe` of go-redis v9 and v8 clients (a `*redis.PubSub` holds a connection) | `Close` |
// | `Open`, `OpenFile`, `Create` of a github.com/pkg/sftp `*Client` (an `*sftp.File` is a handle the server keeps open) | `Close` |
// | `v1.Layer.Compressed`, `v1.Layer.Uncompressed` (go-containerregistry; a reader opened per call) | `Close` |
// | `syscall.Open/Openat/Socket`, `unix.Open/Openat/Socket` (a raw descriptor) | `syscall.Close`, `unix.Close`, or handing it to a function outside `syscall` and `x/sys/unix` (`os.NewFile`, a helper) |
// | a function whose summary says it returns a wrapper that owns one of the above | the wrapper's `Close` |
// | a function that returns (under any type, an interface too) a value it allocated and started a goroutine on, which loops receiving from a channel field of the value that the value's `Close` closes (a client's background refresh), or from the `Done` of a context the function made with `context.WithCancel` from a parent other than its own parameter and whose cancel function the value keeps in a field that its `Close` calls (a poller rooted in `context.Background`) | the value's `Close` |
// | your own (see `-closecheck.resources`) | your release |
//
// Not resources: `os.Stdin/Stdout/Stderr`, `os.NewFile` of an inherited
// descriptor, `exec.Cmd.Run/Output/CombinedOutput` (they wait), and gzip,
// zlib or flate *readers* (their `Close` releases nothing), and compression
// writers whose every destination (at creation and through `Reset`) is
// memory: into `io.Discard` or a writer of the package that looks at what it
// is written only for its length, they lose nothing anyone reads; into a
// `*bytes.Buffer`, a `*strings.Builder` or a writer of the package whose
// `Write` calls only builtins, they are not reported when the function
// flushes or closes the writer somewhere, which makes what the buffer holds
// its choice. Into memory and neither flushed nor closed, the output read
// from the buffer is truncated: still reported.
//
// Tickers are reported only in files whose Go version is below 1.23: since
// then an unreferenced ticker is collected.
//
// # Bad and Good
//
// File closed only on the success path:
//
//	f, err := os.Open(path) // closecheck: file from os.Open is not closed when returning at line 6
//	if err != nil {
//		return err
//	}
//	if _, err := gzip.NewReader(f); err != nil {
//		return err
//	}
//	defer f.Close()
//
// Fixed:
//
//	f, err := os.Open(path)
//	if err != nil {
//		return err
//	}
//	defer f.Close()
//
// Process never waited for:
//
//	return exec.Command("notify", id).Start() // closecheck: process ... is never waited for (it stays a zombie)
//
// Fixed:
//
//	cmd := exec.Command("notify", id)
//	if err := cmd.Start(); err != nil {
//		return err
//	}
//	go func() { _ = cmd.Wait() }() // or cmd.Run() when the caller can wait
//
// Connection kept only when the handshake succeeds:
//
//	conn, err := net.Dial("tcp", addr) // closecheck: connection from net.Dial is not closed when returning at line 6
//	if err != nil {
//		return nil, err
//	}
//	s, err := NewSession(conn) // keeps conn only when it returns a nil error
//	if err != nil {
//		return nil, err
//	}
//	return s, nil
//
// Fixed:
//
//	s, err := NewSession(conn)
//	if err != nil {
//		conn.Close()
//		return nil, err
//	}
//
// Defer inside a loop (category `deferinloop`):
//
//	for _, p := range paths {
//		f, err := os.Open(p) // closecheck: file from os.Open is released by a defer inside the loop: every iteration's file stays open until the function returns
//		if err != nil {
//			return err
//		}
//		defer f.Close()
//		...
//	}
//	return send(ctx, form) // waits for the server with every file open
//
// Move the body of the loop into a function, or close at the end of each
// iteration.
//
// # Ownership
//
// The same rules as httpbody: returning the value (or a struct that holds
// it), storing it in a field, map, slice or global, sending it on a channel,
// starting a goroutine with it, or passing it to a function whose summary
// says it closes or keeps it ends the duty. A constructor that keeps a
// connection inside the wrapper it returns makes the wrapper the resource:
// callers of that constructor must close the wrapper. Conditional summaries
// catch the constructor that keeps the connection only on success. A
// generic opener that returns the file as its type parameter, constrained
// to a union of closable types (`func create[T *os.File | *LockedFile]`
// returning `any(f).(T)`), hands it to its callers as any opener does.
//
// Resources gathered in a loop into a local slice (or a slice field of a
// local struct) are followed as a collection: returning it, storing it or
// handing it to a closure ends the duty, and so does a loop over it that
// deals with each element (`for _, f := range files { f.Close() }`) on the
// error path of a later acquisition. Dropping the collection on that path
// (`return nil, err` with files already open) is reported:
//
//	func openAll(names []string) ([]*os.File, error) {
//		var files []*os.File
//		for _, n := range names {
//			f, err := os.Open(n) // reported: the files opened so far are dropped
//			if err != nil {
//				return nil, err
//			}
//			files = append(files, f)
//		}
//		return files, nil
//	}
//
// A holder owns what it holds only when it outlives the path. A local
// struct holding a connection, lent to a function of this package that
// keeps nothing of it, is still the caller's: dropping it on an error path
// drops the connection open, and that is reported:
//
//	nc, err := net.Dial("tcp", addr) // reported: dropped with c when the handshake fails
//	if err != nil {
//		return nil, err
//	}
//	c := &client{conn: nc}
//	if err := handshake(c); err != nil {
//		return nil, err
//	}
//	return c, nil
//
// A function of this package that releases what such a holder holds
// (`defer ls.teardown()`) releases it; a setter that stores the value in a
// field behind an interface without Close (`p.SetInput(f)` taking an
// `io.Reader`) keeps it; a constructor that returns nil where it closed its
// argument (`if pc := wrap(c); pc == nil { continue }`) is understood; a
// method value is never nil (`cf := conn.Close; if cf != nil { cf() }`
// closes). A method of a wrapper that closes, before each of its error
// returns, everything the wrapper's own Close closes (a login that hangs up
// when the server refuses it) releases the wrapper where it fails: the
// branch of its error holds nothing, the branch of its success still holds
// the wrapper. A method that returns some error with the connection still
// open (a greeting that fails before the login starts) releases nothing.
//
// A release deferred inside a loop over a short fixed table (at most 16
// elements known at compile time, such as a table-driven test's cases) is
// not reported: it holds at most that many until the function returns.
// In _test.go files a deferred release inside a loop is reported only in
// a benchmark's measured loop (`i < b.N`, `b.Loop()`, `pb.Next()`), whose
// count grows until the timing is stable; other loops there run over the
// test's own data, and the defer releases it all when the test returns.
//
// A helper that registers the release with the running test's Cleanup
// (`t.Cleanup(srv.Close)`) hands its caller nothing to release. So does
// one that takes an interface of its own that *testing.T implements and
// registers the release through the `Cleanup(func())` of the value it is
// given (asserting its `TestingT` to `interface{ Cleanup(func()) }`), but
// only to callers that pass a test's handle there (a *testing.T, B or F,
// or a testing.TB): any other value (a logger standing in for the test)
// may have no Cleanup, and that caller owns the result.
//
// Paths on which a test has already failed (`t.Errorf(...)` then `return`
// or `continue`, `if !assert.NoError(t, err) { return }`, or a helper,
// of the package or of a package of shared test helpers it imports, that
// returns false only after failing the test) and example functions without
// an output comment, which
// `go test` never runs, are not reported. Nor is a branch of a
// table-driven test that no row of its table takes: the rows of a slice
// literal of struct literals that the test ranges over (directly or
// through a variable used for nothing else), whose row variable the loop
// leaves as it is, give each field a constant, or its zero value when
// they leave it out, and a comparison that comes out the same in every
// row (`if tc.wantCode != 0`, no row setting wantCode) decides the
// branch. In a test file, the error of a method of a type the package's
// test files declare (a fake), called directly or through an interface
// the fake was boxed into in sight, is nil when every return of the
// method gives nil and it defers nothing: the path on which it failed is
// no path of the test.
//
// # User-defined resources
//
// `-closecheck.resources` adds your own acquire/release pairs; the syntax is
// in the [configuration guide]: entries separated by `;`, each
// `ACQUIRE[#RESULT] => RELEASE[, RELEASE...]`. Example:
//
//	$ leakvet -closecheck.resources='(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Put; (go.opentelemetry.io/otel/trace.Tracer).Start#1 => .End' ./...
//
// # Strict mode
//
// `-closecheck.strict` reports a release that is reached on every path but is
// not deferred while calls that can fail or panic run before it, and offers a
// fix that moves it into a `defer` right after the error check.
//
// # Suppressing
//
// `//nolint:closecheck`, `//nolint:closecheck/deferinloop`, or
// `//nolint:leakvet` on the reported line or alone on the line above;
// `-closecheck=false` turns the check off.
//
// [configuration guide]: https://github.com/leakvet/leakvet/blob/main/docs/configuration.md
package closecheck
