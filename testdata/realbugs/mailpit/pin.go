// Package pin pins github.com/axllent/mailpit@v1.27.11 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/axllent/mailpit"
)
