// Package pin pins github.com/willibrandon/mtlog@v0.8.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/willibrandon/mtlog"
)
