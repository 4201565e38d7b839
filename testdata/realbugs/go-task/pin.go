// Package pin pins github.com/go-task/task/v3@v3.19.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/go-task/task/v3/taskfile/read"
)
