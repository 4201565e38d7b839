// Package closecheck defines an Analyzer that reports files, connections,
// listeners, compression writers, started processes and user-defined
// resources that are not released on every path.
//
// # Analyzer closecheck
//
// closecheck: report files, connections, processes and other closers not released on some path
//
// Every *os.File, net.Conn and net.Listener holds a file descriptor until
// Close; a gzip, zlib or flate writer holds buffered data (and the stream's
// trailer) until Close; a process started with (*exec.Cmd).Start stays a
// zombie until Wait. Left open on an error path, each one leaks a little
// more on every request until the process runs out of descriptors or
// memory.
//
//	f, err := os.Open(path)
//	if err != nil {
//		return err
//	}
//	hdr, err := readHeader(f)
//	if err != nil {
//		return err // f leaks here
//	}
//	defer f.Close()
//
// Defer the release right after the error check:
//
//	f, err := os.Open(path)
//	if err != nil {
//		return err
//	}
//	defer f.Close()
//
// The same ownership rules as httpbody apply: returning the value (or a
// struct that holds it), storing it, sending it, starting a goroutine with
// it, or passing it to a function that closes or keeps it (in any package)
// ends the duty. A value returned with a non-nil error is nil.
//
// Categories:
//
//   - leak: the resource is not released on some path.
//   - deferinloop: the release is deferred inside a loop that acquires a
//     resource per iteration; every one stays open until the function
//     returns.
//   - strict (only with -closecheck.strict): the release is reached on
//     every path but is not deferred, while calls that can fail or panic
//     run before it.
//
// Tickers (time.NewTicker) are reported only in files whose Go version is
// below 1.23: since then an unreferenced ticker is collected.
//
// Users add their own resources with -closecheck.resources, entries
// separated by ';':
//
//	ACQUIRE[#RESULT] => RELEASE[, RELEASE...]
//
// for example "(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Put"
// or "(go.opentelemetry.io/otel/trace.Tracer).Start#1 => .End". See
// docs/configuration.md.
//
// Suppress a finding with //nolint:closecheck, or one category with
// //nolint:closecheck/deferinloop.
package closecheck
