// Package pin pins github.com/dbos-inc/dbos-transact-golang@v0.15.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/dbos-inc/dbos-transact-golang/dbos"
)
