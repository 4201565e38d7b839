// Package pin pins github.com/lib/pq@v1.0.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/lib/pq"
)
