// Package pin pins github.com/panjf2000/ants/v2@v2.9.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/panjf2000/ants/v2"
)
