// Package pin pins github.com/stephenafamo/bob@v0.48.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/stephenafamo/bob"
)
