// Package testpaths holds tests whose leaks are only on paths where the
// test has already failed, beside tests that leak as they pass, and
// examples that go test never runs.
package testpaths
