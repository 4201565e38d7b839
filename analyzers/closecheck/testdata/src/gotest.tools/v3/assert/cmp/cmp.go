// Package cmp is a stand-in for gotest.tools/v3/assert/cmp.
package cmp

// Result is the outcome of a comparison.
type Result interface{ Success() bool }

type result bool

func (r result) Success() bool { return bool(r) }

// Comparison is a function that compares when it is called.
type Comparison func() Result

// Error succeeds when err is not nil and has the message.
func Error(err error, message string) Comparison {
	return func() Result { return result(err != nil && err.Error() == message) }
}

// ErrorContains succeeds when err is not nil and contains the substring.
func ErrorContains(err error, substring string) Comparison {
	return func() Result { return result(err != nil) }
}

// Nil succeeds when obj is nil.
func Nil(obj interface{}) Comparison {
	return func() Result { return result(obj == nil) }
}
