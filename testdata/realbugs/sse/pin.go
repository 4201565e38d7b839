// Package pin pins github.com/r3labs/sse/v2@v2.8.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/r3labs/sse/v2"
)
