// Package pin pins github.com/restic/restic@v0.19.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/restic/restic/cmd/restic"
)
