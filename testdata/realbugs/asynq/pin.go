// Package pin pins github.com/hibiken/asynq@v0.26.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/hibiken/asynq"
)
