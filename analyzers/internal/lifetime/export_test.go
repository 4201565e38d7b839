package lifetime

import "golang.org/x/tools/go/ssa"

// SetPanicHook makes the engine panic while analysing the functions for
// which panics returns true; the returned func restores normal behaviour.
func SetPanicHook(panics func(name string) bool) (restore func()) {
	panicHook = func(fn *ssa.Function) {
		if panics(fn.Name()) {
			panic("forced failure for a test\nsecond line is dropped")
		}
	}
	return func() { panicHook = nil }
}
