package files

import "os"

// A loop whose first test is decided by its counter's start closes the
// file on every iteration: the loop cannot be skipped.
func closedInFixedLoop(path string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	for i := 0; i < 3; i++ {
		f.Close()
	}
}

// The same loop with a bound the function does not know can run zero
// times.
func closedInVariableLoop(path string, n int) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 27`
	if err != nil {
		return
	}
	for i := 0; i < n; i++ {
		f.Close()
	}
}

// A counter that starts at the bound: the loop never runs.
func closedInEmptyLoop(path string) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 38`
	if err != nil {
		return
	}
	for i := 3; i < 3; i++ {
		f.Close()
	}
}

// The second iteration closes: the walk counts the iterations it
// follows, so `i == 0` is decided on each of them.
func closedInSecondIteration(path string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	for i := 0; i < 2; i++ {
		if i == 0 {
			f.Sync()
		} else {
			f.Close()
		}
	}
}

// The closing iteration would be the third, which the loop does not reach.
func closedInMissingIteration(path string) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 67`
	if err != nil {
		return
	}
	for i := 0; i < 2; i++ {
		if i == 2 {
			f.Close()
		}
	}
}

// A range over a local slice literal with elements runs at least once.
func closedInRangeOverLiteral(path string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	for _, name := range []string{"a", "b"} {
		f.WriteString(name)
		f.Close()
	}
}

// A range over an empty literal does not run.
func closedInRangeOverEmptyLiteral(path string) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 91`
	if err != nil {
		return
	}
	for _, name := range []string{} {
		f.WriteString(name)
		f.Close()
	}
}
