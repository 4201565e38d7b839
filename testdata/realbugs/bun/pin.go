// Package pin pins github.com/uptrace/bun@v1.1.5 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/uptrace/bun/migrate"
)
