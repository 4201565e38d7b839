// Package leakproof holds runtime tests that show the patterns leakvet
// reports really leak resources and their fixed versions do not.
//
// Each test drives a function of the demo service (testdata/demo) that
// carries a "// leak:" marker, on the path the marker describes, and its
// correct sibling on the same path, against real parts: a loopback HTTP
// server, an embedded SQLite database, the file system and child processes
// seen through /proc, the goroutine table and the Go heap. The figures the
// tests assert are the ones a service would run out of.
package leakproof
