// Package pin pins github.com/emiago/sipgo@v0.22.1 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/emiago/sipgo/sip"
)
