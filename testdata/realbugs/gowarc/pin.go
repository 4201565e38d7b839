// Package pin pins github.com/internetarchive/gowarc@v0.8.96 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/internetarchive/gowarc"
)
