// Package pin pins github.com/riverqueue/river/riverdriver/riverpgxv5@v0.32.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/riverqueue/river/riverdriver/riverpgxv5"
)
