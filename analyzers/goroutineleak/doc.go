// Package goroutineleak defines an Analyzer that reports goroutines that
// can never finish.
//
// # Analyzer goroutineleak
//
// goroutineleak: report goroutines that can never finish
//
// Draft.
package goroutineleak
